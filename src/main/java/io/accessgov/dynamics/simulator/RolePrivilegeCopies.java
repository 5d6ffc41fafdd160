package io.accessgov.dynamics.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code roleprivilegescollection} as it reads when {@link Behaviour#rolePrivilegesOnCopies()} is on: besides the
 * root role's rows, one row per business-unit copy of the role with the same privilege, depth and version and an id
 * derived from the root row's and the copy's (docs/dataverse.md §14: copies share the root's set; whether the real
 * service also lists them is inferred). The view is built on first use and again only after the rows or the roles
 * changed, so it costs nothing while the switch is off.
 */
final class RolePrivilegeCopies {

    private static final int ROOT = Schema.ROLE.required("_parentrootroleid_value");

    private Row[] source = new Row[0];
    private Row[] roleRows = new Row[0];
    private Row[] view = new Row[0];

    /** The rows of the root roles plus those of their copies, in key order. */
    synchronized Row[] rows(Table rolePrivileges, Table roles) {
        Row[] currentSource = rolePrivileges.snapshot();
        Row[] currentRoles = roles.snapshot();
        if (currentSource == source && currentRoles == roleRows) {
            return view;
        }
        Map<UUID, List<UUID>> copies = copiesByRoot(currentRoles);
        List<Row> rows = new ArrayList<>(currentSource.length * 2);
        for (Row row : currentSource) {
            RolePrivilegeRow privilege = (RolePrivilegeRow) row;
            rows.add(privilege);
            for (UUID copy : copies.getOrDefault(privilege.role(), List.of())) {
                rows.add(new RolePrivilegeRow(
                        derivedId(privilege.id(), copy),
                        copy,
                        privilege.privilege(),
                        privilege.depth(),
                        privilege.version()));
            }
        }
        Row[] sorted = rows.toArray(new Row[0]);
        Arrays.sort(sorted, Table::compareRows);
        source = currentSource;
        roleRows = currentRoles;
        view = sorted;
        return sorted;
    }

    /** The ids the copies' rows of a deleted root row had. */
    static List<UUID> derivedIds(UUID rootRowId, UUID rootRole, Table roles) {
        List<UUID> ids = new ArrayList<>();
        for (UUID copy : copiesByRoot(roles.snapshot()).getOrDefault(rootRole, List.of())) {
            ids.add(derivedId(rootRowId, copy));
        }
        return ids;
    }

    /** A stable version-4-shaped id for the copy's row, mixed from both ids. */
    static UUID derivedId(UUID rootRowId, UUID copyRole) {
        long high = mix(rootRowId.getMostSignificantBits() ^ Long.rotateLeft(copyRole.getLeastSignificantBits(), 17));
        long low = mix(rootRowId.getLeastSignificantBits() ^ Long.rotateLeft(copyRole.getMostSignificantBits(), 31));
        return new UUID((high & 0xffffffffffff0fffL) | 0x4000L, (low & 0x3fffffffffffffffL) | 0x8000000000000000L);
    }

    private static long mix(long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Map<UUID, List<UUID>> copiesByRoot(Row[] roles) {
        Map<UUID, List<UUID>> copies = new HashMap<>();
        for (Row role : roles) {
            Object root = role.get(ROOT);
            if (root instanceof UUID rootId && !rootId.equals(role.id())) {
                copies.computeIfAbsent(rootId, k -> new ArrayList<>()).add(role.id());
            }
        }
        return copies;
    }
}
