package io.accessgov.dynamics.dataverse;

import java.util.UUID;

/** A user's membership of a team (a row of {@code teammembership}). */
public record TeamMembership(UUID teamId, UUID userId) {}
