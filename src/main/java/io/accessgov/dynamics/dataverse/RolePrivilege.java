package io.accessgov.dynamics.dataverse;

import java.util.UUID;

/**
 * A privilege a role holds, at a depth (a row of {@code roleprivileges}). Privileges belong to the root copy of a
 * logical role; some platforms keep rows on business-unit copies too, so {@code roleId} may name a copy.
 */
public record RolePrivilege(UUID roleId, UUID privilegeId, PrivilegeDepth depth) {}
