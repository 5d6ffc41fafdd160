package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.SimulatorState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The incremental part of the sync benchmark (docs/benchmarks.md), run by {@link SyncBenchmark} after its full
 * sync: (a) an incremental sync with nothing changed; (b) after churn of 1,000 accounts (roles and memberships added
 * and removed, a few accounts disabled and deleted), an incremental sync, then a full one whose export must be the
 * same, byte for byte.
 */
final class IncrementalBenchmark {

    private static final int TABLES = SyncRun.TABLES.size();

    /** The tables the simulator does not track by default (as in real metadata): read whole by every sync. */
    private static final List<String> UNTRACKED = List.of(
            "privileges",
            "fieldsecurityprofiles",
            "fieldpermissions",
            "systemuserprofilescollection",
            "teamprofilescollection");

    private static final int PAGE = 5_000;
    private static final int CHURNED_ACCOUNTS = 1_000;

    private final SyncBenchmark driver;
    private final DataverseSimulator simulator;
    private final long fullRequests;

    IncrementalBenchmark(SyncBenchmark driver, DataverseSimulator simulator, long fullRequests) {
        this.driver = driver;
        this.simulator = simulator;
        this.fullRequests = fullRequests;
    }

    /** Runs both measurements after the full sync {@code fullId}; the report's section. */
    String run(String fullId) throws Exception {
        long quietBound = TABLES;
        for (String table : UNTRACKED) {
            quietBound += (simulator.state().count(table) + PAGE - 1) / PAGE - 1;
        }
        simulator.requests().clear();
        JsonNode quiet = driver.syncAndWait(null);
        long quietLog = simulator.requests().dataverse().size();
        boolean quietSame = driver.exportDigest(id(quiet)).equals(driver.exportDigest(fullId));

        int changed = churn(new Random(14));
        simulator.requests().clear();
        JsonNode busy = driver.syncAndWait(null);
        long busyLog = simulator.requests().dataverse().size();
        JsonNode full = driver.syncAndWait("{\"mode\": \"FULL\"}");
        String busyExport = driver.exportDigest(id(busy));
        String fullExport = driver.exportDigest(id(full));
        long busyBound = quietBound + (changed + PAGE - 1) / PAGE + 5;

        String report = String.join(
                "\n",
                "## Incremental syncs",
                "",
                "| Figure | Value | Target |",
                "|---|---|---|",
                String.format(
                        Locale.ROOT,
                        "| (a) nothing changed: mode, tables the fallback names | %s, %s | INCREMENTAL, the untracked ones |",
                        quiet.get("mode").asString(),
                        fellBack(quiet)),
                String.format(
                        Locale.ROOT,
                        "| (a) Dataverse requests (sync's count / simulator's log) | %d / %d | ≤ %d (full sync: %d) |",
                        quiet.get("dataverseRequests").asLong(),
                        quietLog,
                        quietBound,
                        fullRequests),
                String.format(Locale.ROOT, "| (a) wall time | %.2f s | ≤ 1 s |", wall(quiet)),
                String.format(Locale.ROOT, "| (a) export identical to the full sync's | %s | yes |", quietSame),
                String.format(
                        Locale.ROOT,
                        "| (b) churn: accounts touched, rows changed | %,d, %,d | |",
                        CHURNED_ACCOUNTS,
                        changed),
                String.format(
                        Locale.ROOT,
                        "| (b) mode, tables the fallback names | %s, %s | INCREMENTAL, the untracked ones |",
                        busy.get("mode").asString(),
                        fellBack(busy)),
                String.format(
                        Locale.ROOT,
                        "| (b) Dataverse requests (sync's count / simulator's log) | %d / %d | ≤ %d (full sync: %d) |",
                        busy.get("dataverseRequests").asLong(),
                        busyLog,
                        busyBound,
                        fullRequests),
                String.format(Locale.ROOT, "| (b) wall time | %.1f s | (full sync: %.1f s) |", wall(busy), wall(full)),
                String.format(Locale.ROOT, "| (b) export of the incremental sync | %s | |", busyExport),
                String.format(Locale.ROOT, "| (b) export of a full sync right after | %s | identical |", fullExport),
                "");
        System.out.println(report);
        assertThat(quiet.get("dataverseRequests").asLong()).isEqualTo(quietLog).isLessThanOrEqualTo(quietBound);
        assertThat(quietSame).isTrue();
        assertThat(fellBack(quiet)).isEqualTo(UNTRACKED);
        assertThat(fellBack(busy)).isEqualTo(UNTRACKED);
        assertThat(busy.get("dataverseRequests").asLong()).isEqualTo(busyLog).isLessThanOrEqualTo(busyBound);
        assertThat(busyExport).isEqualTo(fullExport);
        return report;
    }

    /** The tables an incremental sync read whole, as its fallback names them. */
    private static List<String> fellBack(JsonNode sync) {
        JsonNode fallback = sync.get("fallback");
        if (fallback == null || fallback.isNull()) {
            return List.of();
        }
        return java.util.Arrays.stream(fallback.asString().split("; "))
                .map(reason -> reason.substring(0, reason.indexOf(':')))
                .toList();
    }

    /**
     * Changes 1,000 accounts: for each, one of: a role removed, a role added, a membership removed, a membership
     * added; every 50th is disabled instead and every 100th deleted (with its links). The number of rows changed.
     */
    private int churn(Random random) {
        SimulatorState state = simulator.state();
        Map<UUID, List<SimulatorState.Link>> rolesOf = byUser(state.userRoles());
        Map<UUID, List<SimulatorState.Link>> teamsOf = byUser(state.memberships());
        List<UUID> users = new ArrayList<>(rolesOf.keySet());
        users.retainAll(teamsOf.keySet());
        Collections.shuffle(users, random);
        List<SimulatorState.Link> allRoles = new ArrayList<>(state.userRoles());
        List<UUID> teams = new ArrayList<>(teamsOf.values().stream()
                .flatMap(List::stream)
                .map(SimulatorState.Link::right)
                .distinct()
                .toList());
        int changed = 0;
        for (int i = 0; i < CHURNED_ACCOUNTS; i++) {
            UUID user = users.get(i);
            List<SimulatorState.Link> roles = rolesOf.get(user);
            List<SimulatorState.Link> memberships = teamsOf.get(user);
            if (i % 100 == 99) {
                changed += 1 + roles.size() + memberships.size();
                state.deleteUser(user);
            } else if (i % 50 == 49) {
                state.setUserDisabled(user, true);
                changed++;
            } else {
                switch (i % 4) {
                    case 0 -> {
                        SimulatorState.Link role = roles.get(random.nextInt(roles.size()));
                        state.removeUserRole(role.left(), role.right());
                    }
                    case 1 -> {
                        UUID role =
                                allRoles.get(random.nextInt(allRoles.size())).right();
                        if (roles.stream().anyMatch(link -> link.right().equals(role))) {
                            continue;
                        }
                        state.addUserRole(user, role);
                    }
                    case 2 -> {
                        SimulatorState.Link membership = memberships.get(random.nextInt(memberships.size()));
                        state.removeMembership(membership.left(), membership.right());
                    }
                    default -> {
                        UUID team = teams.get(random.nextInt(teams.size()));
                        if (memberships.stream().anyMatch(link -> link.right().equals(team))) {
                            continue;
                        }
                        state.addMembership(user, team);
                    }
                }
                changed++;
            }
        }
        return changed;
    }

    private static Map<UUID, List<SimulatorState.Link>> byUser(Iterable<SimulatorState.Link> links) {
        Map<UUID, List<SimulatorState.Link>> byUser = new HashMap<>();
        for (SimulatorState.Link link : links) {
            byUser.computeIfAbsent(link.left(), user -> new ArrayList<>()).add(link);
        }
        return byUser;
    }

    private static double wall(JsonNode sync) {
        return Duration.between(
                                Instant.parse(sync.get("startedAt").asString()),
                                Instant.parse(sync.get("finishedAt").asString()))
                        .toMillis()
                / 1000.0;
    }

    private static String id(JsonNode sync) {
        return sync.get("id").asString();
    }
}
