package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.endtoend.ExpectedGrants.Expected;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.Fault;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import io.accessgov.dynamics.simulator.SimulatorState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Full syncs over real HTTP against the simulator: the export equals a computation from the simulator's own tables,
 * each table is read once at the largest page size, faults that retries absorb change nothing, a persistent
 * failure leaves no snapshot, and changes between two syncs are exactly what changed in the tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncEndToEndTest {

    private static final List<String> TABLES = List.of(
            "businessunits",
            "systemusers",
            "roles",
            "teams",
            "systemuserrolescollection",
            "teammemberships",
            "teamrolescollection",
            "privileges",
            "roleprivilegescollection",
            "fieldsecurityprofiles",
            "fieldpermissions",
            "systemuserprofilescollection",
            "teamprofilescollection");

    /** Privilege depths as the export names them, by {@code privilegedepthmask}. */
    private static final Map<Integer, String> DEPTHS =
            Map.of(1, "USER", 2, "BUSINESS_UNIT", 4, "PARENT_CHILD_BUSINESS_UNITS", 8, "ORGANIZATION");

    @TempDir
    static Path dataDir;

    DataverseSimulator simulator;
    private ConfigurableApplicationContext service;
    private ServiceHttp http;

    /** {@code connector.syncs.parts}: how many key ranges the tables that grow with the accounts are read in. */
    int parts() {
        return 1;
    }

    @BeforeAll
    void start() {
        simulator = DataverseSimulator.start(SimulatorOptions.defaults()
                .withSeed(OrganisationSeed.generated()
                        .users(6_000)
                        .businessUnits(8)
                        .logicalRoles(20)
                        .teams(300)
                        .userRoleLinks(18_000)
                        .memberships(12_000)
                        .randomSeed(11)
                        .build()));
        service = new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--dynamics.environment-url=" + simulator.environmentUrl(),
                        "--dynamics.authority-url=" + simulator.authorityUrl(),
                        "--dynamics.tenant-id=" + simulator.tenantId(),
                        "--dynamics.client-id=" + simulator.clientId(),
                        "--dynamics.client-secret=" + simulator.clientSecret(),
                        "--connector.security.allow-anonymous=true",
                        "--connector.data-dir=" + dataDir,
                        "--connector.syncs.parts=" + parts());
        http = new ServiceHttp(
                ((WebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    @Test
    void exportEqualsTheSimulatorsTablesAndEachTableIsReadOnceAtTheLargestPage() {
        http.json("/api/v1/accounts?pageSize=1"); // sign in first: token requests are not the question here
        simulator.requests().clear();

        JsonNode sync = runSync();

        assertThat(sync.get("status").asString()).isEqualTo("SUCCEEDED");
        int lowerBound = 0;
        for (String table : TABLES) {
            lowerBound += (simulator.state().count(table) + 4_999) / 5_000;
        }
        int requests = simulator.requests().dataverse().size();
        assertThat(requests).isGreaterThanOrEqualTo(lowerBound).isLessThanOrEqualTo(lowerBound + 10);
        assertThat(sync.get("dataverseRequests").asLong()).isEqualTo(requests);
        assertThat(simulator.requests().dataverse())
                .filteredOn(request -> !request.uri().contains("/EntityDefinitions"))
                .allSatisfy(request -> assertThat(request.prefer()).contains("odata.maxpagesize=5000"));
        for (JsonNode table : sync.get("progress")) {
            assertThat(table.get("done").asBoolean()).as(table.toString()).isTrue();
            assertThat(table.get("rows").asInt())
                    .as(table.toString())
                    .isEqualTo(simulator.state().count(table.get("table").asString()));
        }

        Export export = export(sync.get("id").asString());
        SimulatorState state = simulator.state();
        assertThat(export.grants()).isEqualTo(ExpectedGrants.of(state, false).all());
        assertThat(export.ids("account")).isEqualTo(humans(state));
        assertThat(export.ids("business-unit")).isEqualTo(column(state.rows("businessunits"), "businessunitid"));
        assertThat(export.ids("team")).isEqualTo(column(state.rows("teams"), "teamid"));
        assertThat(export.ids("role")).isEqualTo(column(state.rows("roles"), "_parentrootroleid_value"));
        assertThat(export.copies()).isEqualTo(state.count("roles"));
        JsonNode counts = sync.get("counts");
        assertThat(counts.get("grants").asInt()).isEqualTo(export.grants().size());
        assertThat(counts.get("accounts").asInt())
                .isEqualTo(export.ids("account").size());
        assertThat(counts.get("roles").asInt()).isEqualTo(export.ids("role").size());

        assertThat(metric("connector.sync.rows?tag=table:systemusers"))
                .isGreaterThanOrEqualTo(state.count("systemusers"));
        assertThat(metric("connector.sync.duration?tag=outcome:succeeded")).isPositive();
        assertThat(metric("connector.sync.last.success"))
                .isGreaterThanOrEqualTo(
                        java.time.Instant.parse(sync.get("finishedAt").asString())
                                .getEpochSecond());
    }

    /** The first measurement (a count, a total, or a gauge's value) of an actuator metric. */
    private double metric(String nameAndTags) {
        return http.json("/actuator/metrics/" + nameAndTags)
                .get("measurements")
                .get(0)
                .get("value")
                .asDouble();
    }

    @Test
    void exportedObjectsAreExactlyWhatTheRestApiAnswersForThem() {
        Export export = export(runSync().get("id").asString());
        Map<String, String> paths = Map.of(
                "business-unit", "/api/v1/business-units/",
                "account", "/api/v1/accounts/",
                "role", "/api/v1/roles/",
                "team", "/api/v1/teams/",
                "grant", "/api/v1/grants/",
                "field-security-profile", "/api/v1/field-security-profiles/");
        Map<String, Integer> compared = new HashMap<>();
        for (int i = 0; i < export.lines().size(); i++) {
            JsonNode line = export.lines().get(i);
            String kind = line.get("kind").asString();
            if ((kind.equals("account") || kind.equals("grant") || kind.equals("team")) && i % 97 != 0
                    || kind.equals("role-privilege")) {
                continue; // every business unit, role and profile, a sample of the rest; privileges role by role below
            }
            JsonNode rest = http.json(paths.get(kind) + line.get("id").asString());
            assertThat(withoutKind(line)).as(kind).isEqualTo(rest);
            compared.merge(kind, 1, Integer::sum);
        }
        assertThat(compared)
                .containsKeys("business-unit", "account", "role", "team", "grant", "field-security-profile");
        assertThat(compared.get("role")).isEqualTo(export.ids("role").size());
        assertThat(compared.get("field-security-profile"))
                .isEqualTo(simulator.state().count("fieldsecurityprofiles"));

        Map<String, Set<JsonNode>> exportedPrivileges = export.rolePrivileges();
        assertThat(exportedPrivileges.keySet()).isSubsetOf(export.ids("role"));
        for (String role : export.ids("role")) {
            Set<JsonNode> listed = new HashSet<>();
            for (JsonNode item : http.listAll("/api/v1/roles/" + role + "/privileges", "pageSize=1000")
                    .items()) {
                tools.jackson.databind.node.ObjectNode withRole = tools.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode()
                        .put("roleId", role);
                withRole.setAll((tools.jackson.databind.node.ObjectNode) item);
                listed.add(withRole);
            }
            assertThat(exportedPrivileges.getOrDefault(role, Set.of())).as(role).isEqualTo(listed);
        }
    }

    @Test
    void exportedPrivilegesAndProfilesAreTheSimulatorsTables() {
        Export export = export(runSync().get("id").asString());
        SimulatorState state = simulator.state();

        Map<String, Map<String, String>> expected = new HashMap<>();
        for (String role : export.ids("role")) {
            Map<String, String> depths = new HashMap<>();
            state.rolePrivileges(UUID.fromString(role)).forEach((name, depth) -> depths.put(name, DEPTHS.get(depth)));
            if (!depths.isEmpty()) {
                expected.put(role, depths);
            }
        }
        Map<String, Map<String, String>> exported = new HashMap<>();
        export.rolePrivileges()
                .forEach((role, lines) -> lines.forEach(line -> exported.computeIfAbsent(role, r -> new HashMap<>())
                        .put(line.get("name").asString(), line.get("depth").asString())));
        assertThat(exported).isEqualTo(expected);

        Map<String, Set<String>> permissions = new HashMap<>();
        for (Map<String, Object> row : state.rows("fieldpermissions")) {
            permissions
                    .computeIfAbsent(row.get("_fieldsecurityprofileid_value").toString(), p -> new TreeSet<>())
                    .add(row.get("entityname") + "." + row.get("attributelogicalname"));
        }
        Map<String, Set<String>> exportedPermissions = new HashMap<>();
        for (JsonNode line : export.lines()) {
            if (line.get("kind").asString().equals("field-security-profile")) {
                Set<String> columns = new TreeSet<>();
                line.get("permissions")
                        .forEach(permission ->
                                columns.add(permission.get("table").asString() + "."
                                        + permission.get("column").asString()));
                exportedPermissions.put(line.get("id").asString(), columns);
            }
        }
        assertThat(exportedPermissions.keySet())
                .isEqualTo(column(state.rows("fieldsecurityprofiles"), "fieldsecurityprofileid"));
        exportedPermissions.values().removeIf(Set::isEmpty);
        assertThat(exportedPermissions).isEqualTo(permissions);
    }

    private static tools.jackson.databind.node.ObjectNode withoutKind(JsonNode line) {
        tools.jackson.databind.node.ObjectNode copy = ((tools.jackson.databind.node.ObjectNode) line).deepCopy();
        copy.remove("kind");
        return copy;
    }

    @Test
    void throttling429sAnd503sThatRetriesAbsorbGiveTheIdenticalSnapshot() {
        String clean = export(runSync().get("id").asString()).body();
        simulator.faults().randomly(0.2, Fault.throttled(Duration.ofSeconds(1)), 5);
        simulator
                .faults()
                .inject(Fault.status(503).withRetryAfter(Duration.ZERO).times(2).onPath("/teammemberships"));
        simulator
                .faults()
                .inject(Fault.status(503).withRetryAfter(Duration.ZERO).onPath("/systemusers"));
        simulator.requests().clear();

        JsonNode faulty = runSync();

        assertThat(faulty.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(simulator.requests().dataverse().stream().filter(r -> r.status() == 429))
                .isNotEmpty();
        assertThat(faulty.get("throttledWaitMillis").asLong()).isGreaterThanOrEqualTo(1_000);
        assertThat(faulty.get("dataverseRequests").asLong())
                .isEqualTo(simulator.requests().dataverse().size());
        assertThat(export(faulty.get("id").asString()).body()).isEqualTo(clean);
    }

    @Test
    void aTokenExpiringMidwayThroughASyncIsReplacedAndTheSnapshotIsIdentical() throws Exception {
        String clean = export(runSync().get("id").asString()).body();
        // hold the first membership page back, so that the sync is surely under way when every token expires
        simulator.faults().inject(Fault.delay(Duration.ofMillis(1_500)).times(1).onPath("/teammemberships"));
        int tokensBefore = simulator.tokens().issuedCount();

        HttpResponse<String> started = http.send("POST", "/api/v1/syncs", FULL);
        String id = ServiceHttp.parse(started.body()).get("id").asString();
        Thread.sleep(700);
        simulator.tokens().expireAll();
        JsonNode done = awaitEnd(id);

        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(simulator.requests().dataverse().stream().filter(r -> r.status() == 401))
                .as("requests refused with the expired token")
                .isNotEmpty();
        assertThat(simulator.tokens().issuedCount()).isGreaterThan(tokensBefore);
        assertThat(export(id).body()).isEqualTo(clean);
    }

    @Test
    void aPersistentDataverseFailureIsFailedWithoutASnapshot() {
        simulator
                .faults()
                .inject(Fault.status(503)
                        .withRetryAfter(Duration.ZERO)
                        .times(1_000)
                        .onPath("/teammemberships"));

        JsonNode failed = runSync();

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("problem").get("type").asString())
                .isEqualTo("urn:dynamics365-connector:problem:dataverse-unavailable");
        assertThat(failed.get("finishedAt").isNull()).isFalse();
        String id = failed.get("id").asString();
        HttpResponse<String> export = http.get("/api/v1/syncs/" + id + "/export");
        assertThat(export.statusCode()).isEqualTo(409);
        assertThat(ServiceHttp.parse(export.body()).get("type").asString())
                .isEqualTo("urn:dynamics365-connector:problem:sync-not-succeeded");
        assertThat(Path.of(dataDir.toString(), "syncs", id)).doesNotExist();
        assertThat(Path.of(dataDir.toString(), "syncs", id + ".tmp")).doesNotExist();
    }

    @Test
    void aSecondSyncWhileOneRunsIsRefusedNamingTheRunningOne() throws Exception {
        simulator.faults().addedLatency(Duration.ofMillis(300));
        HttpResponse<String> first = http.send("POST", "/api/v1/syncs", null);
        assertThat(first.statusCode()).isEqualTo(202);
        String running = ServiceHttp.parse(first.body()).get("id").asString();
        assertThat(first.headers().firstValue("Location")).hasValue("/api/v1/syncs/" + running);

        HttpResponse<String> second = http.send("POST", "/api/v1/syncs", null);

        assertThat(second.statusCode()).isEqualTo(409);
        JsonNode problem = ServiceHttp.parse(second.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:dynamics365-connector:problem:sync-already-running");
        assertThat(problem.get("runningSyncId").asString()).isEqualTo(running);
        HttpResponse<String> early = http.get("/api/v1/syncs/" + running + "/export");
        assertThat(early.statusCode()).isEqualTo(409);
        simulator.faults().addedLatency(Duration.ZERO);
        assertThat(awaitEnd(running).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(http.listAll("/api/v1/syncs", "pageSize=1").ids()).contains(running);
    }

    @Test
    void changesAreExactlyWhatChangedInTheTables() {
        SimulatorState state = simulator.state();
        Map<String, Expected> before = ExpectedGrants.of(state, false).all();
        String first = runSync().get("id").asString();
        SimulatorState.Link membership = state.memberships().stream()
                .filter(link -> before.containsKey("team:" + link.right() + ":member:account:" + link.left())
                        && before.get("team:" + link.right() + ":member:account:" + link.left())
                                .revocable())
                .findFirst()
                .orElseThrow();
        SimulatorState.Link userRole = state.userRoles().iterator().next();
        UUID otherCopy = state.teamRoles().iterator().next().right();
        state.removeMembership(membership.left(), membership.right());
        state.removeUserRole(userRole.left(), userRole.right());
        state.addUserRole(membership.left(), otherCopy);
        Map<String, Expected> after = ExpectedGrants.of(state, false).all();
        try {
            String second = runSync().get("id").asString();

            List<JsonNode> changes = lines(http.get("/api/v1/syncs/" + second + "/changes?since=" + first));

            Set<String> expected = new TreeSet<>();
            before.forEach((id, grant) -> {
                if (!after.containsKey(id)) {
                    expected.add("removed " + id);
                } else if (!after.get(id).equals(grant)) {
                    expected.add("changed " + id);
                }
            });
            after.keySet().stream().filter(id -> !before.containsKey(id)).forEach(id -> expected.add("added " + id));
            assertThat(expected).isNotEmpty();
            assertThat(changes)
                    .allSatisfy(line -> assertThat(line.get("kind").asString()).isEqualTo("grant"))
                    .allSatisfy(line -> assertThat(line.get("object").get("id").asString())
                            .isEqualTo(line.get("id").asString()));
            Set<String> reported = changes.stream()
                    .map(line ->
                            line.get("change").asString() + " " + line.get("id").asString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(reported).isEqualTo(expected);
            assertThat(lines(http.get("/api/v1/syncs/" + second + "/changes?since=" + second)))
                    .isEmpty();
        } finally {
            state.addMembership(membership.left(), membership.right());
            state.addUserRole(userRole.left(), userRole.right());
            state.removeUserRole(membership.left(), otherCopy);
        }
    }

    /** The body that asks for a full sync: these tests are about reading every table whole. */
    static final String FULL = "{\"mode\": \"FULL\"}";

    JsonNode runSync() {
        HttpResponse<String> started = http.send("POST", "/api/v1/syncs", FULL);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return awaitEnd(ServiceHttp.parse(started.body()).get("id").asString());
    }

    private JsonNode awaitEnd(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode sync = http.json("/api/v1/syncs/" + id);
            if (!sync.get("status").asString().equals("RUNNING")) {
                return sync;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("sync " + id + " did not end");
    }

    Export export(String id) {
        HttpResponse<String> response = http.get("/api/v1/syncs/" + id + "/export");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        return new Export(response.body(), lines(response));
    }

    private static List<JsonNode> lines(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (!line.isEmpty()) {
                lines.add(ServiceHttp.parse(line));
            }
        }
        return lines;
    }

    private static Set<String> humans(SimulatorState state) {
        return state.rows("systemusers").stream()
                .filter(user -> ExpectedAccounts.typeOf(user, Set.of()).equals("HUMAN"))
                .map(user -> user.get("systemuserid").toString())
                .collect(Collectors.toSet());
    }

    private static Set<String> column(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(row -> row.get(column).toString()).collect(Collectors.toSet());
    }

    /** An export, parsed. */
    record Export(String body, List<JsonNode> lines) {

        Set<String> ids(String kind) {
            Set<String> ids = new HashSet<>();
            for (JsonNode line : lines) {
                if (line.get("kind").asString().equals(kind)) {
                    assertThat(ids.add(line.get("id").asString()))
                            .as("duplicate " + line)
                            .isTrue();
                }
            }
            return ids;
        }

        /** The {@code role-privilege} lines (without their kind) by role id. */
        Map<String, Set<JsonNode>> rolePrivileges() {
            Map<String, Set<JsonNode>> byRole = new HashMap<>();
            for (JsonNode line : lines) {
                if (line.get("kind").asString().equals("role-privilege")) {
                    assertThat(byRole.computeIfAbsent(line.get("roleId").asString(), role -> new HashSet<>())
                                    .add(withoutKind(line)))
                            .as("duplicate " + line)
                            .isTrue();
                }
            }
            return byRole;
        }

        int copies() {
            return lines.stream()
                    .filter(line -> line.get("kind").asString().equals("role"))
                    .mapToInt(line -> line.get("copies").size())
                    .sum();
        }

        Map<String, Expected> grants() {
            Map<String, Expected> grants = new HashMap<>();
            for (JsonNode line : lines) {
                if (line.get("kind").asString().equals("grant")) {
                    Set<String> sources = new TreeSet<>();
                    for (JsonNode source : line.get("sources")) {
                        sources.add(
                                source.get("type").asString().equals("direct")
                                        ? "direct"
                                        : "team:" + source.get("id").asString());
                    }
                    String id = line.get("id").asString();
                    assertThat(grants.put(
                                    id,
                                    new Expected(
                                            id, sources, line.get("revocable").asBoolean())))
                            .as("duplicate grant " + id)
                            .isNull();
                }
            }
            return grants;
        }
    }
}
