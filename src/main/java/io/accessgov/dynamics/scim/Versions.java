package io.accessgov.dynamics.scim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The version of a SCIM resource ({@code meta.version}, the {@code ETag}; RFC 7644 §3.14): a weak entity tag
 * derived from everything the resource shows but its {@code meta}, so it changes whenever a role, a member or any
 * other attribute does, and only then, without Dataverse keeping a version of its own for links.
 */
final class Versions {

    /** Resources are built in a fixed order (attributes, roles and members sorted), so their text is canonical. */
    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    private Versions() {}

    /** {@code W/"…"} for this resource; its {@code meta}, if it has one, is left out. */
    static String of(JsonNode resource) {
        JsonNode content = resource.deepCopy();
        if (content.isObject()) {
            ((tools.jackson.databind.node.ObjectNode) content).remove("meta");
        }
        byte[] canonical = CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return "W/\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /** Whether an {@code If-Match} header admits this version: {@code *}, or one of its tags, weak or strong. */
    static boolean matches(String ifMatch, String version) {
        String opaque = opaque(version);
        for (String tag : ifMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || opaque(trimmed).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
