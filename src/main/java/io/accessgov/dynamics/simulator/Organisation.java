package io.accessgov.dynamics.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated environment's data: the tables, the row-version counter, the metadata's tables and privileges, and a
 * few organisation facts. Every change takes the organisation's lock, assigns its row versions from the counter and
 * stores the rows before releasing it, so a reader that takes {@link #currentVersion()} sees every change up to it.
 */
final class Organisation {

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final AtomicLong versions = new AtomicLong(1_000_000);
    private final UUID organizationId;
    private final UUID callerUserId;
    private final String platformVersion;
    private final PrivilegeCatalogue catalogue;
    private final RolePrivilegeCopies rolePrivilegeCopies = new RolePrivilegeCopies();

    Organisation(UUID organizationId, UUID callerUserId, String platformVersion, PrivilegeCatalogue catalogue) {
        this.organizationId = organizationId;
        this.callerUserId = callerUserId;
        this.platformVersion = platformVersion;
        this.catalogue = catalogue;
        for (TableDef def : Schema.TABLES) {
            tables.put(def.setName(), new Table(def));
        }
    }

    Table table(String set) {
        Table table = tables.get(set);
        if (table == null) {
            throw new IllegalArgumentException("no table " + set);
        }
        return table;
    }

    long nextVersion() {
        return versions.incrementAndGet();
    }

    /** The newest row version handed out; every change up to it is stored. */
    long currentVersion() {
        synchronized (this) {
            return versions.get();
        }
    }

    /** Keeps the counter ahead of every seeded row version. */
    void versionsFrom(long seeded) {
        versions.accumulateAndGet(seeded, Math::max);
    }

    PrivilegeCatalogue catalogue() {
        return catalogue;
    }

    /**
     * The rows an entity set reads as, in key order: the table's own, except that role privileges include those of
     * the roles' business-unit copies when {@code rolePrivilegesOnCopies} is on.
     */
    Row[] readable(TableDef def, boolean rolePrivilegesOnCopies) {
        Table table = table(def.setName());
        if (def == Schema.ROLEPRIVILEGES && rolePrivilegesOnCopies) {
            return rolePrivilegeCopies.rows(table, roles());
        }
        return table.snapshot();
    }

    UUID organizationId() {
        return organizationId;
    }

    /** The application user that WhoAmI answers with (this service's own account). */
    UUID callerUserId() {
        return callerUserId;
    }

    String platformVersion() {
        return platformVersion;
    }

    Table users() {
        return table(Schema.SYSTEMUSERS);
    }

    Table businessUnits() {
        return table(Schema.BUSINESSUNITS);
    }

    Table roles() {
        return table(Schema.ROLES);
    }

    Table teams() {
        return table(Schema.TEAMS);
    }

    Table userRoles() {
        return table(Schema.USER_ROLES);
    }

    Table memberships() {
        return table(Schema.MEMBERSHIPS);
    }

    Table teamRoles() {
        return table(Schema.TEAM_ROLES);
    }

    /** The rows on the other side of an N:N navigation from one record, in key order. */
    Row[] related(Schema.Navigation navigation, UUID id) {
        return related(navigation, java.util.Set.of(id)).getOrDefault(id, new Row[0]);
    }

    /** For each of the given records, the rows on the other side of the navigation, in key order (one scan). */
    java.util.Map<UUID, Row[]> related(Schema.Navigation navigation, java.util.Set<UUID> ids) {
        Table target = table(navigation.targetSet());
        java.util.Map<UUID, java.util.List<Row>> found = new java.util.HashMap<>();
        for (Row row : table(navigation.linkSet()).snapshot()) {
            LinkRow link = (LinkRow) row;
            UUID self = navigation.selfColumn() == 1 ? link.first() : link.second();
            if (ids.contains(self)) {
                Row other = target.find(navigation.selfColumn() == 1 ? link.second() : link.first());
                if (other != null) {
                    found.computeIfAbsent(self, k -> new java.util.ArrayList<>())
                            .add(other);
                }
            }
        }
        java.util.Map<UUID, Row[]> sorted = new java.util.HashMap<>();
        found.forEach((self, rows) -> {
            Row[] array = rows.toArray(new Row[0]);
            java.util.Arrays.sort(array, Table::compareRows);
            sorted.put(self, array);
        });
        return sorted;
    }
}
