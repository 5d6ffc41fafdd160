package io.accessgov.dynamics.dataverse;

import java.util.UUID;

/** A role copy assigned to a team (a row of {@code teamroles}). */
public record TeamRoleLink(UUID teamId, UUID roleId) {}
