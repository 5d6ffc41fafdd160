package io.accessgov.dynamics.dataverse;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A Dataverse team ({@code team}).
 *
 * @param defaultBusinessUnitTeam the business unit's default team, which holds every user of the unit
 * @param entraObjectId the Entra group of an Entra group team
 * @param membershipType which members of the Entra group belong to the team; null for other teams
 */
public record Team(
        UUID id,
        String name,
        TeamType type,
        UUID businessUnitId,
        @Nullable String businessUnitName,
        boolean defaultBusinessUnitTeam,
        @Nullable UUID entraObjectId,
        @Nullable EntraMembershipType membershipType,
        @Nullable UUID administratorId,
        @Nullable String description) {}
