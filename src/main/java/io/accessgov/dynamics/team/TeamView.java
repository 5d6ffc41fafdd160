package io.accessgov.dynamics.team;

import io.accessgov.dynamics.businessunit.BusinessUnitRef;
import io.accessgov.dynamics.dataverse.EntraMembershipType;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A team as the API shows it (docs/api.md §4). Named apart from the Dataverse row {@link Team} it is made from.
 *
 * @param id the Dataverse team id ({@code teamid}), lower-case
 * @param defaultBusinessUnitTeam the business unit's default team, which holds every account of the unit
 * @param membershipManagedBy who decides the members, and so whether this service can change them
 * @param entraObjectId the Entra group of an Entra group team
 * @param membershipType which members of the Entra group belong to the team; null for other teams
 * @param administrator the team's administrator; null when it has none
 */
@Schema(name = "Team", description = "A Dataverse team: owner, access or Entra group team.")
public record TeamView(
        @Schema(example = "4c3b2a19-0f8e-4d7c-8b6a-594837261504")
        UUID id,

        @Schema(example = "Sales EMEA") String name,
        TeamType type,
        BusinessUnitRef businessUnit,
        @Schema(example = "false") boolean defaultBusinessUnitTeam,
        MembershipManagement membershipManagedBy,

        @Schema(nullable = true, example = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a") @Nullable
        UUID entraObjectId,

        @Schema(nullable = true) @Nullable EntraMembershipType membershipType,
        @Schema(nullable = true) @Nullable Administrator administrator,

        @Schema(example = "Sales team for Europe, the Middle East and Africa.", nullable = true) @Nullable
        String description) {

    /** The API's view of a Dataverse team. */
    public static TeamView of(Team team) {
        return new TeamView(
                team.id(),
                team.name(),
                team.type(),
                new BusinessUnitRef(team.businessUnitId(), team.businessUnitName()),
                team.defaultBusinessUnitTeam(),
                MembershipManagement.of(team),
                team.entraObjectId(),
                team.type().isEntraGroup() ? team.membershipType() : null,
                team.administratorId() == null ? null : new Administrator(team.administratorId()),
                team.description());
    }

    /**
     * The account that administers a team.
     *
     * @param id the account's Dataverse user id
     */
    @Schema(name = "TeamAdministrator", description = "The account that administers the team.")
    public record Administrator(
            @Schema(example = "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d")
            UUID id) {}
}
