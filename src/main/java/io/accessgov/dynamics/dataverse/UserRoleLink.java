package io.accessgov.dynamics.dataverse;

import java.util.UUID;

/** A role copy assigned directly to a user (a row of {@code systemuserroles}). */
public record UserRoleLink(UUID userId, UUID roleId) {}
