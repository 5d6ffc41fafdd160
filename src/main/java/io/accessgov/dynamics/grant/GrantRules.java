package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.AccessFacts.AccountFacts;
import io.accessgov.dynamics.grant.AccessFacts.Link;
import io.accessgov.dynamics.grant.AccessFacts.ProfileFacts;
import io.accessgov.dynamics.grant.AccessFacts.RoleFacts;
import io.accessgov.dynamics.grant.AccessFacts.TeamFacts;
import io.accessgov.dynamics.grant.GrantId.PrincipalType;
import io.accessgov.dynamics.grant.GrantId.ResourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The grant rules of docs/api.md §5, written once for both renderings of grants: the grants API ({@link
 * GrantAssembler}) and the full sync's byte writer take from here the grant id and entitlement ({@link GrantId}),
 * the order of a grant's sources, and whether a grant is revocable. A caller that has read the link tables itself
 * (the full sync) also gets here the assembly of one account's or team's grants and the system-account toggle, from
 * facts handed in rather than read here.
 */
public class GrantRules {

    /**
     * The order of a grant's sources: {@code direct} first, then the teams by name, case-insensitively (a team without
     * a name as the empty name), then by id.
     */
    public static final Comparator<Grant.Source> SOURCE_ORDER = Comparator.comparing(
                    (Grant.Source source) -> !source.isDirect())
            .thenComparing(
                    source -> source.displayName() == null ? "" : source.displayName(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(source -> source.id() == null ? "" : source.id());

    private final AccountScope scope;

    GrantRules(AccountScope scope) {
        this.scope = scope;
    }

    /** The rules of this environment, whose system-account toggle decides which accounts grants may name. */
    public static GrantRules of(Environment environment) {
        return new GrantRules(AccountScope.of(environment));
    }

    /** A logical role: its root copy's id and name. */
    public record Role(UUID rootId, @Nullable String name) {}

    /** A field security profile: its id and name. */
    public record Profile(UUID id, @Nullable String name) {}

    /**
     * A team with the roles and field security profiles it holds.
     *
     * @param membershipManagedElsewhere true for a business unit's default team and for Entra-group teams
     */
    public record Team(
            UUID id,
            @Nullable String name,
            boolean membershipManagedElsewhere,
            List<Role> roles,
            List<Profile> profiles) {

        public Team {
            roles = List.copyOf(roles);
            profiles = List.copyOf(profiles);
        }

        /** A team that holds no profiles. */
        public Team(UUID id, @Nullable String name, boolean membershipManagedElsewhere, List<Role> roles) {
            this(id, name, membershipManagedElsewhere, roles, List.of());
        }

        /** The team as grants see it, from its Dataverse row. */
        public static Team of(io.accessgov.dynamics.dataverse.Team team, List<Role> roles, List<Profile> profiles) {
            return new Team(
                    team.id(),
                    team.name(),
                    team.defaultBusinessUnitTeam() || team.type().isEntraGroup(),
                    roles,
                    profiles);
        }
    }

    /** An account in scope, as its grants name it. */
    public record Account(UUID id, @Nullable String displayName, boolean platformManaged) {}

    /**
     * What every grant of one resource to an account shares, as the grants API writes it.
     *
     * @param idPrefix the grant id up to the account's id ({@link GrantId#prefix})
     * @param resource the grant's {@code resource}
     * @param entitlement the entitlement the resource offers
     */
    public record Stem(String idPrefix, Grant.Ref resource, String entitlement) {}

    /** The {@code type} of an account as a grant's principal. */
    public static final String ACCOUNT_PRINCIPAL_TYPE = PrincipalType.ACCOUNT.wireName();

    /** The stem of the grant of this logical role to an account. */
    public static Stem roleOfAccount(Role role) {
        return stem(ResourceType.ROLE, role.rootId(), role.name());
    }

    /** The stem of an account's membership of this field security profile. */
    public static Stem profileOfAccount(Profile profile) {
        return stem(ResourceType.FIELD_SECURITY_PROFILE, profile.id(), profile.name());
    }

    /** The stem of an account's membership of this team. */
    public static Stem membershipOf(Team team) {
        return stem(ResourceType.TEAM, team.id(), team.name());
    }

    private static Stem stem(ResourceType type, UUID id, @Nullable String name) {
        return new Stem(GrantId.prefix(type, id, PrincipalType.ACCOUNT), type.ref(id, name), type.entitlement());
    }

    /**
     * Whether this service can remove a grant: only one held directly, and neither of a platform-managed account nor
     * a membership of a team whose members are managed elsewhere (a business unit's default team, an Entra group).
     * Inherited-only grants are not revocable.
     */
    public static boolean revocable(
            boolean heldDirectly, boolean platformManagedAccount, boolean membershipManagedElsewhere) {
        return heldDirectly && !platformManagedAccount && !membershipManagedElsewhere;
    }

    /** The account as grants name it, or empty when the system-account toggle leaves it out of the API. */
    public Optional<Account> accountInScope(SystemUser user) {
        return scope.facts(user).map(facts -> new Account(facts.id(), facts.displayName(), facts.platformManaged()));
    }

    /**
     * Every grant the account holds: its direct roles, the roles it inherits through its teams and its team
     * memberships, ordered by grant id.
     */
    public static List<Grant> ofAccount(Account account, Collection<Role> directRoles, Collection<Team> teams) {
        return ofAccount(account, directRoles, List.of(), teams);
    }

    /**
     * Every grant the account holds: its direct roles and profiles, the roles and profiles it inherits through its
     * teams, and its team memberships, ordered by grant id.
     */
    public static List<Grant> ofAccount(
            Account account, Collection<Role> directRoles, Collection<Profile> directProfiles, Collection<Team> teams) {
        Map<UUID, RoleFacts> roles = new HashMap<>();
        Map<UUID, TeamFacts> teamFacts = new HashMap<>();
        List<Link> userRoles = new ArrayList<>(directRoles.size());
        List<Link> teamRoles = new ArrayList<>();
        List<Link> memberships = new ArrayList<>(teams.size());
        for (Role role : directRoles) {
            roles.put(role.rootId(), new RoleFacts(role.rootId(), role.name()));
            userRoles.add(new Link(account.id(), role.rootId()));
        }
        for (Team team : teams) {
            teamFacts.put(team.id(), new TeamFacts(team.id(), team.name(), team.membershipManagedElsewhere()));
            memberships.add(new Link(team.id(), account.id()));
            for (Role role : team.roles()) {
                roles.put(role.rootId(), new RoleFacts(role.rootId(), role.name()));
                teamRoles.add(new Link(team.id(), role.rootId()));
            }
        }
        Map<UUID, ProfileFacts> profiles = new HashMap<>();
        List<Link> userProfiles = new ArrayList<>(directProfiles.size());
        List<Link> teamProfiles = new ArrayList<>();
        for (Profile profile : directProfiles) {
            profiles.put(profile.id(), new ProfileFacts(profile.id(), profile.name()));
            userProfiles.add(new Link(account.id(), profile.id()));
        }
        for (Team team : teams) {
            for (Profile profile : team.profiles()) {
                profiles.put(profile.id(), new ProfileFacts(profile.id(), profile.name()));
                teamProfiles.add(new Link(team.id(), profile.id()));
            }
        }
        AccessFacts facts = new AccessFacts(
                roles,
                teamFacts,
                Map.of(account.id(), new AccountFacts(account.id(), account.displayName(), account.platformManaged())),
                userRoles,
                teamRoles,
                memberships,
                profiles,
                userProfiles,
                teamProfiles);
        return GrantAssembler.assemble(facts).stream()
                .filter(grant -> grant.principal().type().equals("account"))
                .toList();
    }

    /** Every role and profile the team holds, as grants with the team as principal, ordered by grant id. */
    public static List<Grant> ofTeam(Team team) {
        Map<UUID, RoleFacts> roles = new HashMap<>();
        List<Link> teamRoles = new ArrayList<>();
        for (Role role : team.roles()) {
            roles.put(role.rootId(), new RoleFacts(role.rootId(), role.name()));
            teamRoles.add(new Link(team.id(), role.rootId()));
        }
        Map<UUID, ProfileFacts> profiles = new HashMap<>();
        List<Link> teamProfiles = new ArrayList<>();
        for (Profile profile : team.profiles()) {
            profiles.put(profile.id(), new ProfileFacts(profile.id(), profile.name()));
            teamProfiles.add(new Link(team.id(), profile.id()));
        }
        AccessFacts facts = new AccessFacts(
                roles,
                Map.of(team.id(), new TeamFacts(team.id(), team.name(), team.membershipManagedElsewhere())),
                Map.of(),
                List.of(),
                teamRoles,
                List.of(),
                profiles,
                List.of(),
                teamProfiles);
        return GrantAssembler.assemble(facts);
    }
}
