package io.accessgov.dynamics.privilege;

import io.accessgov.dynamics.dataverse.Privilege;
import io.accessgov.dynamics.dataverse.PrivilegeAccess;
import io.accessgov.dynamics.dataverse.PrivilegeDepth;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A privilege a logical role holds, at its depth (docs/api.md §10): an item of {@code GET /roles/{id}/privileges}
 * and, with the role's id, a {@code role-privilege} line of a sync's export.
 *
 * @param table the logical name of the table whose definition lists the privilege; null when no table does
 * @param access the access right on that table; null for privileges that are not a table access right
 */
@Schema(description = "A privilege a role holds, and how far it reaches.")
public record RolePrivilegeView(
        @Schema(example = "2d7f3d1e-8c5b-4e0f-9b6a-1c2d3e4f5a6b")
        UUID privilegeId,

        @Schema(example = "prvDeleteAccount") String name,

        @Schema(example = "account", nullable = true) @Nullable
        String table,

        @Schema(nullable = true) @Nullable PrivilegeAccess access,
        PrivilegeDepth depth) {

    /**
     * The view of a privilege held at {@code depth}.
     *
     * @param tables privilege id → table, as the table definitions say ({@code DataverseClient#tablesOfPrivileges})
     */
    public static RolePrivilegeView of(Privilege privilege, Map<UUID, String> tables, PrivilegeDepth depth) {
        String table = tables.get(privilege.id());
        // a right on no table is no table access right, whatever its accessright column says
        PrivilegeAccess access = table == null ? null : privilege.access();
        return new RolePrivilegeView(privilege.id(), privilege.name(), table, access, depth);
    }
}
