package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.Fault;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.RecordedRequest;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A full sync through a storm of transient faults, over real HTTP against the simulator: a burst of 503s longer than
 * an interactive call may retry, a dropped connection, an answer cut short, every token revoked midway, a token
 * endpoint slower than the service waits, and about one request in five throttled. The sync rides it out on the
 * background retry budget ({@code dynamics.http.background}), waits at least every {@code Retry-After} it was given,
 * and ends with the snapshot of a clean sync, byte for byte.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncStormEndToEndTest {

    /** The wait every fault of the storm asks for, in {@code Retry-After}. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /** Interactive calls may try 3 times: the burst of 503s below outlasts that. */
    private static final int INTERACTIVE_ATTEMPTS = 3;

    @TempDir
    static Path dataDir;

    private DataverseSimulator simulator;
    private ConfigurableApplicationContext service;
    private ServiceHttp http;

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
                        .randomSeed(17)
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
                        "--dynamics.http.read-timeout=3s",
                        "--dynamics.http.max-attempts=" + INTERACTIVE_ATTEMPTS,
                        "--dynamics.http.deadline=10s",
                        "--connector.security.allow-anonymous=true",
                        "--connector.data-dir=" + dataDir);
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

    @Test
    void aSyncThroughAStormOfTransientFaultsSucceedsWithTheCleanSnapshotAndHonoursEveryRetryAfter() {
        String clean = export(runSync());
        int tokensBefore = simulator.tokens().issuedCount();
        simulator.requests().clear();
        simulator
                .faults()
                .inject(Fault.status(503)
                        .withRetryAfter(RETRY_AFTER)
                        .times(INTERACTIVE_ATTEMPTS + 2)
                        .onPath("/teammemberships"))
                .inject(Fault.dropConnection().onPath("/systemuserrolescollection"))
                .inject(Fault.truncatedBody().onPath("/systemusers"))
                .inject(Fault.revokedToken().onPath("/teams"))
                .inject(Fault.slowTokenEndpoint(Duration.ofSeconds(4)))
                .randomly(0.2, Fault.throttled(RETRY_AFTER).onPath("/api/data/"), 23);

        JsonNode storm = runSync();

        assertThat(storm.get("status").asString()).as(storm.toString()).isEqualTo("SUCCEEDED");
        assertThat(export(storm)).isEqualTo(clean);
        assertThat(simulator.faults().pending())
                .as("every queued fault met a request")
                .isZero();
        List<RecordedRequest> dataverse = simulator.requests().dataverse();
        assertThat(dataverse).filteredOn(request -> request.status() == 503).hasSize(INTERACTIVE_ATTEMPTS + 2);
        assertThat(dataverse).filteredOn(request -> request.status() == 429).isNotEmpty();
        assertThat(dataverse).filteredOn(request -> request.status() == 401).isNotEmpty();
        assertThat(dataverse).filteredOn(request -> request.status() == 0).hasSize(1);
        assertThat(simulator.tokens().issuedCount())
                .as("signed in again after the revocation (the slow answer included)")
                .isGreaterThan(tokensBefore);
        assertThat(storm.get("dataverseRequests").asLong()).isEqualTo(dataverse.size());
        assertThat(storm.get("throttledWaitMillis").asLong())
                .isGreaterThanOrEqualTo(dataverse.stream()
                                .filter(request -> request.status() == 429)
                                .count()
                        * RETRY_AFTER.toMillis());
        assertEveryRetryAfterWasHonoured(dataverse);
    }

    /** No request that was answered with a Retry-After came again sooner than it asked. */
    private static void assertEveryRetryAfterWasHonoured(List<RecordedRequest> requests) {
        List<RecordedRequest> waited = requests.stream()
                .filter(request -> request.status() == 429 || request.status() == 503)
                .toList();
        assertThat(waited).isNotEmpty();
        for (RecordedRequest answered : waited) {
            RecordedRequest retry = requests.stream()
                    .filter(later -> later.method().equals(answered.method())
                            && later.uri().equals(answered.uri())
                            && later.receivedAt().isAfter(answered.receivedAt()))
                    .min((a, b) -> a.receivedAt().compareTo(b.receivedAt()))
                    .orElseThrow(() -> new AssertionError("never tried again: " + answered.uri()));
            assertThat(Duration.between(answered.receivedAt(), retry.receivedAt()))
                    .as("retry of %s %s", answered.method(), answered.uri())
                    .isGreaterThanOrEqualTo(RETRY_AFTER);
        }
    }

    private JsonNode runSync() {
        HttpResponse<String> started = http.send("POST", "/api/v1/syncs", "{\"mode\": \"FULL\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = ServiceHttp.parse(started.body()).get("id").asString();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode sync = http.json("/api/v1/syncs/" + id);
            if (!sync.get("status").asString().equals("RUNNING")) {
                return sync;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("sync " + id + " did not end");
    }

    private String export(JsonNode sync) {
        HttpResponse<String> response =
                http.get("/api/v1/syncs/" + sync.get("id").asString() + "/export");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isNotEmpty();
        return response.body();
    }
}
