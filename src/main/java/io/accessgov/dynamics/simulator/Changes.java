package io.accessgov.dynamics.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Every change to the organisation's rows, made the way change tracking needs (docs/dataverse.md §12): under the
 * organisation's lock, each changed or new row with a fresh version, each deletion recorded in its table's log.
 * Business rules are not checked here: the Web API checks them before it calls in, tests call in directly.
 */
final class Changes {

    private static final int USER_UNIT = Schema.SYSTEMUSER.required("_businessunitid_value");
    private static final int USER_DISABLED = Schema.SYSTEMUSER.required("isdisabled");
    private static final int USER_DISABLED_REASON = Schema.SYSTEMUSER.required("disabledreason");
    private static final int USER_MODIFIED = Schema.SYSTEMUSER.required("modifiedon");
    private static final int TEAM_UNIT = Schema.TEAM.required("_businessunitid_value");
    private static final int TEAM_DEFAULT = Schema.TEAM.required("isdefault");
    private static final int ROLE_NAME = Schema.ROLE.required("name");
    private static final int TEAM_NAME = Schema.TEAM.required("name");
    private static final int TEAM_MODIFIED = Schema.TEAM.required("modifiedon");
    private static final int ROLE_ROOT = Schema.ROLE.required("_parentrootroleid_value");
    private static final int ROLE_MODIFIED = Schema.ROLE.required("modifiedon");

    private final Organisation organisation;
    private final Behaviour behaviour;
    private final Clock clock;

    Changes(Organisation organisation, Behaviour behaviour, Clock clock) {
        this.organisation = organisation;
        this.behaviour = behaviour;
        this.clock = clock;
    }

    Organisation organisation() {
        return organisation;
    }

    /** Adds a link row to an intersect table. */
    void link(Table links, UUID first, UUID second) {
        synchronized (organisation) {
            links.put(new LinkRow(UUID.randomUUID(), first, second, organisation.nextVersion()));
        }
    }

    /** The link row between the two, or null. */
    static @Nullable LinkRow findLink(Table links, UUID first, UUID second) {
        for (Row row : links.snapshot()) {
            LinkRow link = (LinkRow) row;
            if (link.first().equals(first) && link.second().equals(second)) {
                return link;
            }
        }
        return null;
    }

    /** Removes a row and records the deletion; false when it was already gone. */
    boolean delete(Table table, Row row) {
        synchronized (organisation) {
            long version = organisation.nextVersion();
            if (!table.remove(row.id())) {
                return false;
            }
            UUID owner = row instanceof LinkRow link ? link.first() : null;
            table.changes().deleted(row.id(), version, owner, behaviour.deletionsKeptPerTable());
            return true;
        }
    }

    /** Stores a new or changed row (its version already taken from {@link Organisation#nextVersion()}). */
    void put(Table table, Row row) {
        synchronized (organisation) {
            table.put(row);
        }
    }

    /** Adds the user to the default team of their business unit, as Dataverse does. */
    void joinDefaultTeam(UUID user, UUID businessUnit) {
        synchronized (organisation) {
            UUID team = defaultTeam(businessUnit);
            if (team != null && findLink(organisation.memberships(), user, team) == null) {
                link(organisation.memberships(), user, team);
            }
        }
    }

    void setUserDisabled(UUID userId, boolean disabled) {
        synchronized (organisation) {
            GenericRow user = user(userId);
            long version = organisation.nextVersion();
            put(
                    organisation.users(),
                    user.with(USER_DISABLED, disabled, version)
                            .with(
                                    USER_DISABLED_REASON,
                                    disabled ? "User is disabled in Microsoft Entra ID" : null,
                                    version)
                            .with(USER_MODIFIED, now(), version));
        }
    }

    /** Deletes the user and every link of theirs (roles, team memberships, field security profiles). */
    void deleteUser(UUID userId) {
        synchronized (organisation) {
            Row user = user(userId);
            for (String set : new String[] {Schema.USER_ROLES, Schema.MEMBERSHIPS, Schema.USER_PROFILES}) {
                Table links = organisation.table(set);
                links.linksWith(1, userId).forEach(link -> delete(links, link));
            }
            delete(organisation.users(), user);
        }
    }

    /**
     * Moves the user to another business unit, as {@code SetBusinessSystemUser} does (docs/dataverse.md §3.2): from
     * the old unit's default team to the new one's, and without their roles unless {@code keepRoles}
     * ({@code DoNotRemoveRolesOnChangeBusinessUnit}).
     */
    void moveUser(UUID userId, UUID businessUnit, boolean keepRoles) {
        synchronized (organisation) {
            GenericRow user = user(userId);
            if (organisation.businessUnits().find(businessUnit) == null) {
                throw new NoSuchElementException("business unit " + businessUnit + " does not exist");
            }
            UUID oldUnit = (UUID) Objects.requireNonNull(user.get(USER_UNIT));
            long version = organisation.nextVersion();
            put(
                    organisation.users(),
                    user.with(USER_UNIT, businessUnit, version).with(USER_MODIFIED, now(), version));
            UUID oldTeam = defaultTeam(oldUnit);
            LinkRow membership = oldTeam == null ? null : findLink(organisation.memberships(), userId, oldTeam);
            if (membership != null) {
                delete(organisation.memberships(), membership);
            }
            joinDefaultTeam(userId, businessUnit);
            if (!keepRoles) {
                Table roles = organisation.userRoles();
                roles.linksWith(1, userId).forEach(link -> delete(roles, link));
            }
        }
    }

    /** Renames a logical role: every business-unit copy of it. */
    void renameRole(UUID anyCopy, String name) {
        synchronized (organisation) {
            UUID root = rootOf(anyCopy);
            Instant now = now();
            for (Row row : organisation.roles().snapshot()) {
                if (root.equals(row.get(ROLE_ROOT))) {
                    long version = organisation.nextVersion();
                    put(
                            organisation.roles(),
                            ((GenericRow) row).with(ROLE_NAME, name, version).with(ROLE_MODIFIED, now, version));
                }
            }
        }
    }

    /** Renames a team. */
    void renameTeam(UUID team, String name) {
        synchronized (organisation) {
            Row row = organisation.teams().find(team);
            if (row == null) {
                throw new NoSuchElementException("team " + team + " does not exist");
            }
            long version = organisation.nextVersion();
            put(
                    organisation.teams(),
                    ((GenericRow) row).with(TEAM_NAME, name, version).with(TEAM_MODIFIED, now(), version));
        }
    }

    /** Gives the logical role the privilege at a depth (1, 2, 4, 8), or changes the depth it holds it at. */
    void setRolePrivilege(UUID anyCopy, UUID privilege, int depth) {
        synchronized (organisation) {
            UUID root = rootOf(anyCopy);
            Table table = organisation.table(Schema.ROLE_PRIVILEGES);
            LinkRow existing = findLink(table, root, privilege);
            UUID id = existing == null ? UUID.randomUUID() : existing.id();
            if (existing == null || ((RolePrivilegeRow) existing).depth() != depth) {
                put(table, new RolePrivilegeRow(id, root, privilege, depth, organisation.nextVersion()));
            }
        }
    }

    /** Takes the privilege from the logical role; false when it did not hold it. */
    boolean removeRolePrivilege(UUID anyCopy, UUID privilege) {
        synchronized (organisation) {
            Table table = organisation.table(Schema.ROLE_PRIVILEGES);
            LinkRow existing = findLink(table, rootOf(anyCopy), privilege);
            return existing != null && delete(table, existing);
        }
    }

    /** Expires every delta token handed out so far, in every table; tokens handed out later work. */
    void expireDeltaTokens() {
        synchronized (organisation) {
            long version = organisation.nextVersion();
            for (TableDef def : Schema.TABLES) {
                organisation.table(def.setName()).changes().expireBefore(version);
            }
        }
    }

    UUID rootOf(UUID anyCopy) {
        Row role = organisation.roles().find(anyCopy);
        if (role == null) {
            throw new NoSuchElementException("role " + anyCopy + " does not exist");
        }
        return (UUID) Objects.requireNonNull(role.get(ROLE_ROOT));
    }

    Instant now() {
        return clock.instant();
    }

    private GenericRow user(UUID userId) {
        Row user = organisation.users().find(userId);
        if (user == null) {
            throw new NoSuchElementException("user " + userId + " does not exist");
        }
        return (GenericRow) user;
    }

    private @Nullable UUID defaultTeam(UUID businessUnit) {
        for (Row team : organisation.teams().snapshot()) {
            if (businessUnit.equals(team.get(TEAM_UNIT)) && Boolean.TRUE.equals(team.get(TEAM_DEFAULT))) {
                return team.id();
            }
        }
        return null;
    }
}
