package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.grant.GrantId.PrincipalType;
import io.accessgov.dynamics.grant.GrantId.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST /api/v1/grants} strictly: one JSON object, no member named twice, no member the
 * contract does not name, every id a GUID, types and entitlement from their short lists. Every problem found is
 * reported at once, each with a JSON pointer. Pure: nothing is read from Dataverse.
 */
final class GrantRequestReader {

    /** No valid grant request comes near this size. */
    static final int MAX_BYTES = 4096;

    private static final Set<String> MEMBERS =
            Set.of("resourceType", "resourceId", "principalType", "principalId", "entitlement", "businessUnitId");
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private GrantRequestReader() {}

    /**
     * @throws InvalidGrantRequest unless the content type is JSON ({@code application/json} or {@code +json})
     */
    static void requireJson(@Nullable String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        boolean json = type != null
                && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        if (!json) {
            throw InvalidGrantRequest.notJson();
        }
    }

    /**
     * @throws InvalidGrantRequest when the body is not a valid grant request
     */
    static GrantRequest read(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw InvalidGrantRequest.tooLarge(MAX_BYTES);
        }
        if (body.length == 0) {
            throw InvalidGrantRequest.unreadable("The request body is missing: send the grant as a JSON object.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw InvalidGrantRequest.unreadable(
                    "The request body is not one JSON object with each member named once.");
        }
        if (root == null || !root.isObject()) {
            throw InvalidGrantRequest.unreadable("The request body must be a JSON object.");
        }
        Errors errors = new Errors();
        for (String name : root.propertyNames()) {
            if (!MEMBERS.contains(name)) {
                errors.add(name, "is not a member of a grant request (allowed: " + String.join(", ", sorted()) + ")");
            }
        }
        ResourceType resourceType = type(root, "resourceType", errors, ResourceType.class);
        UUID resourceId = guid(root, "resourceId", true, errors);
        PrincipalType principalType = type(root, "principalType", errors, PrincipalType.class);
        UUID principalId = guid(root, "principalId", true, errors);
        UUID businessUnitId = guid(root, "businessUnitId", false, errors);
        String entitlement = text(root, "entitlement", false, errors);
        if (resourceType != null) {
            if (entitlement != null && !entitlement.equals(resourceType.entitlement())) {
                errors.add(
                        "entitlement",
                        "must be '" + resourceType.entitlement() + "' for a " + resourceType.wireName()
                                + " (or left out)");
            }
            if (principalType != null && !resourceType.admits(principalType)) {
                errors.add("principalType", "must be 'account': only accounts can be members of a team");
            }
            if (resourceType != ResourceType.ROLE && businessUnitId != null) {
                errors.add("businessUnitId", "applies to roles only");
            }
        }
        errors.throwIfAny();
        return new GrantRequest(resourceType, resourceId, principalType, principalId, businessUnitId);
    }

    private static <E extends Enum<E>> @Nullable E type(JsonNode root, String name, Errors errors, Class<E> type) {
        String text = text(root, name, true, errors);
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (wireName(constant).equalsIgnoreCase(text)) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add("'" + wireName(constant) + "'");
        }
        errors.add(name, "must be " + String.join(" or ", allowed));
        return null;
    }

    /** How the API writes a type: {@code field-security-profile} for {@code FIELD_SECURITY_PROFILE}. */
    private static String wireName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static @Nullable UUID guid(JsonNode root, String name, boolean required, Errors errors) {
        String text = text(root, name, required, errors);
        if (text == null) {
            return null;
        }
        if (!GUID.matcher(text).matches()) {
            errors.add(name, "must be a GUID such as 2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d");
            return null;
        }
        UUID id = UUID.fromString(text);
        if (id.getMostSignificantBits() == 0 && id.getLeastSignificantBits() == 0) {
            errors.add(name, "must not be the empty GUID 00000000-0000-0000-0000-000000000000");
            return null;
        }
        return id;
    }

    private static @Nullable String text(JsonNode root, String name, boolean required, Errors errors) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(name, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            errors.add(name, "must be a string");
            return null;
        }
        return value.asString();
    }

    private static List<String> sorted() {
        return MEMBERS.stream().sorted().toList();
    }

    /** The problems found so far, in the order found. */
    private static final class Errors {
        private final List<Map<String, Object>> found = new ArrayList<>();

        void add(String member, String detail) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("pointer", "#/" + member.replace("~", "~0").replace("/", "~1"));
            error.put("detail", detail);
            found.add(error);
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw InvalidGrantRequest.members(found);
            }
        }
    }
}
