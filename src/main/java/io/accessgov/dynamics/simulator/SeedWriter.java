package io.accessgov.dynamics.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes a seed's rows: deterministic ids from one random source, defaults for the technical columns, and the
 * bookkeeping every seed needs (role copies per business unit, default-team memberships).
 */
final class SeedWriter {

    static final Instant EPOCH = Instant.parse("2023-01-09T08:00:00Z");
    private static final Instant NEVER = Instant.parse("1900-01-01T00:00:00Z");

    private final Random ids;
    private final UUID organizationId;
    private final List<Row> users = new ArrayList<>();
    private final List<Row> units = new ArrayList<>();
    private final List<Row> roles = new ArrayList<>();
    private final List<Row> teams = new ArrayList<>();
    private final List<Row> userRoles = new ArrayList<>();
    private final List<Row> memberships = new ArrayList<>();
    private final List<Row> teamRoles = new ArrayList<>();
    private final List<Row> privileges = new ArrayList<>();
    private final List<Row> rolePrivileges = new ArrayList<>();
    private final List<Row> profiles = new ArrayList<>();
    private final List<Row> fieldPermissions = new ArrayList<>();
    private final List<Row> userProfiles = new ArrayList<>();
    private final List<Row> teamProfiles = new ArrayList<>();
    private long version = 1_000;

    SeedWriter(long seed) {
        this.ids = new Random(seed);
        this.organizationId = newId();
    }

    UUID organizationId() {
        return organizationId;
    }

    /** A random (version 4) id drawn from the seed's source. */
    UUID newId() {
        long high = (ids.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (ids.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    Random random() {
        return ids;
    }

    private long nextVersion() {
        return ++version;
    }

    Instant createdOn(int offsetHours) {
        return EPOCH.plusSeconds(offsetHours * 3600L);
    }

    UUID businessUnit(String name, @Nullable UUID parent, boolean disabled, int offsetHours) {
        UUID id = newId();
        Instant created = createdOn(offsetHours);
        units.add(new GenericRow(
                new Object[] {
                    id,
                    name,
                    parent,
                    disabled,
                    disabled ? "Business unit closed" : null,
                    null,
                    null,
                    0,
                    created,
                    created,
                    organizationId
                },
                nextVersion()));
        return id;
    }

    /** One BU copy of a role; the root copy passes {@code null} for parent and its own id as root. */
    UUID role(RoleSpec spec, UUID businessUnit, @Nullable UUID parent, @Nullable UUID root) {
        UUID id = newId();
        Instant created = createdOn(spec.offsetHours());
        ManagedProperty customizable =
                new ManagedProperty(!spec.managed(), spec.managed(), "iscustomizableanddeletable");
        ManagedProperty deletable = new ManagedProperty(!spec.managed(), spec.managed(), "canbedeleted");
        roles.add(new GenericRow(
                new Object[] {
                    id,
                    spec.name(),
                    businessUnit,
                    parent,
                    root == null ? id : root,
                    spec.templateId(),
                    spec.inherited(),
                    spec.autoAssigned(),
                    spec.appliesTo(),
                    spec.description(),
                    false,
                    spec.managed(),
                    customizable,
                    deletable,
                    0,
                    created,
                    created,
                    NEVER,
                    organizationId
                },
                nextVersion()));
        return id;
    }

    /**
     * Copies a role into every business unit, parents before children: the root copy is its own root with no parent;
     * each other copy points to its parent unit's copy and to the root copy.
     *
     * @return the copy's id per business unit
     */
    Map<UUID, UUID> roleInEveryUnit(RoleSpec spec, List<UUID> unitsParentsFirst, Map<UUID, UUID> parentUnit) {
        Map<UUID, UUID> copies = new HashMap<>();
        UUID root = null;
        for (UUID unit : unitsParentsFirst) {
            UUID parentUnitId = parentUnit.get(unit);
            UUID copy = role(spec, unit, parentUnitId == null ? null : copies.get(parentUnitId), root);
            if (root == null) {
                root = copy;
            }
            copies.put(unit, copy);
        }
        return copies;
    }

    UUID team(TeamSpec spec) {
        UUID id = newId();
        Instant created = createdOn(spec.offsetHours());
        teams.add(new GenericRow(
                new Object[] {
                    id,
                    spec.name(),
                    spec.type(),
                    spec.membershipType(),
                    spec.isDefault(),
                    false,
                    spec.businessUnit(),
                    spec.administrator(),
                    spec.entraObjectId(),
                    spec.description(),
                    created,
                    created,
                    organizationId
                },
                nextVersion()));
        return id;
    }

    UUID user(UserSpec spec) {
        UUID id = spec.id != null ? spec.id : newId();
        Instant created = createdOn(spec.offsetHours);
        String fullname = spec.firstname == null
                ? spec.lastname
                : "#".equals(spec.firstname) ? "# " + spec.lastname : spec.firstname + " " + spec.lastname;
        users.add(new GenericRow(
                new Object[] {
                    id,
                    id,
                    fullname,
                    spec.firstname,
                    spec.lastname,
                    spec.domainname,
                    spec.email,
                    spec.domainname,
                    spec.disabled,
                    spec.disabled ? spec.disabledReason : null,
                    spec.accessMode,
                    spec.entraObjectId,
                    spec.applicationId,
                    null,
                    spec.azureState,
                    spec.azureState == 0 ? null : created.plusSeconds(86_400),
                    0,
                    spec.businessUnit,
                    spec.licensed,
                    spec.syncWithDirectory,
                    spec.integrationUser,
                    false,
                    spec.licensed ? 7 : 0,
                    spec.licensed ? 38 : 0,
                    spec.managedType,
                    spec.title,
                    spec.title,
                    created,
                    created.plusSeconds(3_600),
                    spec.createdBy,
                    spec.createdBy,
                    organizationId
                },
                nextVersion()));
        return id;
    }

    void userRole(UUID user, UUID role) {
        userRoles.add(new LinkRow(newId(), user, role, nextVersion()));
    }

    void membership(UUID user, UUID team) {
        memberships.add(new LinkRow(newId(), user, team, nextVersion()));
    }

    void teamRole(UUID team, UUID role) {
        teamRoles.add(new LinkRow(newId(), team, role, nextVersion()));
    }

    /** Every privilege of the catalogue as a row of {@code privileges}. */
    void privileges(PrivilegeCatalogue catalogue) {
        for (PrivilegeCatalogue.Privilege p : catalogue.privileges()) {
            privileges.add(new GenericRow(
                    new Object[] {
                        p.id(), p.name(), p.accessRight(), p.basic(), p.local(), p.deep(), p.global(), false, false
                    },
                    nextVersion()));
        }
    }

    /** A privilege of a (root) role at a depth: 1 Basic, 2 Local, 4 Deep, 8 Global. */
    void rolePrivilege(UUID role, UUID privilege, int depth) {
        rolePrivileges.add(new RolePrivilegeRow(newId(), role, privilege, depth, nextVersion()));
    }

    UUID profile(String name, String description, boolean managed, int offsetHours) {
        UUID id = newId();
        Instant created = createdOn(offsetHours);
        profiles.add(new GenericRow(
                new Object[] {id, name, description, managed, created, created, organizationId}, nextVersion()));
        return id;
    }

    /**
     * One column's permissions in a profile: {@code canread}, {@code cancreate}, {@code canupdate} 0 (not allowed)
     * or 4 (allowed); {@code canreadunmasked} 0 (not allowed), 1 (one record) or 3 (all records).
     */
    void fieldPermission(UUID profile, String entity, String attribute, int read, int create, int update, int unmask) {
        fieldPermissions.add(new GenericRow(
                new Object[] {newId(), entity, attribute, read, create, update, unmask, profile}, nextVersion()));
    }

    void userProfile(UUID user, UUID profile) {
        userProfiles.add(new LinkRow(newId(), user, profile, nextVersion()));
    }

    void teamProfile(UUID team, UUID profile) {
        teamProfiles.add(new LinkRow(newId(), team, profile, nextVersion()));
    }

    Organisation build(UUID callerUserId, String platformVersion, PrivilegeCatalogue catalogue) {
        Organisation organisation = new Organisation(organizationId, callerUserId, platformVersion, catalogue);
        organisation.users().load(users);
        organisation.businessUnits().load(units);
        organisation.roles().load(roles);
        organisation.teams().load(teams);
        organisation.userRoles().load(userRoles);
        organisation.memberships().load(memberships);
        organisation.teamRoles().load(teamRoles);
        organisation.table(Schema.PRIVILEGES).load(privileges);
        organisation.table(Schema.ROLE_PRIVILEGES).load(rolePrivileges);
        organisation.table(Schema.PROFILES).load(profiles);
        organisation.table(Schema.FIELD_PERMISSIONS).load(fieldPermissions);
        organisation.table(Schema.USER_PROFILES).load(userProfiles);
        organisation.table(Schema.TEAM_PROFILES).load(teamProfiles);
        organisation.versionsFrom(version);
        return organisation;
    }

    /** A role as defined once; the writer copies it into every business unit. */
    record RoleSpec(
            String name,
            @Nullable UUID templateId,
            int inherited,
            int autoAssigned,
            boolean managed,
            @Nullable String appliesTo,
            String description,
            int offsetHours) {}

    /** A team row. */
    record TeamSpec(
            String name,
            int type,
            @Nullable Integer membershipType,
            boolean isDefault,
            UUID businessUnit,
            UUID administrator,
            @Nullable UUID entraObjectId,
            @Nullable String description,
            int offsetHours) {}

    /** A user row under construction; defaults describe an enabled, licensed human synced from Entra. */
    static final class UserSpec {
        @Nullable
        UUID id;

        @Nullable
        String firstname;

        String lastname;
        String domainname;

        @Nullable
        String email;

        UUID businessUnit;
        boolean disabled;
        String disabledReason = "User is disabled in Microsoft Entra ID";
        int accessMode;

        @Nullable
        UUID entraObjectId;

        @Nullable
        UUID applicationId;

        int azureState;
        boolean licensed = true;
        boolean syncWithDirectory = true;
        boolean integrationUser;
        int managedType;

        @Nullable
        String title;

        @Nullable
        UUID createdBy;

        int offsetHours;

        UserSpec(@Nullable String firstname, String lastname, String domainname, UUID businessUnit) {
            this.firstname = firstname;
            this.lastname = lastname;
            this.domainname = domainname;
            this.email = domainname;
            this.businessUnit = businessUnit;
        }
    }
}
