package io.accessgov.dynamics.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to the simulator's tables for tests: read rows, look records up by name, and change the organisation
 * directly (no business rules, no HTTP): links, users, role names, role privileges. Every change is tracked like a
 * change through the Web API, so delta links report it (docs/dataverse.md §12). Entity sets are named as in the Web
 * API, e.g. {@code "roles"}.
 */
public final class SimulatorState {

    /** The entity sets the simulator serves rows of. */
    public static final List<String> ENTITY_SETS = Schema.SETS;

    private final Organisation organisation;
    private final Changes changes;

    SimulatorState(Changes changes) {
        this.organisation = changes.organisation();
        this.changes = changes;
    }

    /** One link of an intersect table: (user, role), (user, team), (team, role), (user or team, profile). */
    public record Link(UUID left, UUID right) {}

    /** The id of the application user that WhoAmI answers with (this service's own account). */
    public UUID callerUserId() {
        return organisation.callerUserId();
    }

    public UUID organizationId() {
        return organisation.organizationId();
    }

    /** How many rows the entity set holds. */
    public int count(String entitySet) {
        return table(entitySet).size();
    }

    /**
     * Every row of the entity set in key order, as column name → value (UUID, String, Integer, Boolean, Instant…).
     */
    public List<Map<String, Object>> rows(String entitySet) {
        Table table = table(entitySet);
        List<Map<String, Object>> rows = new ArrayList<>(table.size());
        for (Row row : table.snapshot()) {
            rows.add(asMap(table.def(), row));
        }
        return rows;
    }

    public Optional<Map<String, Object>> row(String entitySet, UUID id) {
        Table table = table(entitySet);
        Row row = table.find(id);
        return row == null ? Optional.empty() : Optional.of(asMap(table.def(), row));
    }

    public UUID rootBusinessUnitId() {
        return idWhere(Schema.BUSINESSUNITS, "_parentbusinessunitid_value", null);
    }

    public UUID businessUnitId(String name) {
        return idWhere(Schema.BUSINESSUNITS, "name", name);
    }

    public UUID userIdByDomainName(String domainName) {
        return idWhere(Schema.SYSTEMUSERS, "domainname", domainName);
    }

    public UUID teamId(String name) {
        return idWhere(Schema.TEAMS, "name", name);
    }

    /** The copy of the role with this name in this business unit. */
    public UUID roleCopy(String roleName, UUID businessUnitId) {
        TableDef def = Schema.ROLE;
        int name = def.required("name");
        int unit = def.required("_businessunitid_value");
        for (Row row : organisation.roles().snapshot()) {
            if (roleName.equals(row.get(name)) && businessUnitId.equals(row.get(unit))) {
                return row.id();
            }
        }
        throw new NoSuchElementException("no copy of role '" + roleName + "' in business unit " + businessUnitId);
    }

    /** The business unit of a user, team or role. */
    public UUID businessUnitOf(String entitySet, UUID id) {
        Table table = table(entitySet);
        Row row = table.find(id);
        if (row == null) {
            throw new NoSuchElementException(entitySet + "(" + id + ") does not exist");
        }
        return (UUID) row.get(table.def().required("_businessunitid_value"));
    }

    /** (user, role) pairs of direct role assignments. */
    public Set<Link> userRoles() {
        return links(organisation.userRoles());
    }

    /** (user, team) pairs of team memberships. */
    public Set<Link> memberships() {
        return links(organisation.memberships());
    }

    /** (team, role) pairs of team role assignments. */
    public Set<Link> teamRoles() {
        return links(organisation.teamRoles());
    }

    public void addUserRole(UUID user, UUID role) {
        addLink(organisation.userRoles(), user, role);
    }

    public boolean removeUserRole(UUID user, UUID role) {
        return removeLink(organisation.userRoles(), user, role);
    }

    public void addMembership(UUID user, UUID team) {
        addLink(organisation.memberships(), user, team);
    }

    public boolean removeMembership(UUID user, UUID team) {
        return removeLink(organisation.memberships(), user, team);
    }

    public void addTeamRole(UUID team, UUID role) {
        addLink(organisation.teamRoles(), team, role);
    }

    public boolean removeTeamRole(UUID team, UUID role) {
        return removeLink(organisation.teamRoles(), team, role);
    }

    /** (user, field security profile) pairs of direct profile memberships. */
    public Set<Link> userProfiles() {
        return links(organisation.table(Schema.USER_PROFILES));
    }

    /** (team, field security profile) pairs of team profile memberships. */
    public Set<Link> teamProfiles() {
        return links(organisation.table(Schema.TEAM_PROFILES));
    }

    public void addUserProfile(UUID user, UUID profile) {
        addLink(organisation.table(Schema.USER_PROFILES), user, profile);
    }

    public boolean removeUserProfile(UUID user, UUID profile) {
        return removeLink(organisation.table(Schema.USER_PROFILES), user, profile);
    }

    public void addTeamProfile(UUID team, UUID profile) {
        addLink(organisation.table(Schema.TEAM_PROFILES), team, profile);
    }

    public boolean removeTeamProfile(UUID team, UUID profile) {
        return removeLink(organisation.table(Schema.TEAM_PROFILES), team, profile);
    }

    public UUID profileId(String name) {
        return idWhere(Schema.PROFILES, "name", name);
    }

    public UUID privilegeId(String name) {
        return idWhere(Schema.PRIVILEGES, "name", name);
    }

    /** The root copy of the logical role that {@code anyCopy} is a business-unit copy of. */
    public UUID rootRole(UUID anyCopy) {
        return changes.rootOf(anyCopy);
    }

    /** The privileges of a logical role (named by any of its copies): privilege name → depth (1, 2, 4, 8). */
    public Map<String, Integer> rolePrivileges(UUID anyCopy) {
        UUID root = changes.rootOf(anyCopy);
        Map<String, Integer> held = new TreeMap<>();
        for (Row row : organisation.table(Schema.ROLE_PRIVILEGES).snapshot()) {
            RolePrivilegeRow privilege = (RolePrivilegeRow) row;
            if (privilege.role().equals(root)) {
                held.put(
                        organisation
                                .catalogue()
                                .privilege(privilege.privilege())
                                .name(),
                        privilege.depth());
            }
        }
        return held;
    }

    /** Gives a logical role (named by any of its copies) a privilege at a depth: 1, 2, 4 or 8. */
    public void setRolePrivilege(UUID anyCopy, String privilegeName, int depth) {
        PrivilegeCatalogue.Privilege privilege = organisation.catalogue().privilege(privilegeName);
        if (!privilege.allows(depth)) {
            throw new IllegalArgumentException(privilegeName + " cannot be held at depth " + depth);
        }
        changes.setRolePrivilege(anyCopy, privilege.id(), depth);
    }

    public boolean removeRolePrivilege(UUID anyCopy, String privilegeName) {
        return changes.removeRolePrivilege(
                anyCopy, organisation.catalogue().privilege(privilegeName).id());
    }

    /** Renames a logical role: every business-unit copy of it gets the name. */
    public void renameRole(UUID anyCopy, String name) {
        changes.renameRole(anyCopy, name);
    }

    /** Renames a team. */
    public void renameTeam(UUID team, String name) {
        changes.renameTeam(team, name);
    }

    /** Disables or enables a user, as Entra does when they are blocked or unlicensed. */
    public void setUserDisabled(UUID user, boolean disabled) {
        changes.setUserDisabled(user, disabled);
    }

    /** Deletes a user and every link of theirs (roles, team memberships, field security profiles). */
    public void deleteUser(UUID user) {
        changes.deleteUser(user);
    }

    /**
     * Moves a user to another business unit as {@code SetBusinessSystemUser} does: into its default team, out of the
     * old one's, and without their roles unless {@code keepRoles} ({@code DoNotRemoveRolesOnChangeBusinessUnit}).
     */
    public void moveUser(UUID user, UUID businessUnit, boolean keepRoles) {
        changes.moveUser(user, businessUnit, keepRoles);
    }

    /**
     * Expires every delta token handed out so far (400 0x80044352 "Version stamp associated with the client has
     * expired"); tokens handed out afterwards work.
     */
    public void expireDeltaTokens() {
        changes.expireDeltaTokens();
    }

    /** How many deletions the table's change log holds (bounded by {@link Behaviour#deletionsKeptPerTable()}). */
    public int trackedDeletions(String entitySet) {
        return table(entitySet).changes().size();
    }

    /**
     * Adds an enabled, licensed human in the business unit and makes them a member of its default team, as
     * Dataverse does when a user first signs in.
     *
     * @return the new user's systemuserid
     */
    public UUID addUser(String firstName, String lastName, String domainName, UUID businessUnitId) {
        if (organisation.businessUnits().find(businessUnitId) == null) {
            throw new NoSuchElementException("business unit " + businessUnitId + " does not exist");
        }
        UUID id = UUID.randomUUID();
        TableDef def = Schema.SYSTEMUSER;
        Object[] values = new Object[def.columns().size() - 1];
        values[def.required("systemuserid")] = id;
        values[def.required("ownerid")] = id;
        values[def.required("fullname")] = firstName + " " + lastName;
        values[def.required("firstname")] = firstName;
        values[def.required("lastname")] = lastName;
        values[def.required("domainname")] = domainName;
        values[def.required("internalemailaddress")] = domainName;
        values[def.required("windowsliveid")] = domainName;
        values[def.required("isdisabled")] = false;
        values[def.required("accessmode")] = 0;
        values[def.required("azureactivedirectoryobjectid")] = UUID.randomUUID();
        values[def.required("azurestate")] = 0;
        values[def.required("deletedstate")] = 0;
        values[def.required("_businessunitid_value")] = businessUnitId;
        values[def.required("islicensed")] = true;
        values[def.required("issyncwithdirectory")] = true;
        values[def.required("isintegrationuser")] = false;
        values[def.required("setupuser")] = false;
        values[def.required("caltype")] = 7;
        values[def.required("userlicensetype")] = 38;
        values[def.required("systemmanagedusertype")] = 0;
        java.time.Instant now = changes.now();
        values[def.required("createdon")] = now;
        values[def.required("modifiedon")] = now;
        values[def.required("organizationid")] = organisation.organizationId();
        synchronized (organisation) {
            changes.put(organisation.users(), new GenericRow(values, organisation.nextVersion()));
            changes.joinDefaultTeam(id, businessUnitId);
        }
        return id;
    }

    private Table table(String entitySet) {
        if (!Schema.SETS.contains(entitySet)) {
            throw new IllegalArgumentException(
                    "unknown entity set '" + entitySet + "'; expected one of " + Schema.SETS);
        }
        return organisation.table(entitySet);
    }

    private UUID idWhere(String set, String column, @Nullable Object value) {
        Table table = organisation.table(set);
        int index = table.def().required(column);
        for (Row row : table.snapshot()) {
            if (value == null ? row.get(index) == null : value.equals(row.get(index))) {
                return row.id();
            }
        }
        throw new NoSuchElementException("no " + table.def().entityName() + " with " + column + " = " + value);
    }

    private static Map<String, Object> asMap(TableDef def, Row row) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < def.columns().size(); i++) {
            Object value = row.get(i);
            if (value instanceof ManagedProperty property) {
                value = Map.of(
                        "Value",
                        property.value(),
                        "CanBeChanged",
                        property.canBeChanged(),
                        "ManagedPropertyLogicalName",
                        property.logicalName());
            }
            map.put(def.column(i).name(), value);
        }
        return map;
    }

    private static Set<Link> links(Table table) {
        Set<Link> links = new LinkedHashSet<>();
        for (Row row : table.snapshot()) {
            LinkRow link = (LinkRow) row;
            links.add(new Link(link.first(), link.second()));
        }
        return links;
    }

    private void addLink(Table table, UUID left, UUID right) {
        synchronized (organisation) {
            if (Changes.findLink(table, left, right) != null) {
                throw new IllegalStateException(table.def().entityName() + " already links " + left + " and " + right);
            }
            changes.link(table, left, right);
        }
    }

    private boolean removeLink(Table table, UUID left, UUID right) {
        synchronized (organisation) {
            LinkRow link = Changes.findLink(table, left, right);
            return link != null && changes.delete(table, link);
        }
    }
}
