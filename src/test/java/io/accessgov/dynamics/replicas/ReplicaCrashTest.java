package io.accessgov.dynamics.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.database.TestPostgres;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A replica dies in the middle of a sync ({@code kill -9}: no shutdown, nothing given up): the other replica keeps
 * refusing a second sync while the dead one's lease lasts, then reports the sync FAILED {@code sync-interrupted} and
 * runs a new one (docs/api.md §12). The dying replica runs in a JVM of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaCrashTest {

    private static final Duration LEASE = Duration.ofSeconds(3);

    @TempDir
    static Path temp;

    private DataverseSimulator simulator;
    private TestPostgres.Database database;
    private Replica survivor;
    private Replica doomed;

    @BeforeAll
    void start() throws Exception {
        simulator = DataverseSimulator.start(SimulatorOptions.defaults());
        database = TestPostgres.newDatabase();
        doomed = Replica.inItsOwnJvm(simulator, database, temp.resolve("doomed"), "3s", temp.resolve("doomed.log"));
        survivor = Replica.inThisJvm(simulator, database, temp.resolve("survivor"), "3s");
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (doomed != null) {
            doomed.close();
        }
        if (survivor != null) {
            survivor.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void aSyncWhoseReplicaIsKilledBecomesFailedWithinTheLeaseAndAnotherReplicaStartsANewOne() throws Exception {
        UUID role = simulator
                .state()
                .roleCopy("System Customizer", simulator.state().rootBusinessUnitId());
        UUID alex = simulator.state().userIdByDomainName("alex.wilber@contoso.com");
        String since = java.time.Instant.now().toString();
        String grant = "{\"resourceType\": \"role\", \"resourceId\": \"" + role
                + "\", \"principalType\": \"account\", \"principalId\": \"" + alex + "\"}";
        java.util.List<Integer> answered = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answered.add(doomed.send("POST", "/api/v1/grants", grant).statusCode());
        }
        simulator.faults().addedLatency(Duration.ofSeconds(20)); // the sync outlives the kill below
        HttpResponse<String> started = doomed.send("POST", "/api/v1/syncs", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = Replica.parse(started.body()).get("id").asString();
        assertThat(survivor.json("/api/v1/syncs/" + id).get("status").asString())
                .isEqualTo("RUNNING");
        Thread.sleep(LEASE.toMillis()); // long enough for the lease to have been renewed at least once

        doomed.kill();
        long killed = System.nanoTime();
        HttpResponse<String> whileLeased = survivor.send("POST", "/api/v1/syncs", null);
        JsonNode failed = survivor.awaitEnd(id, LEASE.multipliedBy(3));
        long reportedAfter = (System.nanoTime() - killed) / 1_000_000;

        assertThat(whileLeased.statusCode()).as(whileLeased.body()).isEqualTo(409);
        assertThat(Replica.parse(whileLeased.body()).get("runningSyncId").asString())
                .isEqualTo(id);
        assertThat(failed.get("status").asString()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.get("problem").get("type").asString())
                .isEqualTo("urn:dynamics365-connector:problem:sync-interrupted");
        assertThat(reportedAfter).isLessThanOrEqualTo(LEASE.toMillis() + 2_000);
        assertThat(survivor.get("/api/v1/syncs/" + id + "/export").statusCode()).isEqualTo(409);
        assertThat(answered).containsExactly(201, 200, 200);
        JsonNode events =
                survivor.json("/api/v1/audit-events?resourceId=" + role + "&principalId=" + alex + "&since=" + since);
        assertThat(events.get("items"))
                .as("every attempt the killed replica answered, once")
                .extracting(event -> event.get("outcome").asString())
                .containsExactly("created", "already-held", "already-held");

        simulator.faults().addedLatency(Duration.ZERO);
        HttpResponse<String> next = survivor.send("POST", "/api/v1/syncs", null);
        assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
        String nextId = Replica.parse(next.body()).get("id").asString();
        assertThat(UUID.fromString(nextId)).isNotEqualTo(UUID.fromString(id));
        JsonNode done = survivor.awaitEnd(nextId, Duration.ofSeconds(60));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(survivor.get("/api/v1/syncs/" + nextId + "/export").statusCode())
                .isEqualTo(200);
    }
}
