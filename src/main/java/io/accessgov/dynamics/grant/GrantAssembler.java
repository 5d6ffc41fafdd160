package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.grant.AccessFacts.AccountFacts;
import io.accessgov.dynamics.grant.AccessFacts.Link;
import io.accessgov.dynamics.grant.AccessFacts.ProfileFacts;
import io.accessgov.dynamics.grant.AccessFacts.RoleFacts;
import io.accessgov.dynamics.grant.AccessFacts.TeamFacts;
import io.accessgov.dynamics.grant.GrantId.PrincipalType;
import io.accessgov.dynamics.grant.GrantId.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns link rows into grants (docs/api.md §5): role copies are reported on their logical (root) role; an account's
 * direct assignment and the roles it inherits through its teams merge into one grant whose sources name each reason;
 * every team membership is a grant of its own. Ids, source order and revocability are {@link GrantRules}'. Pure: no
 * Dataverse, no Spring.
 */
final class GrantAssembler {

    private GrantAssembler() {}

    /** Every grant the facts prove, ordered by grant id. */
    static List<Grant> assemble(AccessFacts facts) {
        Map<String, Pending> grants = new TreeMap<>();
        Map<UUID, List<UUID>> membersByTeam = new HashMap<>();
        for (Link membership : facts.memberships()) {
            membersByTeam
                    .computeIfAbsent(membership.from(), team -> new ArrayList<>())
                    .add(membership.to());
        }
        for (Link userRole : facts.userRoles()) {
            RoleFacts role = facts.rolesByCopyId().get(userRole.to());
            AccountFacts account = facts.accounts().get(userRole.from());
            if (role != null && account != null) {
                roleOfAccount(grants, role, account).direct = true;
            }
        }
        for (Link teamRole : facts.teamRoles()) {
            RoleFacts role = facts.rolesByCopyId().get(teamRole.to());
            TeamFacts team = facts.teams().get(teamRole.from());
            if (role == null || team == null) {
                continue;
            }
            pending(
                            grants,
                            new GrantId(ResourceType.ROLE, role.rootId(), PrincipalType.TEAM, team.id()),
                            ResourceType.ROLE.ref(role.rootId(), role.name()),
                            PrincipalType.TEAM.ref(team.id(), team.name()))
                    .direct = true;
            for (UUID member : membersByTeam.getOrDefault(team.id(), List.of())) {
                AccountFacts account = facts.accounts().get(member);
                if (account != null) {
                    roleOfAccount(grants, role, account).teams.add(team);
                }
            }
        }
        for (Link membership : facts.memberships()) {
            TeamFacts team = facts.teams().get(membership.from());
            AccountFacts account = facts.accounts().get(membership.to());
            if (team != null && account != null) {
                Pending grant = pending(
                        grants,
                        new GrantId(ResourceType.TEAM, team.id(), PrincipalType.ACCOUNT, account.id()),
                        ResourceType.TEAM.ref(team.id(), team.name()),
                        PrincipalType.ACCOUNT.ref(account.id(), account.displayName()));
                grant.direct = true;
                grant.platformManaged = account.platformManaged();
                grant.managedElsewhere = team.membershipManagedElsewhere();
            }
        }
        assembleProfiles(facts, grants, membersByTeam);
        return grants.values().stream().map(Pending::toGrant).toList();
    }

    /** Profile memberships: an account's own, a team's, and an account's through each team holding the profile. */
    private static void assembleProfiles(
            AccessFacts facts, Map<String, Pending> grants, Map<UUID, List<UUID>> membersByTeam) {
        ResourceType type = ResourceType.FIELD_SECURITY_PROFILE;
        for (Link userProfile : facts.userProfiles()) {
            ProfileFacts profile = facts.profiles().get(userProfile.to());
            AccountFacts account = facts.accounts().get(userProfile.from());
            if (profile != null && account != null) {
                profileOfAccount(grants, profile, account).direct = true;
            }
        }
        for (Link teamProfile : facts.teamProfiles()) {
            ProfileFacts profile = facts.profiles().get(teamProfile.to());
            TeamFacts team = facts.teams().get(teamProfile.from());
            if (profile == null || team == null) {
                continue;
            }
            pending(
                            grants,
                            new GrantId(type, profile.id(), PrincipalType.TEAM, team.id()),
                            type.ref(profile.id(), profile.name()),
                            PrincipalType.TEAM.ref(team.id(), team.name()))
                    .direct = true;
            for (UUID member : membersByTeam.getOrDefault(team.id(), List.of())) {
                AccountFacts account = facts.accounts().get(member);
                if (account != null) {
                    profileOfAccount(grants, profile, account).teams.add(team);
                }
            }
        }
    }

    private static Pending profileOfAccount(Map<String, Pending> grants, ProfileFacts profile, AccountFacts account) {
        ResourceType type = ResourceType.FIELD_SECURITY_PROFILE;
        Pending grant = pending(
                grants,
                new GrantId(type, profile.id(), PrincipalType.ACCOUNT, account.id()),
                type.ref(profile.id(), profile.name()),
                PrincipalType.ACCOUNT.ref(account.id(), account.displayName()));
        grant.platformManaged = account.platformManaged();
        return grant;
    }

    private static Pending roleOfAccount(Map<String, Pending> grants, RoleFacts role, AccountFacts account) {
        Pending grant = pending(
                grants,
                new GrantId(ResourceType.ROLE, role.rootId(), PrincipalType.ACCOUNT, account.id()),
                ResourceType.ROLE.ref(role.rootId(), role.name()),
                PrincipalType.ACCOUNT.ref(account.id(), account.displayName()));
        grant.platformManaged = account.platformManaged();
        return grant;
    }

    private static Pending pending(Map<String, Pending> grants, GrantId id, Grant.Ref resource, Grant.Ref principal) {
        return grants.computeIfAbsent(id.toString(), key -> new Pending(id, resource, principal));
    }

    /** A grant being put together from several link rows. */
    private static final class Pending {
        private final GrantId id;
        private final Grant.Ref resource;
        private final Grant.Ref principal;
        private final Set<TeamFacts> teams = new LinkedHashSet<>();
        private boolean direct;
        private boolean platformManaged;
        private boolean managedElsewhere;

        Pending(GrantId id, Grant.Ref resource, Grant.Ref principal) {
            this.id = id;
            this.resource = resource;
            this.principal = principal;
        }

        Grant toGrant() {
            List<Grant.Source> sources = new ArrayList<>();
            if (direct) {
                sources.add(Grant.Source.DIRECT);
            }
            teams.forEach(team -> sources.add(Grant.Source.team(team.id().toString(), team.name())));
            sources.sort(GrantRules.SOURCE_ORDER);
            return new Grant(
                    id.toString(),
                    resource,
                    id.entitlement(),
                    principal,
                    sources,
                    GrantRules.revocable(direct, platformManaged, managedElsewhere));
        }
    }
}
