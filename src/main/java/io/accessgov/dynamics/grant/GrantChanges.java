package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.dataverse.BusinessRuleViolated;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.FieldSecurityProfile;
import io.accessgov.dynamics.dataverse.LinkChange;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamMembership;
import io.accessgov.dynamics.dataverse.TeamProfileLink;
import io.accessgov.dynamics.dataverse.TeamRoleLink;
import io.accessgov.dynamics.dataverse.TeamType;
import io.accessgov.dynamics.dataverse.UserRoleLink;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.AccessFacts.AccountFacts;
import io.accessgov.dynamics.grant.GrantId.PrincipalType;
import io.accessgov.dynamics.grant.GrantId.ResourceType;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;

/**
 * Grants and revokes roles, team memberships and field security profiles (docs/api.md §5, §10). Everything that can
 * be known before a write
 * is checked first, so a refused change sends nothing to Dataverse: the subjects exist for the API (404 otherwise,
 * hidden accounts included), the account is not platform-managed, the team's membership is managed here, access
 * teams get no roles and no profiles, the role has a copy in the business unit. Then, under the grant's lock, the current links are
 * read and only a missing (or present) one is written; holding any copy of a role directly counts as holding it.
 */
@Slf4j
final class GrantChanges {

    private final Environment environment;
    private final DataverseClient dataverse;
    private final AccountScope scope;
    private final GrantService grants;
    private final GrantLocks locks;

    /** The changes of one environment: its Dataverse, its account rules, its grants and locks. */
    GrantChanges(Environment environment, GrantService grants, GrantLocks locks) {
        this.environment = environment;
        this.dataverse = environment.dataverse();
        this.scope = AccountScope.of(environment);
        this.grants = grants;
        this.locks = locks;
    }

    /** Creates the grant asked for, or finds it already held. */
    ChangeResult grant(GrantRequest request, ChangeAttempt attempt) {
        // As asked (a role may be named by a copy); renamed with the root role once it is known.
        attempt.grantId(new GrantId(
                request.resourceType(), request.resourceId(), request.principalType(), request.principalId()));
        if (request.resourceType() == ResourceType.TEAM) {
            return addMember(request.resourceId(), request.principalId(), attempt);
        }
        if (request.resourceType() == ResourceType.FIELD_SECURITY_PROFILE) {
            return addProfile(request.resourceId(), request.principalType(), request.principalId(), attempt);
        }
        if (request.principalType() == PrincipalType.ACCOUNT) {
            return assignToAccount(request.resourceId(), request.principalId(), request.businessUnitId(), attempt);
        }
        return assignToTeam(request.resourceId(), request.principalId(), request.businessUnitId(), attempt);
    }

    /** Removes the direct grant, if there is one. */
    ChangeResult revoke(GrantId id, ChangeAttempt attempt) {
        attempt.grantId(id);
        if (id.resourceType() == ResourceType.TEAM) {
            return removeMember(id.resourceId(), id.principalId(), attempt);
        }
        if (id.resourceType() == ResourceType.FIELD_SECURITY_PROFILE) {
            return removeProfile(id.resourceId(), id.principalType(), id.principalId(), attempt);
        }
        if (id.principalType() == PrincipalType.ACCOUNT) {
            return removeFromAccount(id.resourceId(), id.principalId(), attempt);
        }
        return removeFromTeam(id.resourceId(), id.principalId(), attempt);
    }

    // Roles of accounts

    private ChangeResult assignToAccount(UUID roleId, UUID userId, @Nullable UUID unitAsked, ChangeAttempt attempt) {
        SystemUser user = account(userId);
        SecurityRole role = role(roleId);
        changeable(user);
        GrantId id = named(attempt, new GrantId(ResourceType.ROLE, role.rootRoleId(), PrincipalType.ACCOUNT, userId));
        List<SecurityRole> copies = dataverse.roleCopies(role.rootRoleId());
        SecurityRole copy = copyIn(copies, role.rootRoleId(), unitAsked, user.businessUnitId());
        Set<UUID> copyIds = ids(copies);
        return locks.withLock(environment.name(), id, () -> {
            boolean held = dataverse.userRolesOfUser(userId).stream()
                    .map(UserRoleLink::roleId)
                    .anyMatch(copyIds::contains);
            if (held) {
                return answer(ChangeOutcome.ALREADY_HELD, id, false, null);
            }
            return created(id, refusedAs(userId, () -> dataverse.assignRoleToUser(userId, copy.id())));
        });
    }

    private ChangeResult removeFromAccount(UUID roleId, UUID userId, ChangeAttempt attempt) {
        SystemUser user = account(userId);
        SecurityRole role = role(roleId);
        changeable(user);
        GrantId id = named(attempt, new GrantId(ResourceType.ROLE, role.rootRoleId(), PrincipalType.ACCOUNT, userId));
        Set<UUID> copyIds = ids(dataverse.roleCopies(role.rootRoleId()));
        return locks.withLock(environment.name(), id, () -> {
            List<UUID> direct = dataverse.userRolesOfUser(user.id()).stream()
                    .map(UserRoleLink::roleId)
                    .filter(copyIds::contains)
                    .distinct()
                    .toList();
            List<GrantRefused.Through> through = inheritedThrough(userId, copyIds);
            if (direct.isEmpty()) {
                if (!through.isEmpty()) {
                    throw GrantRefused.inheritedOnly(id, through);
                }
                return answer(ChangeOutcome.ALREADY_ABSENT, id, false, null);
            }
            Removal removal = new Removal();
            for (UUID copy : direct) {
                removal.add(refusedAs(userId, () -> dataverse.removeRoleFromUser(userId, copy)));
            }
            return removal.answer(id, !through.isEmpty());
        });
    }

    /** The teams of the account that hold one of these role copies. */
    private List<GrantRefused.Through> inheritedThrough(UUID userId, Set<UUID> copyIds) {
        Set<UUID> teamIds = dataverse.membershipsOfUser(userId).stream()
                .map(TeamMembership::teamId)
                .collect(Collectors.toSet());
        if (teamIds.isEmpty()) {
            return List.of();
        }
        Set<UUID> holding = dataverse.teamRolesOfTeams(teamIds).stream()
                .filter(link -> copyIds.contains(link.roleId()))
                .map(TeamRoleLink::teamId)
                .collect(Collectors.toSet());
        return holding.isEmpty() ? List.of() : through(holding);
    }

    /** These teams as the reasons a grant is inherited, in source order. */
    private List<GrantRefused.Through> through(Set<UUID> holding) {
        return dataverse.teamsById(holding).stream()
                .map(team -> new GrantRefused.Through(team.id(), team.name()))
                .sorted(Comparator.comparing(
                        through -> Grant.Source.team(through.id().toString(), through.displayName()),
                        GrantRules.SOURCE_ORDER))
                .toList();
    }

    // Roles of teams

    private ChangeResult assignToTeam(UUID roleId, UUID teamId, @Nullable UUID unitAsked, ChangeAttempt attempt) {
        Team team = team(teamId);
        SecurityRole role = role(roleId);
        GrantId id = named(attempt, new GrantId(ResourceType.ROLE, role.rootRoleId(), PrincipalType.TEAM, teamId));
        if (team.type() == TeamType.ACCESS) {
            throw GrantRefused.accessTeam(team);
        }
        List<SecurityRole> copies = dataverse.roleCopies(role.rootRoleId());
        SecurityRole copy = copyIn(copies, role.rootRoleId(), unitAsked, team.businessUnitId());
        Set<UUID> copyIds = ids(copies);
        return locks.withLock(environment.name(), id, () -> {
            if (!teamRoleCopies(teamId, copyIds).isEmpty()) {
                return answer(ChangeOutcome.ALREADY_HELD, id, false, null);
            }
            return created(id, refusedAs(teamId, () -> dataverse.assignRoleToTeam(teamId, copy.id())));
        });
    }

    private ChangeResult removeFromTeam(UUID roleId, UUID teamId, ChangeAttempt attempt) {
        team(teamId);
        SecurityRole role = role(roleId);
        GrantId id = named(attempt, new GrantId(ResourceType.ROLE, role.rootRoleId(), PrincipalType.TEAM, teamId));
        Set<UUID> copyIds = ids(dataverse.roleCopies(role.rootRoleId()));
        return locks.withLock(environment.name(), id, () -> {
            List<UUID> held = teamRoleCopies(teamId, copyIds);
            if (held.isEmpty()) {
                return answer(ChangeOutcome.ALREADY_ABSENT, id, false, null);
            }
            Removal removal = new Removal();
            for (UUID copy : held) {
                removal.add(refusedAs(teamId, () -> dataverse.removeRoleFromTeam(teamId, copy)));
            }
            return removal.answer(id, false);
        });
    }

    private List<UUID> teamRoleCopies(UUID teamId, Set<UUID> copyIds) {
        return dataverse.teamRolesOfTeams(List.of(teamId)).stream()
                .map(TeamRoleLink::roleId)
                .filter(copyIds::contains)
                .distinct()
                .toList();
    }

    // Team memberships

    private ChangeResult addMember(UUID teamId, UUID userId, ChangeAttempt attempt) {
        Team team = team(teamId);
        GrantId id = named(attempt, new GrantId(ResourceType.TEAM, teamId, PrincipalType.ACCOUNT, userId));
        changeable(account(userId));
        membershipManagedHere(team);
        return locks.withLock(environment.name(), id, () -> {
            if (isMember(teamId, userId)) {
                return answer(ChangeOutcome.ALREADY_HELD, id, false, null);
            }
            return created(id, refusedAs(userId, () -> dataverse.addTeamMember(teamId, userId)));
        });
    }

    private ChangeResult removeMember(UUID teamId, UUID userId, ChangeAttempt attempt) {
        Team team = team(teamId);
        GrantId id = named(attempt, new GrantId(ResourceType.TEAM, teamId, PrincipalType.ACCOUNT, userId));
        changeable(account(userId));
        membershipManagedHere(team);
        return locks.withLock(environment.name(), id, () -> {
            if (!isMember(teamId, userId)) {
                return answer(ChangeOutcome.ALREADY_ABSENT, id, false, null);
            }
            Removal removal = new Removal();
            removal.add(refusedAs(userId, () -> dataverse.removeTeamMember(teamId, userId)));
            return removal.answer(id, false);
        });
    }

    private boolean isMember(UUID teamId, UUID userId) {
        return dataverse.membershipsOfUser(userId).stream()
                .anyMatch(membership -> membership.teamId().equals(teamId));
    }

    private static void membershipManagedHere(Team team) {
        if (team.defaultBusinessUnitTeam()) {
            throw GrantRefused.defaultTeam(team);
        }
        if (team.type().isEntraGroup()) {
            throw GrantRefused.entraGroupTeam(team);
        }
    }

    // Field security profiles (docs/api.md §10): held like roles, by accounts, by teams and through teams

    private ChangeResult addProfile(UUID profileId, PrincipalType holder, UUID holderId, ChangeAttempt attempt) {
        profile(profileId);
        GrantId id = named(attempt, new GrantId(ResourceType.FIELD_SECURITY_PROFILE, profileId, holder, holderId));
        if (holder == PrincipalType.ACCOUNT) {
            changeable(account(holderId));
            return locks.withLock(environment.name(), id, () -> {
                if (holdsProfileDirectly(holderId, profileId)) {
                    return answer(ChangeOutcome.ALREADY_HELD, id, false, null);
                }
                return created(id, profileRefusedAs(holderId, () -> dataverse.addProfileToUser(holderId, profileId)));
            });
        }
        Team team = team(holderId);
        if (team.type() == TeamType.ACCESS) {
            throw GrantRefused.accessTeamProfiles(team);
        }
        return locks.withLock(environment.name(), id, () -> {
            if (teamHoldsProfile(holderId, profileId)) {
                return answer(ChangeOutcome.ALREADY_HELD, id, false, null);
            }
            return created(id, profileRefusedAs(holderId, () -> dataverse.addProfileToTeam(holderId, profileId)));
        });
    }

    private ChangeResult removeProfile(UUID profileId, PrincipalType holder, UUID holderId, ChangeAttempt attempt) {
        profile(profileId);
        GrantId id = named(attempt, new GrantId(ResourceType.FIELD_SECURITY_PROFILE, profileId, holder, holderId));
        if (holder == PrincipalType.TEAM) {
            team(holderId);
            return locks.withLock(environment.name(), id, () -> {
                if (!teamHoldsProfile(holderId, profileId)) {
                    return answer(ChangeOutcome.ALREADY_ABSENT, id, false, null);
                }
                Removal removal = new Removal();
                removal.add(profileRefusedAs(holderId, () -> dataverse.removeProfileFromTeam(holderId, profileId)));
                return removal.answer(id, false);
            });
        }
        changeable(account(holderId));
        return locks.withLock(environment.name(), id, () -> {
            List<GrantRefused.Through> through = profileThrough(holderId, profileId);
            if (!holdsProfileDirectly(holderId, profileId)) {
                if (!through.isEmpty()) {
                    throw GrantRefused.inheritedOnly(id, through);
                }
                return answer(ChangeOutcome.ALREADY_ABSENT, id, false, null);
            }
            Removal removal = new Removal();
            removal.add(profileRefusedAs(holderId, () -> dataverse.removeProfileFromUser(holderId, profileId)));
            return removal.answer(id, !through.isEmpty());
        });
    }

    private boolean holdsProfileDirectly(UUID userId, UUID profileId) {
        return dataverse.profilesOfUser(userId).stream()
                .anyMatch(link -> link.profileId().equals(profileId));
    }

    private boolean teamHoldsProfile(UUID teamId, UUID profileId) {
        return dataverse.profilesOfTeams(List.of(teamId)).stream()
                .anyMatch(link -> link.profileId().equals(profileId));
    }

    /** The teams of the account that hold the profile. */
    private List<GrantRefused.Through> profileThrough(UUID userId, UUID profileId) {
        Set<UUID> teamIds = dataverse.membershipsOfUser(userId).stream()
                .map(TeamMembership::teamId)
                .collect(Collectors.toSet());
        if (teamIds.isEmpty()) {
            return List.of();
        }
        Set<UUID> holding = dataverse.profilesOfTeams(teamIds).stream()
                .filter(link -> link.profileId().equals(profileId))
                .map(TeamProfileLink::teamId)
                .collect(Collectors.toSet());
        return holding.isEmpty() ? List.of() : through(holding);
    }

    private FieldSecurityProfile profile(UUID profileId) {
        return dataverse.findFieldSecurityProfile(profileId).orElseThrow(() -> GrantSubjectNotFound.profile(profileId));
    }

    /** Dataverse's refusal of a profile change as this service's 409; any other refusal passes unchanged. */
    private static LinkChange profileRefusedAs(UUID principalId, Supplier<LinkChange> write) {
        try {
            return write.get();
        } catch (BusinessRuleViolated refused) {
            throw GrantRefused.fromDataverse(refused, principalId, ResourceType.FIELD_SECURITY_PROFILE)
                    .orElseThrow(() -> refused);
        }
    }

    // Subjects

    /** The account, if it exists for the API (the system-account toggle hides some). */
    private SystemUser account(UUID userId) {
        SystemUser user = dataverse.findUser(userId).orElseThrow(() -> GrantSubjectNotFound.account(userId));
        scope.facts(user).orElseThrow(() -> GrantSubjectNotFound.account(userId));
        return user;
    }

    /** Fails for an account this service never changes. */
    private void changeable(SystemUser user) {
        if (scope.facts(user).map(AccountFacts::platformManaged).orElse(true)) {
            throw GrantRefused.platformManaged(user.id());
        }
        if (dataverse.lacksAccountClassificationColumns()) {
            throw GrantRefused.platformManagedUnknown(user.id());
        }
    }

    private SecurityRole role(UUID roleId) {
        return dataverse.findRole(roleId).orElseThrow(() -> GrantSubjectNotFound.role(roleId));
    }

    private Team team(UUID teamId) {
        return dataverse.findTeam(teamId).orElseThrow(() -> GrantSubjectNotFound.team(teamId));
    }

    /** The copy of the role in the business unit asked for, or else in the principal's own. */
    private SecurityRole copyIn(
            List<SecurityRole> copies, UUID rootRoleId, @Nullable UUID unitAsked, UUID principalsUnit) {
        UUID unit = unitAsked != null ? unitAsked : principalsUnit;
        return copies.stream()
                .filter(copy -> copy.businessUnitId().equals(unit))
                .findFirst()
                .orElseThrow(() -> {
                    if (unitAsked != null
                            && dataverse.findBusinessUnit(unitAsked).isEmpty()) {
                        return GrantSubjectNotFound.businessUnit(unitAsked);
                    }
                    return GrantRefused.noCopyInBusinessUnit(rootRoleId, unit);
                });
    }

    // Answers

    private static GrantId named(ChangeAttempt attempt, GrantId id) {
        attempt.grantId(id);
        return id;
    }

    private ChangeResult created(GrantId id, LinkChange change) {
        return change.changed()
                ? answer(ChangeOutcome.CREATED, id, true, change.requestId())
                : answer(ChangeOutcome.ALREADY_HELD, id, false, change.requestId());
    }

    private ChangeResult answer(ChangeOutcome outcome, GrantId id, boolean changed, @Nullable String requestId) {
        Grant grant = outcome.held() ? readBack(id, outcome) : null;
        return new ChangeResult(outcome, id, grant, changed, requestId);
    }

    /**
     * The grant as it stands after the change. The change is done by now: if reading it back fails, the answer
     * still tells the truth about the change, with the grant reduced to what is known without that read.
     */
    private Grant readBack(GrantId id, ChangeOutcome outcome) {
        try {
            return grants.get(environment, id);
        } catch (DataverseException | GrantNotFound e) {
            log.warn("Grant {} was changed ({}), but reading it back failed: {}", id, outcome, e.getMessage());
            boolean direct = outcome == ChangeOutcome.CREATED || outcome == ChangeOutcome.ALREADY_HELD;
            // the checks before the change ruled out a platform-managed account and a membership managed elsewhere
            return new Grant(
                    id.toString(),
                    id.resourceType().ref(id.resourceId(), null),
                    id.entitlement(),
                    id.principalType().ref(id.principalId(), null),
                    direct ? List.of(Grant.Source.DIRECT) : List.of(),
                    GrantRules.revocable(direct, false, false));
        }
    }

    /** Dataverse's refusal of a grant rule as this service's 409; any other refusal passes unchanged. */
    private static LinkChange refusedAs(UUID principalId, Supplier<LinkChange> write) {
        try {
            return write.get();
        } catch (BusinessRuleViolated refused) {
            throw GrantRefused.fromDataverse(refused, principalId).orElseThrow(() -> refused);
        }
    }

    /** The removals of one revoke: what they changed, and the last request id. */
    private final class Removal {
        private boolean changed;
        private @Nullable String requestId;

        void add(LinkChange change) {
            changed |= change.changed();
            if (change.requestId() != null) {
                requestId = change.requestId();
            }
        }

        ChangeResult answer(GrantId id, boolean accessRemains) {
            ChangeOutcome outcome;
            if (accessRemains) {
                outcome = ChangeOutcome.REMAINS_THROUGH_TEAMS;
            } else {
                outcome = changed ? ChangeOutcome.REMOVED : ChangeOutcome.ALREADY_ABSENT;
            }
            return GrantChanges.this.answer(outcome, id, changed, requestId);
        }
    }

    private static Set<UUID> ids(List<SecurityRole> copies) {
        return copies.stream().map(SecurityRole::id).collect(Collectors.toSet());
    }
}
