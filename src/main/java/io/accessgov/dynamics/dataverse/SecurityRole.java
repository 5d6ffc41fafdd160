package io.accessgov.dynamics.dataverse;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One business-unit copy of a security role ({@code role}). Dataverse keeps a copy of every role in every business
 * unit; all copies share {@code rootRoleId}, the root copy's id, which names the logical role.
 *
 * @param parentRoleId the parent business unit's copy; null on the root copy
 * @param rootRoleId the root copy's id ({@code _parentrootroleid_value}); equal to {@code id} on the root copy
 * @param autoAssigned assigned by licence; null where the platform has no such column
 * @param inheritance null where the platform has no such column
 */
public record SecurityRole(
        UUID id,
        String name,
        UUID businessUnitId,
        @Nullable String businessUnitName,
        @Nullable UUID parentRoleId,
        UUID rootRoleId,
        @Nullable UUID roleTemplateId,
        @Nullable String description,
        boolean managed,
        @Nullable Boolean autoAssigned,
        @Nullable RoleInheritance inheritance) {

    /** Whether this is the root copy, the one that names the logical role. */
    public boolean isRoot() {
        return parentRoleId == null;
    }
}
