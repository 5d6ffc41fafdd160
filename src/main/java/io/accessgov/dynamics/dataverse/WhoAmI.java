package io.accessgov.dynamics.dataverse;

import java.util.UUID;

/** The answer of Dataverse's {@code WhoAmI} function: the service's own application user. */
public record WhoAmI(UUID userId, UUID businessUnitId, UUID organizationId) {}
