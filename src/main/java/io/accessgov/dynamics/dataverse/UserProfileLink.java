package io.accessgov.dynamics.dataverse;

import java.util.UUID;

/** A user's direct membership of a field security profile (a row of {@code systemuserprofiles}). */
public record UserProfileLink(UUID userId, UUID profileId) {}
