package io.accessgov.dynamics.endtoend;

import io.accessgov.dynamics.simulator.SimulatorState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Random changes to an organisation, through the simulator's own state, as people and administrators make them:
 * roles, memberships and team roles added and removed, accounts added, disabled, moved to another business unit and
 * deleted, roles and teams renamed, role privileges given, deepened and taken away, field security profile
 * memberships of people and teams added and removed. Each round touches a record at most once, so that no link is created and removed between
 * two syncs (which change tracking reports as a removal of a link row no sync has seen).
 */
final class Churn {

    private final SimulatorState state;
    private final Random random;
    private final Set<UUID> touched = new HashSet<>();
    private int changes;
    private int accounts;

    Churn(SimulatorState state, long seed) {
        this.state = state;
        this.random = new Random(seed);
    }

    /** How many rows the changes made so far touched (a link, a user, a role copy each count once). */
    int changes() {
        return changes;
    }

    /** One round of about {@code size} changes. */
    void round(int size) {
        touched.clear();
        List<UUID> users = humans();
        List<UUID> units = ids("businessunits", "businessunitid");
        List<UUID> teams = ownerTeams();
        List<SimulatorState.Link> userRoles = new ArrayList<>(state.userRoles());
        List<SimulatorState.Link> memberships = new ArrayList<>(state.memberships());
        memberships.removeIf(link -> !teams.contains(link.right()));
        List<SimulatorState.Link> teamRoles = new ArrayList<>(state.teamRoles());
        List<UUID> profiles = ids("fieldsecurityprofiles", "fieldsecurityprofileid");
        List<SimulatorState.Link> userProfiles = new ArrayList<>(state.userProfiles());
        List<SimulatorState.Link> teamProfiles = new ArrayList<>(state.teamProfiles());
        for (int i = 0; i < size; i++) {
            switch (random.nextInt(18)) {
                case 0, 1 -> removeOne(userRoles, link -> state.removeUserRole(link.left(), link.right()));
                case 2, 3 -> {
                    UUID user = untouched(users);
                    UUID role = pick(userRoles).right();
                    if (user != null && !state.userRoles().contains(new SimulatorState.Link(user, role))) {
                        state.addUserRole(user, role);
                        changes++;
                    }
                }
                case 4 -> removeOne(memberships, link -> state.removeMembership(link.left(), link.right()));
                case 5 -> {
                    UUID user = untouched(users);
                    UUID team = pick(teams);
                    if (user != null && !state.memberships().contains(new SimulatorState.Link(user, team))) {
                        state.addMembership(user, team);
                        changes++;
                    }
                }
                case 6 -> removeOne(teamRoles, link -> state.removeTeamRole(link.left(), link.right()));
                case 7 -> {
                    UUID user = untouched(users);
                    if (user != null) {
                        state.setUserDisabled(user, true);
                        changes++;
                    }
                }
                case 8 -> {
                    UUID user = untouched(users);
                    if (user != null) {
                        state.deleteUser(user);
                        changes++;
                    }
                }
                case 9 -> {
                    UUID user = untouched(users);
                    if (user != null) {
                        state.moveUser(user, pick(units), random.nextBoolean());
                        changes++;
                    }
                }
                case 10 -> {
                    accounts++;
                    UUID unit = pick(units);
                    touched.add(
                            state.addUser("Churn", "Person " + accounts, "churn" + accounts + "@contoso.com", unit));
                    changes++;
                }
                case 11 -> {
                    UUID team = pick(teams);
                    if (touched.add(team)) {
                        state.renameTeam(team, "Renamed team " + random.nextInt(1_000_000));
                        changes++;
                    }
                }
                case 13 -> changeRolePrivilege(pick(userRoles).right());
                case 14 -> removeOne(userProfiles, link -> state.removeUserProfile(link.left(), link.right()));
                case 15 -> {
                    UUID user = untouched(users);
                    UUID profile = pick(profiles);
                    if (user != null && !state.userProfiles().contains(new SimulatorState.Link(user, profile))) {
                        state.addUserProfile(user, profile);
                        changes++;
                    }
                }
                case 16 -> {
                    UUID team = pick(teams);
                    UUID profile = pick(profiles);
                    if (touched.add(team)) {
                        if (state.teamProfiles().contains(new SimulatorState.Link(team, profile))) {
                            state.removeTeamProfile(team, profile);
                        } else {
                            state.addTeamProfile(team, profile);
                        }
                        changes++;
                    }
                }
                default -> {
                    SimulatorState.Link link = pick(userRoles);
                    if (touched.add(link.right())) {
                        state.renameRole(link.right(), "Renamed " + random.nextInt(1_000_000));
                        changes++;
                    }
                }
            }
        }
    }

    /**
     * Takes one privilege away from a logical role, or moves it one depth deeper (Organization wraps round to User),
     * or takes it away when the privilege cannot be held there: each a change of one row of roleprivileges.
     */
    private void changeRolePrivilege(UUID role) {
        UUID root = state.rootRole(role);
        if (!touched.add(root)) {
            return;
        }
        List<Map.Entry<String, Integer>> held =
                new ArrayList<>(state.rolePrivileges(root).entrySet());
        if (held.isEmpty()) {
            return;
        }
        Map.Entry<String, Integer> privilege = pick(held);
        if (random.nextBoolean()) {
            state.removeRolePrivilege(root, privilege.getKey());
        } else {
            int depth = privilege.getValue() == 8 ? 1 : privilege.getValue() * 2;
            try {
                state.setRolePrivilege(root, privilege.getKey(), depth);
            } catch (IllegalArgumentException cannotBeHeldThere) {
                state.removeRolePrivilege(root, privilege.getKey());
            }
        }
        changes++;
    }

    private void removeOne(List<SimulatorState.Link> links, java.util.function.Predicate<SimulatorState.Link> remove) {
        if (links.isEmpty()) {
            return;
        }
        SimulatorState.Link link = links.remove(random.nextInt(links.size()));
        if (!touched.contains(link.left()) && !touched.contains(link.right()) && remove.test(link)) {
            touched.add(link.left());
            changes++;
        }
    }

    private UUID untouched(List<UUID> candidates) {
        for (int attempt = 0; attempt < 20; attempt++) {
            UUID candidate = pick(candidates);
            if (touched.add(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private List<UUID> humans() {
        List<UUID> humans = new ArrayList<>();
        for (Map<String, Object> user : state.rows("systemusers")) {
            if (ExpectedAccounts.typeOf(user, Set.of()).equals("HUMAN")
                    && !Boolean.TRUE.equals(user.get("isdisabled"))) {
                humans.add(UUID.fromString(user.get("systemuserid").toString()));
            }
        }
        return humans;
    }

    private List<UUID> ownerTeams() {
        List<UUID> teams = new ArrayList<>();
        for (Map<String, Object> team : state.rows("teams")) {
            if (Integer.valueOf(0).equals(team.get("teamtype")) && !Boolean.TRUE.equals(team.get("isdefault"))) {
                teams.add(UUID.fromString(team.get("teamid").toString()));
            }
        }
        return teams;
    }

    private List<UUID> ids(String set, String key) {
        return state.rows(set).stream()
                .map(row -> UUID.fromString(row.get(key).toString()))
                .toList();
    }
}
