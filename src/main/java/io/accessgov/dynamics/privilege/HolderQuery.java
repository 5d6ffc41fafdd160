package io.accessgov.dynamics.privilege;

import io.accessgov.dynamics.dataverse.PrivilegeAccess;
import io.accessgov.dynamics.dataverse.PrivilegeDepth;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which privilege {@code GET /privilege-holders} asks about (docs/api.md §10): by name, or by table and access
 * right; never both, never half of one.
 *
 * @param privilege a privilege name such as {@code prvExportToExcel} (case ignored), or null
 * @param table a table's logical name (case ignored), or null
 */
record HolderQuery(
        @Nullable String privilege,
        @Nullable String table,
        @Nullable PrivilegeAccess access,
        PrivilegeDepth minDepth) {

    /**
     * @throws InvalidPrivilegeQuery unless exactly one form is given whole
     */
    static HolderQuery of(
            @Nullable String privilege,
            @Nullable String table,
            @Nullable PrivilegeAccess access,
            @Nullable PrivilegeDepth minDepth) {
        String name = nonBlank(privilege, "privilege");
        String logicalName = nonBlank(table, "table");
        if (name != null && (logicalName != null || access != null)) {
            throw new InvalidPrivilegeQuery(
                    "Ask either by privilege, or by table and access; not both (privilege=" + name + ").");
        }
        if (name == null && (logicalName == null || access == null)) {
            throw new InvalidPrivilegeQuery(
                    "Name the privilege: privilege=<name> (such as prvExportToExcel), or table=<logical name> and"
                            + " access=<CREATE|READ|WRITE|DELETE|APPEND|APPEND_TO|ASSIGN|SHARE> together.");
        }
        return new HolderQuery(
                name,
                logicalName == null ? null : logicalName.toLowerCase(Locale.ROOT),
                access,
                minDepth == null ? PrivilegeDepth.USER : minDepth);
    }

    /** What page tokens of this question are bound to. */
    Object[] fingerprint() {
        return new Object[] {privilege == null ? null : privilege.toLowerCase(Locale.ROOT), table, access, minDepth};
    }

    private static @Nullable String nonBlank(@Nullable String text, String parameter) {
        if (text != null && text.isBlank()) {
            throw new InvalidPrivilegeQuery(parameter + " must not be empty.");
        }
        return text;
    }
}
