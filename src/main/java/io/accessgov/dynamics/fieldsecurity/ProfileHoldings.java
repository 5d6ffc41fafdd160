package io.accessgov.dynamics.fieldsecurity;

import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamMembership;
import io.accessgov.dynamics.dataverse.TeamProfileLink;
import io.accessgov.dynamics.dataverse.UserProfileLink;
import io.accessgov.dynamics.grant.Grant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who holds which field security profiles, directly or as a member of a team that holds them (docs/dataverse.md §13),
 * read through the link tables with filters: the requests grow with the answer, never one per user or team.
 *
 * @param byUser user id → each profile held, with how
 */
record ProfileHoldings(Map<UUID, List<Held>> byUser) {

    /** A profile held directly or through a team. */
    record Held(UUID profileId, Grant.Source via) {}

    /** Everyone holding any of these profiles. */
    static ProfileHoldings ofProfiles(DataverseClient dataverse, Collection<UUID> profileIds) {
        Map<UUID, List<Held>> byUser = new HashMap<>();
        if (profileIds.isEmpty()) {
            return new ProfileHoldings(byUser);
        }
        for (UserProfileLink link : dataverse.usersOfProfiles(profileIds)) {
            byUser.computeIfAbsent(link.userId(), user -> new ArrayList<>())
                    .add(new Held(link.profileId(), Grant.Source.DIRECT));
        }
        Map<UUID, List<UUID>> profilesOfTeam = new HashMap<>();
        for (TeamProfileLink link : dataverse.teamsOfProfiles(profileIds)) {
            profilesOfTeam
                    .computeIfAbsent(link.teamId(), team -> new ArrayList<>())
                    .add(link.profileId());
        }
        if (!profilesOfTeam.isEmpty()) {
            Map<UUID, Team> teams = new HashMap<>();
            dataverse.teamsById(profilesOfTeam.keySet()).forEach(team -> teams.put(team.id(), team));
            Set<UUID> found = new LinkedHashSet<>(teams.keySet());
            for (TeamMembership membership :
                    found.isEmpty() ? List.<TeamMembership>of() : dataverse.membershipsOfTeams(found)) {
                Team team = teams.get(membership.teamId());
                Grant.Source via = Grant.Source.team(team.id().toString(), team.name());
                List<Held> held = byUser.computeIfAbsent(membership.userId(), user -> new ArrayList<>());
                profilesOfTeam.get(team.id()).forEach(profile -> held.add(new Held(profile, via)));
            }
        }
        return new ProfileHoldings(byUser);
    }
}
