package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.grant.GrantId.PrincipalType;
import io.accessgov.dynamics.grant.GrantId.ResourceType;
import io.accessgov.dynamics.web.Ids;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which grants to list (docs/api.md §5): those of a principal, those on a resource, or both at once.
 *
 * @param principalType null when only the resource is asked about
 * @param resourceType null when only the principal is asked about
 */
record GrantQuery(
        @Nullable PrincipalType principalType,
        @Nullable UUID principalId,
        @Nullable ResourceType resourceType,
        @Nullable UUID resourceId) {

    /** Reads the query parameters, refusing incomplete pairs and unknown types with a sentence that says why. */
    static GrantQuery of(
            @Nullable String principalType,
            @Nullable String principalId,
            @Nullable String resourceType,
            @Nullable String resourceId) {
        boolean principal = pair("principalType", principalType, "principalId", principalId);
        boolean resource = pair("resourceType", resourceType, "resourceId", resourceId);
        if (!principal && !resource) {
            throw new InvalidGrantQuery("Say whose grants or which resource's: give principalType and principalId,"
                    + " or resourceType and resourceId, or both.");
        }
        return new GrantQuery(
                principal ? principalType(principalType) : null,
                principal ? Ids.parseGuid(principalId, "principalId") : null,
                resource ? resourceType(resourceType) : null,
                resource ? Ids.parseGuid(resourceId, "resourceId") : null);
    }

    boolean byPrincipal() {
        return principalType != null;
    }

    boolean byResource() {
        return resourceType != null;
    }

    boolean admits(Grant grant) {
        return (!byPrincipal()
                        || (grant.principal().type().equals(principalType.wireName())
                                && grant.principal().id().equals(principalId.toString())))
                && (!byResource()
                        || (grant.resource().type().equals(resourceType.wireName())
                                && grant.resource().id().equals(resourceId.toString())));
    }

    String fingerprint() {
        return principalType + "|" + principalId + "|" + resourceType + "|" + resourceId;
    }

    private static boolean pair(String typeName, @Nullable String type, String idName, @Nullable String id) {
        boolean hasType = type != null && !type.isEmpty();
        boolean hasId = id != null && !id.isEmpty();
        if (hasType != hasId) {
            throw new InvalidGrantQuery(typeName + " and " + idName + " go together: give both or neither.");
        }
        return hasType;
    }

    private static PrincipalType principalType(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "account" -> PrincipalType.ACCOUNT;
            case "team" -> PrincipalType.TEAM;
            default -> throw new InvalidGrantQuery("principalType is 'account' or 'team'.");
        };
    }

    private static ResourceType resourceType(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "role" -> ResourceType.ROLE;
            case "team" -> ResourceType.TEAM;
            case "field-security-profile" -> ResourceType.FIELD_SECURITY_PROFILE;
            default -> throw new InvalidGrantQuery("resourceType is 'role', 'team' or 'field-security-profile'.");
        };
    }
}
