package io.accessgov.dynamics.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to the simulator's tables for tests: read rows, look records up by name, and add or remove links
 * and users directly (no business rules, no HTTP). Entity sets are named as in the Web API, e.g. {@code "roles"}.
 */
public final class SimulatorState {

    private final Organisation organisation;

    SimulatorState(Organisation organisation) {
        this.organisation = organisation;
    }

    /** One link of an intersect table: (user, role), (user, team) or (team, role). */
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
        java.time.Instant now = java.time.Instant.now();
        values[def.required("createdon")] = now;
        values[def.required("modifiedon")] = now;
        values[def.required("organizationid")] = organisation.organizationId();
        organisation.users().put(new GenericRow(values, organisation.nextVersion()));
        int unit = Schema.TEAM.required("_businessunitid_value");
        int isDefault = Schema.TEAM.required("isdefault");
        for (Row team : organisation.teams().snapshot()) {
            if (businessUnitId.equals(team.get(unit)) && Boolean.TRUE.equals(team.get(isDefault))) {
                addMembership(id, team.id());
            }
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
            if (links(table).contains(new Link(left, right))) {
                throw new IllegalStateException(table.def().entityName() + " already links " + left + " and " + right);
            }
            table.put(new LinkRow(UUID.randomUUID(), left, right, organisation.nextVersion()));
        }
    }

    private boolean removeLink(Table table, UUID left, UUID right) {
        synchronized (organisation) {
            for (Row row : table.snapshot()) {
                LinkRow link = (LinkRow) row;
                if (link.first().equals(left) && link.second().equals(right)) {
                    return table.remove(link.id());
                }
            }
            return false;
        }
    }
}
