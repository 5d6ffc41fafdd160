package io.accessgov.dynamics.privilege;

import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamMembership;
import io.accessgov.dynamics.dataverse.TeamRoleLink;
import io.accessgov.dynamics.dataverse.TeamType;
import io.accessgov.dynamics.dataverse.UserRoleLink;
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
 * Which role copies users hold, directly or through owner and Entra-group teams (access teams hold no roles), read
 * through the link tables with filters: the requests grow with the answer, never one per user, role or team.
 *
 * @param byUser user id → the role copies the user holds, each with how
 */
record RoleHoldings(Map<UUID, List<Held>> byUser) {

    /** A role copy held directly or through a team. */
    record Held(UUID roleCopyId, Grant.Source via) {}

    /** Every role copy this user holds: five requests at most. */
    static RoleHoldings ofUser(DataverseClient dataverse, UUID userId) {
        List<Held> held = new ArrayList<>();
        for (UserRoleLink link : dataverse.userRolesOfUser(userId)) {
            held.add(new Held(link.roleId(), Grant.Source.DIRECT));
        }
        Set<UUID> teamIds = new LinkedHashSet<>();
        dataverse.membershipsOfUser(userId).forEach(membership -> teamIds.add(membership.teamId()));
        Map<UUID, Team> teams = teamsHoldingRoles(dataverse, teamIds);
        if (!teams.isEmpty()) {
            for (TeamRoleLink link : dataverse.teamRolesOfTeams(teams.keySet())) {
                Team team = teams.get(link.teamId());
                if (team != null) {
                    held.add(new Held(link.roleId(), Grant.Source.team(team.id().toString(), team.name())));
                }
            }
        }
        return new RoleHoldings(Map.of(userId, List.copyOf(held)));
    }

    /** Everyone holding any of these role copies: four requests and one more per page of the answer. */
    static RoleHoldings ofRoleCopies(DataverseClient dataverse, Collection<UUID> roleCopyIds) {
        Map<UUID, List<Held>> byUser = new HashMap<>();
        if (roleCopyIds.isEmpty()) {
            return new RoleHoldings(byUser);
        }
        for (UserRoleLink link : dataverse.userRolesOfRoles(roleCopyIds)) {
            byUser.computeIfAbsent(link.userId(), user -> new ArrayList<>())
                    .add(new Held(link.roleId(), Grant.Source.DIRECT));
        }
        List<TeamRoleLink> teamRoles = dataverse.teamRolesOfRoles(roleCopyIds);
        Set<UUID> teamIds = new LinkedHashSet<>();
        teamRoles.forEach(link -> teamIds.add(link.teamId()));
        Map<UUID, Team> teams = teamsHoldingRoles(dataverse, teamIds);
        if (!teams.isEmpty()) {
            Map<UUID, List<UUID>> rolesOfTeam = new HashMap<>();
            teamRoles.forEach(link -> rolesOfTeam
                    .computeIfAbsent(link.teamId(), team -> new ArrayList<>())
                    .add(link.roleId()));
            for (TeamMembership membership : dataverse.membershipsOfTeams(teams.keySet())) {
                Team team = teams.get(membership.teamId());
                Grant.Source via = Grant.Source.team(team.id().toString(), team.name());
                List<Held> held = byUser.computeIfAbsent(membership.userId(), user -> new ArrayList<>());
                rolesOfTeam.getOrDefault(team.id(), List.of()).forEach(copy -> held.add(new Held(copy, via)));
            }
        }
        return new RoleHoldings(byUser);
    }

    /**
     * The role copies among {@code onlyCopies} that these users hold: requests grow with the users (in chunks) and
     * what they hold, never with the environment.
     */
    static RoleHoldings ofUsers(DataverseClient dataverse, Collection<UUID> userIds, Set<UUID> onlyCopies) {
        Map<UUID, List<Held>> byUser = new HashMap<>();
        if (userIds.isEmpty() || onlyCopies.isEmpty()) {
            return new RoleHoldings(byUser);
        }
        for (UserRoleLink link : dataverse.userRolesOfUsers(userIds)) {
            if (onlyCopies.contains(link.roleId())) {
                byUser.computeIfAbsent(link.userId(), user -> new ArrayList<>())
                        .add(new Held(link.roleId(), Grant.Source.DIRECT));
            }
        }
        List<TeamMembership> memberships = dataverse.membershipsOfUsers(userIds);
        Set<UUID> theirTeams = new LinkedHashSet<>();
        memberships.forEach(membership -> theirTeams.add(membership.teamId()));
        // the teams holding these copies are fewer than the users' teams: ask by role, keep the users' teams
        Map<UUID, List<UUID>> rolesOfTeam = new HashMap<>();
        for (TeamRoleLink link : dataverse.teamRolesOfRoles(onlyCopies)) {
            if (theirTeams.contains(link.teamId())) {
                rolesOfTeam
                        .computeIfAbsent(link.teamId(), team -> new ArrayList<>())
                        .add(link.roleId());
            }
        }
        Map<UUID, Team> teams = teamsHoldingRoles(dataverse, rolesOfTeam.keySet());
        for (TeamMembership membership : memberships) {
            Team team = teams.get(membership.teamId());
            if (team != null) {
                Grant.Source via = Grant.Source.team(team.id().toString(), team.name());
                List<Held> held = byUser.computeIfAbsent(membership.userId(), user -> new ArrayList<>());
                rolesOfTeam.get(team.id()).forEach(copy -> held.add(new Held(copy, via)));
            }
        }
        return new RoleHoldings(byUser);
    }

    /** Every role copy held by anyone here. */
    Set<UUID> roleCopyIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        byUser.values().forEach(held -> held.forEach(each -> ids.add(each.roleCopyId())));
        return ids;
    }

    /** The teams among {@code teamIds} that can hold roles: owner and Entra-group teams. */
    private static Map<UUID, Team> teamsHoldingRoles(DataverseClient dataverse, Set<UUID> teamIds) {
        Map<UUID, Team> teams = new HashMap<>();
        if (!teamIds.isEmpty()) {
            for (Team team : dataverse.teamsById(teamIds)) {
                if (team.type() != TeamType.ACCESS) {
                    teams.put(team.id(), team);
                }
            }
        }
        return teams;
    }
}
