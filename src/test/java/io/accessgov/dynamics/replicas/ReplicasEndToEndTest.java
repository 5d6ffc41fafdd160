package io.accessgov.dynamics.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.database.TestPostgres;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import io.accessgov.dynamics.simulator.SimulatorState;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas of the service on one real PostgreSQL database and one simulator (docs/api.md §12): any replica
 * answers any sync, export, page token and audit event; one sync runs per environment; identical grants sent to both
 * at once make one write; a restart loses no completed snapshot and no audit event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicasEndToEndTest {

    @TempDir
    static Path temp;

    private DataverseSimulator simulator;
    private TestPostgres.Database database;
    private Replica first;
    private Replica second;

    @BeforeAll
    void start() {
        simulator = DataverseSimulator.start(SimulatorOptions.defaults());
        database = TestPostgres.newDatabase();
        first = Replica.inThisJvm(simulator, database, temp.resolve("first"), "3s");
        second = Replica.inThisJvm(simulator, database, temp.resolve("second"), "3s");
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @AfterEach
    void noLatency() {
        simulator.faults().addedLatency(Duration.ZERO);
        simulator.faults().clear();
    }

    @Test
    void aSyncStartedOnOneReplicaIsFollowedAndExportedFromTheOtherWhichCannotStartAnother() throws Exception {
        simulator.faults().addedLatency(Duration.ofSeconds(3)); // the sync outlives the calls below
        HttpResponse<String> started = first.send("POST", "/api/v1/syncs", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = Replica.parse(started.body()).get("id").asString();

        HttpResponse<String> refused = second.send("POST", "/api/v1/syncs", null);
        JsonNode following = second.json("/api/v1/syncs/" + id);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(Replica.parse(refused.body()).get("runningSyncId").asString())
                .isEqualTo(id);
        assertThat(following.get("status").asString()).isEqualTo("RUNNING");
        simulator.faults().addedLatency(Duration.ZERO);
        JsonNode done = second.awaitEnd(id, Duration.ofSeconds(60));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");

        HttpResponse<String> fromFirst = first.get("/api/v1/syncs/" + id + "/export");
        HttpResponse<String> fromSecond = second.get("/api/v1/syncs/" + id + "/export");
        assertThat(fromSecond.statusCode()).isEqualTo(200);
        assertThat(fromSecond.body()).isEqualTo(fromFirst.body());
        assertThat(fromSecond
                        .body()
                        .lines()
                        .map(line -> Replica.parse(line).get("kind").asString())
                        .filter(kind -> !kind.equals("role-privilege") && !kind.equals("field-security-profile")))
                .as("the objects and grants the sync counted")
                .hasSize((int) countsOf(done));
        assertThat(second.json("/api/v1/syncs").get("items"))
                .extracting(item -> item.get("id").asString())
                .contains(id);
    }

    @Test
    void changesBetweenSyncsRunOnDifferentReplicasAreReadFromEither() throws Exception {
        String earlier = runSync(first);
        String later = runSync(second);

        HttpResponse<String> changes = first.get("/api/v1/syncs/" + later + "/changes?since=" + earlier);

        assertThat(changes.statusCode()).as(changes.body()).isEqualTo(200);
        assertThat(changes.body()).isEmpty();
    }

    @Test
    void aPageTokenOfOneReplicaOpensOnTheOther() {
        JsonNode page = first.json("/api/v1/accounts?pageSize=2");
        String token = page.get("nextPageToken").asString();

        JsonNode next = second.json(
                "/api/v1/accounts?pageSize=2&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));

        assertThat(next.get("items")).hasSize(2);
        assertThat(next.get("items").get(0).get("id"))
                .isNotEqualTo(page.get("items").get(0).get("id"));
    }

    @Test
    void identicalGrantsSentToBothReplicasAtOnceMakeOneWriteAndEveryAttemptIsAuditedOnce() throws Exception {
        SimulatorState state = simulator.state();
        UUID customizer = state.roleCopy("System Customizer", state.rootBusinessUnitId());
        UUID alex = state.userIdByDomainName("alex.wilber@contoso.com");
        String since = Instant.now().toString();
        simulator.requests().clear();
        simulator.faults().addedLatency(Duration.ofMillis(150));
        String body = "{\"resourceType\": \"role\", \"resourceId\": \"" + customizer
                + "\", \"principalType\": \"account\", \"principalId\": \"" + alex + "\"}";
        ExecutorService callers = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Replica replica = i % 2 == 0 ? first : second;
                calls.add(() -> replica.send("POST", "/api/v1/grants", body).statusCode());
            }
            for (Future<Integer> status : callers.invokeAll(calls)) {
                statuses.add(status.get());
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(statuses).containsOnly(201, 200);
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
        assertThat(simulator.requests().writes()).hasSize(1);
        simulator.faults().addedLatency(Duration.ZERO);
        String query = "resourceId=" + customizer + "&principalId=" + alex + "&since=" + since;
        for (Replica replica : List.of(first, second)) {
            JsonNode events = replica.json("/api/v1/audit-events?" + query);
            assertThat(events.get("items")).hasSize(6);
            assertThat(events.get("items"))
                    .extracting(event -> event.get("correlationId").asString())
                    .doesNotHaveDuplicates();
            assertThat(events.get("items"))
                    .extracting(event -> event.get("outcome").asString())
                    .containsOnly("created", "already-held")
                    .containsOnlyOnce("created");
        }
        assertThat(first.send("DELETE", "/api/v1/grants/role:" + customizer + ":assigned:account:" + alex, null)
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void aRestartedReplicaLosesNoCompletedSnapshotAndNoAuditEvent() throws Exception {
        String id = runSync(first);
        String export = first.get("/api/v1/syncs/" + id + "/export").body();
        UUID salesperson =
                simulator.state().roleCopy("Salesperson", simulator.state().rootBusinessUnitId());
        UUID alex = simulator.state().userIdByDomainName("alex.wilber@contoso.com");
        first.send(
                "POST",
                "/api/v1/grants",
                "{\"resourceType\": \"role\", \"resourceId\": \"" + salesperson
                        + "\", \"principalType\": \"account\", \"principalId\": \"" + alex + "\"}");
        JsonNode auditBefore = first.json("/api/v1/audit-events?pageSize=1000");

        first.close();
        first = Replica.inThisJvm(simulator, database, temp.resolve("first-again"), "3s");

        assertThat(first.json("/api/v1/syncs/" + id).get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(first.get("/api/v1/syncs/" + id + "/export").body()).isEqualTo(export);
        assertThat(first.json("/api/v1/audit-events?pageSize=1000").get("items"))
                .containsAll(auditBefore.get("items"));
    }

    private static String runSync(Replica replica) throws InterruptedException {
        HttpResponse<String> started = replica.send("POST", "/api/v1/syncs", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = Replica.parse(started.body()).get("id").asString();
        JsonNode done = replica.awaitEnd(id, Duration.ofSeconds(60));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        return id;
    }

    private static long countsOf(JsonNode sync) {
        long total = 0;
        for (JsonNode count : sync.get("counts")) {
            total += count.asLong();
        }
        return total;
    }
}
