package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A SCIM PATCH (RFC 7644 §3.5.2) applied by the SCIM SDK to the resource as it stands, and read back as the links
 * to add and remove in one multi-valued attribute ({@code roles} of a User, {@code members} of a Group). Every path
 * form the SDK knows works: {@code add} with or without a path, {@code remove} with a value filter
 * ({@code members[value eq "…"]}), {@code replace}, Entra's {@code remove} of members with a value. A change to any
 * other attribute is refused with {@code 400 mutability}, and the request is refused whole before anything is changed
 * when it is malformed.
 */
final class ScimPatch {

    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private ScimPatch() {}

    /**
     * The links a patch adds and removes.
     *
     * @param add the ids to link, in the order the patch names them
     * @param remove the ids to unlink
     */
    record Links(List<UUID> add, List<UUID> remove) {

        boolean isEmpty() {
            return add.isEmpty() && remove.isEmpty();
        }
    }

    /** Reads the body as a PatchOp message; {@code 400 invalidSyntax} when it is not one. */
    static PatchRequest read(byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            throw ScimRefusal.invalidPatch("invalidSyntax", "Send a PatchOp message (" + PATCH_OP + ") as the body.");
        }
        JsonNode tree;
        try {
            tree = JsonUtils.getObjectReader().readTree(body);
        } catch (JacksonException e) {
            throw ScimRefusal.invalidPatch("invalidSyntax", "The body is not JSON.");
        }
        JsonNode schemas = tree.path("schemas");
        boolean patchOp = false;
        for (JsonNode schema : schemas) {
            patchOp |= PATCH_OP.equals(schema.asString(""));
        }
        if (!patchOp) {
            throw ScimRefusal.invalidPatch("invalidSyntax", "The body must name the schema " + PATCH_OP + ".");
        }
        try {
            return JsonUtils.getObjectReader().forType(PatchRequest.class).readValue(tree);
        } catch (JacksonException e) {
            throw ScimRefusal.invalidPatch(
                    "invalidSyntax",
                    "The PatchOp message is malformed: every operation needs an op of add, remove or replace, and a"
                            + " path where RFC 7644 requires one.");
        }
    }

    /**
     * The links the patch adds to and removes from {@code attribute} of {@code current}.
     *
     * @param current the full resource as it stands
     * @param attribute {@code roles} or {@code members}
     * @param inherited values of {@code attribute} the resource shows but does not hold directly (inherited roles):
     *     naming one in an add asks for a direct link; dropping one asks to remove it (which grant/ refuses)
     */
    static Links links(PatchRequest patch, ObjectNode current, String attribute, Set<String> inherited) {
        ObjectNode after = current.deepCopy();
        try {
            patch.apply(new GenericScimResource(after));
        } catch (ScimException e) {
            String scimType = e.getScimError().getScimType();
            throw ScimRefusal.invalidPatch(
                    scimType == null ? "invalidValue" : scimType, "The patch cannot be applied: " + e.getMessage());
        }
        requireOnlyChanged(current, after, attribute);
        List<Entry> before = entries(current.get(attribute), attribute);
        List<Entry> wanted = entries(after.get(attribute), attribute);
        Set<String> beforeValues = new LinkedHashSet<>();
        before.forEach(entry -> beforeValues.add(entry.value()));
        Set<String> wantedValues = new LinkedHashSet<>();
        wanted.forEach(entry -> wantedValues.add(entry.value()));

        Set<UUID> add = new LinkedHashSet<>();
        for (Entry entry : wanted) {
            boolean heldDirectly = beforeValues.contains(entry.value()) && !inherited.contains(entry.value());
            boolean keptAsInherited = inherited.contains(entry.value())
                    && before.contains(entry)
                    && UserResources.INHERITED.equals(entry.type());
            if (!heldDirectly && !keptAsInherited) {
                add.add(id(entry.value(), attribute));
            }
        }
        Set<UUID> remove = new LinkedHashSet<>();
        for (String value : beforeValues) {
            if (!wantedValues.contains(value)) {
                remove.add(id(value, attribute));
            }
        }
        return new Links(List.copyOf(add), List.copyOf(remove));
    }

    private record Entry(String value, @Nullable String type) {}

    private static List<Entry> entries(@Nullable JsonNode values, String attribute) {
        List<Entry> entries = new ArrayList<>();
        if (values == null || values.isNull()) {
            return entries;
        }
        if (!values.isArray()) {
            throw ScimRefusal.invalidPatch("invalidValue", "'" + attribute + "' is multi-valued: give a list.");
        }
        for (JsonNode value : values) {
            JsonNode id = value.get("value");
            if (id == null || !id.isString()) {
                throw ScimRefusal.invalidPatch(
                        "invalidValue", "Every value of '" + attribute + "' needs its 'value', the id to link.");
            }
            JsonNode type = value.get("type");
            entries.add(new Entry(id.asString().toLowerCase(Locale.ROOT), type == null ? null : type.asString(null)));
        }
        return entries;
    }

    private static UUID id(String value, String attribute) {
        UUID id = FilterTerms.guidOrNull(value);
        if (id == null) {
            throw ScimRefusal.invalidPatch(
                    "invalidValue", "'" + value + "' in '" + attribute + "' is not an id: ids are GUIDs.");
        }
        return id;
    }

    /** Refuses a patch that changes anything but {@code attribute}: everything else comes from Dataverse or Entra. */
    private static void requireOnlyChanged(ObjectNode current, ObjectNode after, String attribute) {
        Set<String> names = new LinkedHashSet<>();
        current.propertyNames().forEach(names::add);
        after.propertyNames().forEach(names::add);
        for (String name : names) {
            if (name.equalsIgnoreCase(attribute) || name.equals("meta")) {
                continue;
            }
            JsonNode was = current.get(name);
            JsonNode is = after.get(name);
            if (was == null ? is != null : !was.equals(is)) {
                throw ScimRefusal.invalidPatch(
                        "mutability",
                        "'" + name + "' cannot be changed here; only '" + attribute + "' can. The other attributes"
                                + " come from Dataverse and Microsoft Entra ID.");
            }
        }
    }

    /** The {@code If-Match} precondition (RFC 7644 §3.14): a stale version is a 412, and nothing is changed. */
    static void requireVersion(@Nullable String ifMatch, ObjectNode current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String version = current.path("meta").path("version").asString("");
        if (!Versions.matches(ifMatch, version)) {
            throw new ScimRefusal(
                    ProblemKind.PRECONDITION_FAILED,
                    null,
                    "The resource has changed since version " + ifMatch.trim() + " was read; it is now " + version
                            + ". Read it again and repeat the change.");
        }
    }
}
