package io.accessgov.dynamics.endtoend;

import io.accessgov.dynamics.simulator.SimulatorState;
import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Who has what, computed a second time straight from the simulator's own tables (docs/api.md §5, §10), so end-to-end tests
 * do not trust the production assembly to check itself. A grant is reduced to its id, its sources ("direct" or
 * "team:&lt;id&gt;") and whether it is revocable.
 */
final class ExpectedGrants {

    record Expected(String id, Set<String> sources, boolean revocable) {}

    private final Map<String, Expected> grants;

    private ExpectedGrants(Map<String, Expected> grants) {
        this.grants = grants;
    }

    static ExpectedGrants of(SimulatorState state, boolean includeSystemAccounts) {
        Map<String, String> rootOf = new HashMap<>();
        for (Map<String, Object> role : state.rows("roles")) {
            rootOf.put(
                    role.get("roleid").toString(),
                    role.get("_parentrootroleid_value").toString());
        }
        Map<String, Boolean> membershipFixed = new HashMap<>();
        for (Map<String, Object> team : state.rows("teams")) {
            int type = ((Number) team.get("teamtype")).intValue();
            membershipFixed.put(
                    team.get("teamid").toString(),
                    Boolean.TRUE.equals(team.get("isdefault")) || type == 2 || type == 3);
        }
        Map<String, String> typeOf = new HashMap<>();
        for (Map<String, Object> user : state.rows("systemusers")) {
            typeOf.put(user.get("systemuserid").toString(), ExpectedAccounts.typeOf(user, Set.of()));
        }
        Predicate<String> visible = user -> includeSystemAccounts || "HUMAN".equals(typeOf.get(user));
        Predicate<String> platform = user -> "SYSTEM".equals(typeOf.get(user));

        Map<String, Set<String>> sources = new TreeMap<>();
        Map<String, Boolean> revocable = new HashMap<>();
        for (Link userRole : state.userRoles()) {
            String user = userRole.left().toString();
            if (visible.test(user)) {
                String id = "role:" + rootOf.get(userRole.right().toString()) + ":assigned:account:" + user;
                sources.computeIfAbsent(id, key -> new TreeSet<>()).add("direct");
                revocable.put(id, !platform.test(user));
            }
        }
        for (Link teamRole : state.teamRoles()) {
            String team = teamRole.left().toString();
            String root = rootOf.get(teamRole.right().toString());
            String teamGrant = "role:" + root + ":assigned:team:" + team;
            sources.computeIfAbsent(teamGrant, key -> new TreeSet<>()).add("direct");
            revocable.put(teamGrant, true);
            for (Link membership : state.memberships()) {
                String user = membership.left().toString();
                if (membership.right().toString().equals(team) && visible.test(user)) {
                    String id = "role:" + root + ":assigned:account:" + user;
                    sources.computeIfAbsent(id, key -> new TreeSet<>()).add("team:" + team);
                    revocable.putIfAbsent(id, false);
                }
            }
        }
        for (Link membership : state.memberships()) {
            String user = membership.left().toString();
            String team = membership.right().toString();
            if (visible.test(user)) {
                String id = "team:" + team + ":member:account:" + user;
                sources.computeIfAbsent(id, key -> new TreeSet<>()).add("direct");
                revocable.put(id, !membershipFixed.get(team) && !platform.test(user));
            }
        }
        // field security profiles are held like roles: directly, by teams, and by accounts through their teams
        for (Link userProfile : state.userProfiles()) {
            String user = userProfile.left().toString();
            if (visible.test(user)) {
                String id = "field-security-profile:" + userProfile.right() + ":member:account:" + user;
                sources.computeIfAbsent(id, key -> new TreeSet<>()).add("direct");
                revocable.put(id, !platform.test(user));
            }
        }
        for (Link teamProfile : state.teamProfiles()) {
            String team = teamProfile.left().toString();
            String teamGrant = "field-security-profile:" + teamProfile.right() + ":member:team:" + team;
            sources.computeIfAbsent(teamGrant, key -> new TreeSet<>()).add("direct");
            revocable.put(teamGrant, true);
            for (Link membership : state.memberships()) {
                String user = membership.left().toString();
                if (membership.right().toString().equals(team) && visible.test(user)) {
                    String id = "field-security-profile:" + teamProfile.right() + ":member:account:" + user;
                    sources.computeIfAbsent(id, key -> new TreeSet<>()).add("team:" + team);
                    revocable.putIfAbsent(id, false);
                }
            }
        }
        Map<String, Expected> grants = new TreeMap<>();
        sources.forEach((id, from) -> grants.put(id, new Expected(id, from, revocable.get(id))));
        return new ExpectedGrants(grants);
    }

    /** The expected grants whose id matches, e.g. those ending in ":account:&lt;id&gt;". */
    Map<String, Expected> where(Predicate<String> id) {
        Map<String, Expected> selected = new TreeMap<>();
        grants.forEach((key, grant) -> {
            if (id.test(key)) {
                selected.put(key, grant);
            }
        });
        return selected;
    }

    Map<String, Expected> all() {
        return grants;
    }
}
