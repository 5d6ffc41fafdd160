package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.FieldSecurityProfile;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamMembership;
import io.accessgov.dynamics.dataverse.TeamProfileLink;
import io.accessgov.dynamics.dataverse.TeamRoleLink;
import io.accessgov.dynamics.dataverse.UserProfileLink;
import io.accessgov.dynamics.dataverse.UserRoleLink;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.AccessFacts.AccountFacts;
import io.accessgov.dynamics.grant.AccessFacts.Link;
import io.accessgov.dynamics.grant.AccessFacts.ProfileFacts;
import io.accessgov.dynamics.grant.AccessFacts.RoleFacts;
import io.accessgov.dynamics.grant.AccessFacts.TeamFacts;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Reads from Dataverse exactly the links and records one who-has-what question needs, through the link tables with
 * filters: the number of requests depends on the answer's size, never on how many other accounts or teams the
 * environment has.
 */
final class AccessFactsReader {

    private final DataverseClient dataverse;
    private final AccountScope scope;

    AccessFactsReader(DataverseClient dataverse, AccountScope scope) {
        this.dataverse = dataverse;
        this.scope = scope;
    }

    /** Reads the facts of this environment. */
    static AccessFactsReader of(Environment environment) {
        return new AccessFactsReader(environment.dataverse(), AccountScope.of(environment));
    }

    /** An account's direct roles, its teams, and the roles those teams hold. */
    AccessFacts ofAccount(UUID accountId) {
        SystemUser user = dataverse.findUser(accountId).orElseThrow(() -> GrantSubjectNotFound.account(accountId));
        return ofAccount(user);
    }

    /** {@link #ofAccount(UUID)} of a user already read. */
    AccessFacts ofAccount(SystemUser user) {
        UUID accountId = user.id();
        AccountFacts account = scope.facts(user).orElseThrow(() -> GrantSubjectNotFound.account(accountId));
        List<UserRoleLink> direct = dataverse.userRolesOfUser(accountId);
        List<TeamMembership> memberships = dataverse.membershipsOfUser(accountId);
        Set<UUID> teamIds = ids(memberships.stream().map(TeamMembership::teamId));
        List<Team> teams = teamIds.isEmpty() ? List.of() : dataverse.teamsById(teamIds);
        List<TeamRoleLink> teamRoles = teamIds.isEmpty() ? List.of() : dataverse.teamRolesOfTeams(teamIds);
        AccessFacts roles = new AccessFacts(
                roles(Stream.concat(
                        direct.stream().map(UserRoleLink::roleId),
                        teamRoles.stream().map(TeamRoleLink::roleId))),
                teams(teams),
                Map.of(account.id(), account),
                userRoleLinks(direct),
                teamRoleLinks(teamRoles),
                membershipLinks(memberships));
        return withProfiles(
                roles,
                List.of(),
                dataverse.profilesOfUser(accountId),
                teamIds.isEmpty() ? List.of() : dataverse.profilesOfTeams(teamIds));
    }

    /**
     * What several accounts hold, read together: their direct roles, their teams and the roles those teams hold.
     * The requests depend on how many accounts are asked about and what they hold, never on the environment's size.
     * Accounts that do not exist for the API are left out.
     */
    AccessFacts ofAccounts(Collection<UUID> accountIds) {
        Map<UUID, AccountFacts> accounts = accounts(accountIds.stream());
        Set<UUID> inScope = accounts.keySet();
        List<UserRoleLink> direct = inScope.isEmpty() ? List.of() : dataverse.userRolesOfUsers(inScope);
        List<TeamMembership> memberships = inScope.isEmpty() ? List.of() : dataverse.membershipsOfUsers(inScope);
        Set<UUID> teamIds = ids(memberships.stream().map(TeamMembership::teamId));
        List<Team> teams = teamIds.isEmpty() ? List.of() : dataverse.teamsById(teamIds);
        List<TeamRoleLink> teamRoles = teamIds.isEmpty() ? List.of() : dataverse.teamRolesOfTeams(teamIds);
        AccessFacts roles = new AccessFacts(
                roles(Stream.concat(
                        direct.stream().map(UserRoleLink::roleId),
                        teamRoles.stream().map(TeamRoleLink::roleId))),
                teams(teams),
                accounts,
                userRoleLinks(direct),
                teamRoleLinks(teamRoles),
                membershipLinks(memberships));
        return withProfiles(
                roles,
                List.of(),
                inScope.isEmpty() ? List.of() : dataverse.profilesOfUsers(inScope),
                teamIds.isEmpty() ? List.of() : dataverse.profilesOfTeams(teamIds));
    }

    /** The roles a team holds. */
    AccessFacts ofTeamAsPrincipal(UUID teamId) {
        Team team = dataverse.findTeam(teamId).orElseThrow(() -> GrantSubjectNotFound.team(teamId));
        List<TeamRoleLink> teamRoles = dataverse.teamRolesOfTeams(List.of(teamId));
        AccessFacts roles = new AccessFacts(
                roles(teamRoles.stream().map(TeamRoleLink::roleId)),
                teams(List.of(team)),
                Map.of(),
                List.of(),
                teamRoleLinks(teamRoles),
                List.of());
        return withProfiles(roles, List.of(), List.of(), dataverse.profilesOfTeams(List.of(teamId)));
    }

    /** Everyone holding a field security profile: accounts and teams, and the members of those teams. */
    AccessFacts ofProfile(UUID profileId) {
        FieldSecurityProfile profile = dataverse
                .findFieldSecurityProfile(profileId)
                .orElseThrow(() -> GrantSubjectNotFound.profile(profileId));
        List<UserProfileLink> direct = dataverse.usersOfProfiles(List.of(profileId));
        List<TeamProfileLink> teamProfiles = dataverse.teamsOfProfiles(List.of(profileId));
        Set<UUID> teamIds = ids(teamProfiles.stream().map(TeamProfileLink::teamId));
        List<Team> teams = teamIds.isEmpty() ? List.of() : dataverse.teamsById(teamIds);
        List<TeamMembership> memberships = teamIds.isEmpty() ? List.of() : dataverse.membershipsOfTeams(teamIds);
        AccessFacts members = new AccessFacts(
                Map.of(),
                teams(teams),
                accounts(Stream.concat(
                        direct.stream().map(UserProfileLink::userId),
                        memberships.stream().map(TeamMembership::userId))),
                List.of(),
                List.of(),
                membershipLinks(memberships));
        return withProfiles(members, List.of(profile), direct, teamProfiles);
    }

    /** Fails unless the profile exists. */
    void requireProfile(UUID profileId) {
        dataverse.findFieldSecurityProfile(profileId).orElseThrow(() -> GrantSubjectNotFound.profile(profileId));
    }

    /**
     * The facts with these profile links, and the profiles they name: {@code known} ones, the others read in one
     * request.
     */
    private AccessFacts withProfiles(
            AccessFacts facts,
            Collection<FieldSecurityProfile> known,
            Collection<UserProfileLink> users,
            Collection<TeamProfileLink> teams) {
        return facts.withProfiles(profiles(known, users, teams), userProfileLinks(users), teamProfileLinks(teams));
    }

    private Map<UUID, ProfileFacts> profiles(
            Collection<FieldSecurityProfile> known,
            Collection<UserProfileLink> users,
            Collection<TeamProfileLink> teams) {
        Map<UUID, ProfileFacts> profiles = new HashMap<>();
        known.forEach(profile -> profiles.put(profile.id(), new ProfileFacts(profile.id(), profile.name())));
        Set<UUID> missing = ids(Stream.concat(
                        users.stream().map(UserProfileLink::profileId),
                        teams.stream().map(TeamProfileLink::profileId))
                .filter(id -> !profiles.containsKey(id)));
        if (!missing.isEmpty()) {
            dataverse
                    .fieldSecurityProfilesById(missing)
                    .forEach(profile -> profiles.put(profile.id(), new ProfileFacts(profile.id(), profile.name())));
        }
        return profiles;
    }

    /** A team's members. */
    AccessFacts ofTeamAsResource(UUID teamId) {
        Team team = dataverse.findTeam(teamId).orElseThrow(() -> GrantSubjectNotFound.team(teamId));
        List<TeamMembership> memberships = dataverse.membershipsOfTeams(List.of(teamId));
        return new AccessFacts(
                Map.of(),
                teams(List.of(team)),
                accounts(memberships.stream().map(TeamMembership::userId)),
                List.of(),
                List.of(),
                membershipLinks(memberships));
    }

    /** The members of several teams, read together; teams that do not exist are left out. */
    AccessFacts ofTeamsAsResource(Collection<UUID> teamIds) {
        List<Team> teams = teamIds.isEmpty() ? List.of() : dataverse.teamsById(teamIds);
        Set<UUID> found = ids(teams.stream().map(Team::id));
        List<TeamMembership> memberships = found.isEmpty() ? List.of() : dataverse.membershipsOfTeams(found);
        return new AccessFacts(
                Map.of(),
                teams(teams),
                accounts(memberships.stream().map(TeamMembership::userId)),
                List.of(),
                List.of(),
                membershipLinks(memberships));
    }

    /**
     * Everyone holding a logical role: accounts and teams it is assigned to (any business unit's copy), and the
     * members of those teams. {@code roleId} may be the root's or any copy's id.
     */
    AccessFacts ofRole(UUID roleId) {
        SecurityRole named = dataverse.findRole(roleId).orElseThrow(() -> GrantSubjectNotFound.role(roleId));
        return ofRoleCopies(dataverse.roleCopies(named.rootRoleId()));
    }

    /**
     * Everyone holding any logical role named {@code name} (ignoring case): the same facts as {@link #ofRole} for
     * each, read together. No such role → no facts.
     */
    AccessFacts ofRolesNamed(String name) {
        // SQL Server's comparison also ignores trailing blanks: keep only the exact name
        List<SecurityRole> copies = dataverse.rolesNamed(name).stream()
                .filter(copy -> name.equalsIgnoreCase(copy.name()))
                .toList();
        return copies.isEmpty() ? AccessFacts.NONE : ofRoleCopies(copies);
    }

    private AccessFacts ofRoleCopies(List<SecurityRole> copies) {
        Set<UUID> copyIds = ids(copies.stream().map(SecurityRole::id));
        List<UserRoleLink> direct = dataverse.userRolesOfRoles(copyIds);
        List<TeamRoleLink> teamRoles = dataverse.teamRolesOfRoles(copyIds);
        Set<UUID> teamIds = ids(teamRoles.stream().map(TeamRoleLink::teamId));
        List<Team> teams = teamIds.isEmpty() ? List.of() : dataverse.teamsById(teamIds);
        List<TeamMembership> memberships = teamIds.isEmpty() ? List.of() : dataverse.membershipsOfTeams(teamIds);
        Map<UUID, RoleFacts> roles = new HashMap<>();
        copies.forEach(copy -> roles.put(copy.id(), new RoleFacts(copy.rootRoleId(), copy.name())));
        return new AccessFacts(
                roles,
                teams(teams),
                accounts(Stream.concat(
                        direct.stream().map(UserRoleLink::userId),
                        memberships.stream().map(TeamMembership::userId))),
                userRoleLinks(direct),
                teamRoleLinks(teamRoles),
                membershipLinks(memberships));
    }

    /** The root id of the logical role that {@code roleId} (root or copy) belongs to. */
    UUID rootRoleOf(UUID roleId) {
        return dataverse
                .findRole(roleId)
                .orElseThrow(() -> GrantSubjectNotFound.role(roleId))
                .rootRoleId();
    }

    /** Fails unless the team exists. */
    void requireTeam(UUID teamId) {
        dataverse.findTeam(teamId).orElseThrow(() -> GrantSubjectNotFound.team(teamId));
    }

    private Map<UUID, RoleFacts> roles(Stream<UUID> copyIds) {
        Set<UUID> ids = ids(copyIds);
        Map<UUID, RoleFacts> roles = new HashMap<>();
        if (!ids.isEmpty()) {
            for (SecurityRole copy : dataverse.rolesById(ids)) {
                roles.put(copy.id(), new RoleFacts(copy.rootRoleId(), copy.name()));
            }
        }
        return roles;
    }

    private Map<UUID, AccountFacts> accounts(Stream<UUID> userIds) {
        Set<UUID> ids = ids(userIds);
        return ids.isEmpty() ? Map.of() : scope.inScope(dataverse.usersById(ids));
    }

    private static Map<UUID, TeamFacts> teams(Collection<Team> teams) {
        Map<UUID, TeamFacts> facts = new HashMap<>();
        for (Team team : teams) {
            boolean managedElsewhere =
                    team.defaultBusinessUnitTeam() || team.type().isEntraGroup();
            facts.put(team.id(), new TeamFacts(team.id(), team.name(), managedElsewhere));
        }
        return facts;
    }

    private static Set<UUID> ids(Stream<UUID> ids) {
        Set<UUID> distinct = new LinkedHashSet<>();
        ids.forEach(distinct::add);
        return distinct;
    }

    private static List<Link> userRoleLinks(List<UserRoleLink> links) {
        return links.stream()
                .map(link -> new Link(link.userId(), link.roleId()))
                .toList();
    }

    private static List<Link> teamRoleLinks(List<TeamRoleLink> links) {
        return links.stream()
                .map(link -> new Link(link.teamId(), link.roleId()))
                .toList();
    }

    private static List<Link> userProfileLinks(Collection<UserProfileLink> links) {
        return links.stream()
                .map(link -> new Link(link.userId(), link.profileId()))
                .toList();
    }

    private static List<Link> teamProfileLinks(Collection<TeamProfileLink> links) {
        return links.stream()
                .map(link -> new Link(link.teamId(), link.profileId()))
                .toList();
    }

    private static List<Link> membershipLinks(List<TeamMembership> links) {
        return links.stream()
                .map(link -> new Link(link.teamId(), link.userId()))
                .toList();
    }
}
