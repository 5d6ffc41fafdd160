package io.accessgov.dynamics.grant;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The id of a grant (docs/api.md §5): {@code {resourceType}:{resourceId}:{entitlement}:{principalType}:{principalId}},
 * for example {@code role:0b5c…:assigned:account:2b7e…}. Role ids in it are root role ids.
 */
record GrantId(ResourceType resourceType, UUID resourceId, PrincipalType principalType, UUID principalId) {

    private static final Pattern SHAPE =
            Pattern.compile("(role|team|field-security-profile):([0-9a-fA-F-]{36}):(assigned|member):(account|team):"
                    + "([0-9a-fA-F-]{36})");

    GrantId {
        if (!resourceType.admits(principalType)) {
            throw new MalformedGrantId(
                    resourceType.wireName() + " grants cannot have a " + principalType.wireName() + " as principal");
        }
    }

    /** Reads a grant id, refusing anything that is not exactly of the documented shape. */
    static GrantId parse(String text) {
        if (text == null || text.length() > 200 || !SHAPE.matcher(text).matches()) {
            throw new MalformedGrantId("a grant id looks like role:<role id>:assigned:account:<account id>");
        }
        String[] parts = text.split(":");
        ResourceType resourceType = ResourceType.fromWire(parts[0]);
        if (!resourceType.entitlement().equals(parts[2])) {
            throw new MalformedGrantId("a " + resourceType.wireName() + " offers the entitlement '"
                    + resourceType.entitlement() + "', not '" + parts[2] + "'");
        }
        return new GrantId(resourceType, uuid(parts[1]), PrincipalType.fromWire(parts[3]), uuid(parts[4]));
    }

    private static UUID uuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            if (!id.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException(text);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new MalformedGrantId("'" + text + "' is not a GUID");
        }
    }

    String entitlement() {
        return resourceType.entitlement();
    }

    @Override
    public String toString() {
        return prefix(resourceType, resourceId, principalType) + principalId;
    }

    /**
     * The id of every grant of this resource to principals of this type, up to the principal's id: {@code
     * {resourceType}:{resourceId}:{entitlement}:{principalType}:}. The one place the format is written.
     */
    static String prefix(ResourceType resourceType, UUID resourceId, PrincipalType principalType) {
        return resourceType.wireName() + ":" + resourceId + ":" + resourceType.entitlement() + ":"
                + principalType.wireName() + ":";
    }

    /** What a grant gives access to. */
    enum ResourceType {
        ROLE("assigned"),
        TEAM("member"),
        FIELD_SECURITY_PROFILE("member");

        private final String entitlement;

        ResourceType(String entitlement) {
            this.entitlement = entitlement;
        }

        String entitlement() {
            return entitlement;
        }

        /** {@code role}, {@code team}, {@code field-security-profile}. */
        String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The grant's {@code resource}. */
        Grant.Ref ref(UUID id, @Nullable String displayName) {
            return new Grant.Ref(wireName(), id.toString(), displayName);
        }

        /** Roles and profiles are held by accounts and teams; team memberships by accounts only. */
        boolean admits(PrincipalType principal) {
            return this != TEAM || principal == PrincipalType.ACCOUNT;
        }

        static ResourceType fromWire(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** Who holds a grant. */
    enum PrincipalType {
        ACCOUNT,
        TEAM;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The grant's {@code principal}. */
        Grant.Ref ref(UUID id, @Nullable String displayName) {
            return new Grant.Ref(wireName(), id.toString(), displayName);
        }

        static PrincipalType fromWire(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }
}
