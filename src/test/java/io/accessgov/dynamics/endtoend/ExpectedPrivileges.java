package io.accessgov.dynamics.endtoend;

import io.accessgov.dynamics.simulator.SimulatorState;
import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Effective privileges computed from the simulator's own tables by Microsoft's documented rules (docs/dataverse.md
 * §13), independently of the service: a user holds a role's privileges directly, and through every owner or
 * Entra-group team it is a member of; a team role whose {@code isinherited} is 0 gives its members the privileges on
 * team-owned records only (listed at user depth, not raising the account's depth); the deepest bit of a mask wins.
 */
final class ExpectedPrivileges {

    private static final List<String> DEPTHS =
            List.of("USER", "BUSINESS_UNIT", "PARENT_CHILD_BUSINESS_UNITS", "ORGANIZATION");

    private final SimulatorState state;
    private final Map<UUID, Map<String, Object>> roles = new HashMap<>();
    private final Map<UUID, Map<String, Object>> teams = new HashMap<>();

    ExpectedPrivileges(SimulatorState state) {
        this.state = state;
        state.rows("roles").forEach(row -> roles.put((UUID) row.get("roleid"), row));
        state.rows("teams").forEach(row -> teams.put((UUID) row.get("teamid"), row));
    }

    /** An account's privileges: name → its depth and its sources as "role|via|depth|scope" strings. */
    Map<String, Held> of(UUID user) {
        Map<String, Held> held = new HashMap<>();
        for (Link link : state.userRoles()) {
            if (link.left().equals(user)) {
                add(held, link.right(), "direct", false);
            }
        }
        for (Link membership : state.memberships()) {
            if (!membership.left().equals(user)) {
                continue;
            }
            Map<String, Object> team = teams.get(membership.right());
            if (team == null || ((Number) team.get("teamtype")).intValue() == 1) {
                continue; // access teams hold no roles
            }
            for (Link teamRole : state.teamRoles()) {
                if (teamRole.left().equals(membership.right())) {
                    Map<String, Object> role = roles.get(teamRole.right());
                    boolean teamOnly = Integer.valueOf(0).equals(role.get("isinherited"));
                    add(held, teamRole.right(), "team:" + team.get("name"), teamOnly);
                }
            }
        }
        return held;
    }

    private void add(Map<String, Held> held, UUID roleCopy, String via, boolean teamOnly) {
        String roleName = (String) roles.get(roleCopy).get("name");
        state.rolePrivileges(roleCopy).forEach((privilege, mask) -> {
            String depth = teamOnly ? "USER" : depth(mask);
            String source = roleName + "|" + via + "|" + depth + (teamOnly ? "|TEAM_OWNED_RECORDS" : "");
            held.computeIfAbsent(privilege, name -> new Held(new ArrayList<>(), new TreeSet<>()));
            Held entry = held.get(privilege);
            entry.sources().add(source);
            if (!teamOnly) {
                entry.ownDepths().add(depth);
            }
        });
    }

    /** The highest set bit of a depth mask, by the documented values 1, 2, 4, 8. */
    static String depth(int mask) {
        for (int bit = 3; bit >= 0; bit--) {
            if ((mask & (1 << bit)) != 0) {
                return DEPTHS.get(bit);
            }
        }
        throw new AssertionError("no depth in mask " + mask);
    }

    static boolean atLeast(String depth, String minimum) {
        return DEPTHS.indexOf(depth) >= DEPTHS.indexOf(minimum);
    }

    /** One privilege held: the depths of its sources on own records, and every source. */
    record Held(List<String> ownDepths, Set<String> sources) {

        /** The deepest of the own-record depths, or user depth when only team-scoped sources give it. */
        String depth() {
            return ownDepths.stream()
                    .max((a, b) -> Integer.compare(DEPTHS.indexOf(a), DEPTHS.indexOf(b)))
                    .orElse("USER");
        }
    }
}
