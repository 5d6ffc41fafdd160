package io.accessgov.dynamics.dataverse;

import java.util.UUID;

/** A team's membership of a field security profile (a row of {@code teamprofiles}); its members have the profile. */
public record TeamProfileLink(UUID teamId, UUID profileId) {}
