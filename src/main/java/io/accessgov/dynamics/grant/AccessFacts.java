package io.accessgov.dynamics.grant;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What was read from Dataverse to answer one who-has-what question: the links in scope and what is known of the
 * roles, teams and accounts they name. Accounts missing from {@link #accounts()} are out of scope (the
 * system-account toggle, or gone) and never appear in a grant. Field security profiles are held like roles: by
 * accounts directly, by teams, and by accounts through their teams.
 */
record AccessFacts(
        Map<UUID, RoleFacts> rolesByCopyId,
        Map<UUID, TeamFacts> teams,
        Map<UUID, AccountFacts> accounts,
        Collection<Link> userRoles,
        Collection<Link> teamRoles,
        Collection<Link> memberships,
        Map<UUID, ProfileFacts> profiles,
        Collection<Link> userProfiles,
        Collection<Link> teamProfiles) {

    /** No facts: nothing is held. */
    static final AccessFacts NONE = new AccessFacts(Map.of(), Map.of(), Map.of(), List.of(), List.of(), List.of());

    AccessFacts {
        rolesByCopyId = Map.copyOf(rolesByCopyId);
        teams = Map.copyOf(teams);
        accounts = Map.copyOf(accounts);
        userRoles = List.copyOf(userRoles);
        teamRoles = List.copyOf(teamRoles);
        memberships = List.copyOf(memberships);
        profiles = Map.copyOf(profiles);
        userProfiles = List.copyOf(userProfiles);
        teamProfiles = List.copyOf(teamProfiles);
    }

    /** Facts without field security profiles. */
    AccessFacts(
            Map<UUID, RoleFacts> rolesByCopyId,
            Map<UUID, TeamFacts> teams,
            Map<UUID, AccountFacts> accounts,
            Collection<Link> userRoles,
            Collection<Link> teamRoles,
            Collection<Link> memberships) {
        this(rolesByCopyId, teams, accounts, userRoles, teamRoles, memberships, Map.of(), List.of(), List.of());
    }

    /** These facts with the field security profiles read besides them. */
    AccessFacts withProfiles(
            Map<UUID, ProfileFacts> profiles, Collection<Link> userProfiles, Collection<Link> teamProfiles) {
        return new AccessFacts(
                rolesByCopyId,
                teams,
                accounts,
                userRoles,
                teamRoles,
                memberships,
                profiles,
                userProfiles,
                teamProfiles);
    }

    /**
     * A row of a link table: {@code from} holds {@code to} (user→role copy, team→role copy, team→member user,
     * user→profile, team→profile).
     */
    record Link(UUID from, UUID to) {}

    /** A field security profile. */
    record ProfileFacts(UUID id, @Nullable String name) {}

    /** The logical role a role copy belongs to. */
    record RoleFacts(UUID rootId, @Nullable String name) {}

    /**
     * A team, with what decides whether its membership can be changed here.
     *
     * @param membershipManagedElsewhere true for a business unit's default team and for Entra-group teams
     */
    record TeamFacts(UUID id, @Nullable String name, boolean membershipManagedElsewhere) {}

    /** An account in scope. */
    record AccountFacts(UUID id, @Nullable String displayName, boolean platformManaged) {}
}
