package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.FieldPermission;
import io.accessgov.dynamics.dataverse.FieldSecurityProfile;
import io.accessgov.dynamics.dataverse.Privilege;
import io.accessgov.dynamics.dataverse.PrivilegeAccess;
import io.accessgov.dynamics.dataverse.PrivilegeDepth;
import io.accessgov.dynamics.dataverse.RolePrivilege;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Columns and row mappings of the tables that say what roles and profiles allow (docs/dataverse.md §14–§15):
 * privileges, role privileges, field security profiles, field permissions. The codes Dataverse stores them with
 * (access-right bits, the depth mask, "Allowed" = 4, the unmasked-read choices) end here.
 */
final class AccessRuleRows {

    static final List<String> PRIVILEGE_COLUMNS = List.of("privilegeid", "name", "accessright");
    static final List<String> ROLE_PRIVILEGE_COLUMNS =
            List.of("roleprivilegeid", "roleid", "privilegeid", "privilegedepthmask");
    static final List<String> PROFILE_COLUMNS = List.of("fieldsecurityprofileid", "name", "description", "ismanaged");
    static final Set<String> PROFILE_OPTIONAL = Set.of("description");
    static final List<String> PERMISSION_COLUMNS = List.of(
            "fieldpermissionid",
            "_fieldsecurityprofileid_value",
            "entityname",
            "attributelogicalname",
            "canread",
            "canreadunmasked",
            "cancreate",
            "canupdate");
    // canreadunmasked is newer than column security itself: older platforms have no masked columns to read
    static final Set<String> PERMISSION_OPTIONAL = Set.of("canreadunmasked");
    static final List<String> USER_PROFILE_COLUMNS =
            List.of("systemuserprofileid", "systemuserid", "fieldsecurityprofileid");
    static final List<String> TEAM_PROFILE_COLUMNS = List.of("teamprofileid", "teamid", "fieldsecurityprofileid");

    /** {@code fieldpermission.canread} and its siblings: 0 Not Allowed, 4 Allowed. */
    private static final int ALLOWED = 4;

    private AccessRuleRows() {}

    static Privilege privilege(JsonNode row) {
        Integer right = Rows.integer(row, "accessright");
        return new Privilege(
                Rows.requiredUuid(row, "privilegeid"),
                Objects.requireNonNullElse(Rows.text(row, "name"), ""),
                right == null ? null : access(right));
    }

    static RolePrivilege rolePrivilege(JsonNode row) {
        Integer mask = Rows.integer(row, "privilegedepthmask");
        return new RolePrivilege(Rows.requiredUuid(row, "roleid"), Rows.requiredUuid(row, "privilegeid"), depth(mask));
    }

    static FieldSecurityProfile profile(JsonNode row) {
        return new FieldSecurityProfile(
                Rows.requiredUuid(row, "fieldsecurityprofileid"),
                Objects.requireNonNullElse(Rows.text(row, "name"), ""),
                Rows.text(row, "description"),
                Rows.bool(row, "ismanaged", false));
    }

    static FieldPermission permission(JsonNode row) {
        Integer unmasked = Rows.integer(row, "canreadunmasked");
        return new FieldPermission(
                Rows.requiredUuid(row, "_fieldsecurityprofileid_value"),
                required(row, "entityname"),
                required(row, "attributelogicalname"),
                allowed(row, "canread"),
                unmasked != null && (unmasked == 1 || unmasked == 3),
                allowed(row, "cancreate"),
                allowed(row, "canupdate"));
    }

    /** The access right of an {@code accessright} value: one bit of {@code AccessRights}; 0 (or none known) → null. */
    static @Nullable PrivilegeAccess access(int accessRight) {
        return switch (accessRight) {
            case 1 -> PrivilegeAccess.READ;
            case 2 -> PrivilegeAccess.WRITE;
            case 4 -> PrivilegeAccess.APPEND;
            case 16 -> PrivilegeAccess.APPEND_TO;
            case 32 -> PrivilegeAccess.CREATE;
            case 65536 -> PrivilegeAccess.DELETE;
            case 262144 -> PrivilegeAccess.SHARE;
            case 524288 -> PrivilegeAccess.ASSIGN;
            default -> null;
        };
    }

    /**
     * The depth of a {@code privilegedepthmask}: the highest of the bits 1, 2, 4, 8 that is set. A mask with none of
     * them (a depth this service does not know, such as a record filter alone) is refused rather than guessed.
     */
    static PrivilegeDepth depth(@Nullable Integer mask) {
        int bits = mask == null ? 0 : mask;
        if ((bits & 8) != 0) {
            return PrivilegeDepth.ORGANIZATION;
        }
        if ((bits & 4) != 0) {
            return PrivilegeDepth.PARENT_CHILD_BUSINESS_UNITS;
        }
        if ((bits & 2) != 0) {
            return PrivilegeDepth.BUSINESS_UNIT;
        }
        if ((bits & 1) != 0) {
            return PrivilegeDepth.USER;
        }
        throw new DataverseRejectedRequest(
                "Dataverse returned a role privilege whose depth mask (" + mask
                        + ") names no depth this service knows.",
                null,
                null);
    }

    private static boolean allowed(JsonNode row, String column) {
        Integer value = Rows.integer(row, column);
        return value != null && value == ALLOWED;
    }

    private static String required(JsonNode row, String column) {
        String text = Rows.text(row, column);
        if (text == null || text.isBlank()) {
            throw new DataverseRejectedRequest("Dataverse returned a row without its '" + column + "'.", null, null);
        }
        return text;
    }
}
