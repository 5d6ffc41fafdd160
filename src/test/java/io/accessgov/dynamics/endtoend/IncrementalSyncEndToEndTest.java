package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.Behaviour;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Incremental syncs over real HTTP against the simulator's change tracking (docs/api.md §11): after random churn an
 * incremental sync exports exactly what a full sync exports at the same moment; a quiet tenant costs one request per
 * table (the tables Dataverse does not track, privileges and field security, are read whole, compared with what the
 * previous sync kept, and named in the fallback); an expired token, a table whose tracking is switched off, a removal that cannot be placed and a lost earlier
 * state each fall back to reading whole, say so, and lose nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalSyncEndToEndTest {

    /** Tables whose changes the simulator tracks by default, as one real organisation's metadata shows. */
    private static final int TRACKED = 8;

    /** The tables it does not track, read whole by every sync, in the order a sync reports them. */
    private static final List<String> UNTRACKED = List.of(
            "privileges",
            "fieldsecurityprofiles",
            "fieldpermissions",
            "systemuserprofilescollection",
            "teamprofilescollection");

    /** The fallback of an incremental sync that followed the changes of every tracked table. */
    private static final String UNTRACKED_READ_WHOLE = UNTRACKED.stream()
                    .map(table -> table + ": Dataverse does not track its changes: it was read whole and compared")
                    .collect(Collectors.joining("; "))
            + ".";

    /** The request of a sync that writes a new snapshot beyond its tables': which table each privilege belongs to. */
    private static final int METADATA = 1;

    @TempDir
    static Path dataDir;

    private DataverseSimulator simulator;
    private ConfigurableApplicationContext service;
    private ServiceHttp http;
    private Churn churn;

    @BeforeAll
    void start() {
        simulator = DataverseSimulator.start(SimulatorOptions.defaults()
                .withSeed(OrganisationSeed.generated()
                        .users(3_000)
                        .businessUnits(6)
                        .logicalRoles(15)
                        .teams(150)
                        .userRoleLinks(9_000)
                        .memberships(6_000)
                        .randomSeed(14)
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
                        "--connector.data-dir=" + dataDir);
        http = new ServiceHttp(
                ((WebServerApplicationContext) service).getWebServer().getPort());
        churn = new Churn(simulator.state(), 2026);
        http.json("/api/v1/accounts?pageSize=1"); // sign in first: token requests are not the question here
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
    void restoreTracking() {
        simulator.behaviour().changeTracking("teamroles", true);
        simulator.behaviour().linkDeletionId(Behaviour.LinkDeletionId.LINK_ROW);
    }

    @Test
    @Order(1)
    void withNoEarlierSyncAnIncrementalSyncReadsEveryTableWholeAndSaysSo() {
        JsonNode first = sync("{\"mode\": \"INCREMENTAL\"}");

        assertThat(first.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(first.get("mode").asString()).isEqualTo("INCREMENTAL");
        assertThat(first.get("fallback").asString()).contains("no earlier sync of this environment succeeded");
        assertThat(export(first)).isEqualTo(export(sync("{\"mode\": \"FULL\"}")));
    }

    @Test
    @Order(2)
    void withoutABodyTheServiceContinuesTheLastSyncAndAQuietTenantCostsOneRequestPerTable() {
        JsonNode full = sync("{\"mode\": \"FULL\"}");
        simulator.requests().clear();

        JsonNode quiet = sync(null);

        assertThat(quiet.get("mode").asString()).isEqualTo("INCREMENTAL");
        assertThat(quiet.get("fallback").asString()).isEqualTo(UNTRACKED_READ_WHOLE);
        assertThat(simulator.requests().dataverse()).hasSize(TRACKED + UNTRACKED.size());
        assertThat(quiet.get("dataverseRequests").asLong()).isEqualTo(TRACKED + UNTRACKED.size());
        assertThat(quiet.get("counts")).isEqualTo(full.get("counts"));
        assertThat(export(quiet)).isEqualTo(export(full));
    }

    @Test
    @Order(3)
    void afterRandomChurnEveryIncrementalSyncExportsWhatAFullSyncExports() {
        sync("{\"mode\": \"FULL\"}");
        JsonNode previous = null;
        for (int round = 0; round < 3; round++) {
            int before = churn.changes();
            churn.round(120);
            int changed = churn.changes() - before;
            simulator.requests().clear();

            JsonNode incremental = sync(null);

            assertThat(incremental.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(incremental.get("mode").asString()).isEqualTo("INCREMENTAL");
            assertThat(incremental.get("fallback").asString()).isEqualTo(UNTRACKED_READ_WHOLE);
            assertThat(simulator.requests().dataverse().size())
                    .as("%d changed rows", changed)
                    .isLessThanOrEqualTo(TRACKED + (changed + 4_999) / 5_000 + 5 + UNTRACKED.size() + METADATA);
            previous = incremental;
        }
        JsonNode full = sync("{\"mode\": \"FULL\"}");
        assertThat(export(previous)).isEqualTo(export(full));
    }

    @Test
    @Order(4)
    void changesWithoutSinceAreTheChangesSinceThePreviousSuccessfulSync() {
        JsonNode earlier = sync(null);
        churn.round(40);
        JsonNode later = sync(null);

        HttpResponse<String> implicit = http.get("/api/v1/syncs/" + id(later) + "/changes");
        HttpResponse<String> named = http.get("/api/v1/syncs/" + id(later) + "/changes?since=" + id(earlier));

        assertThat(implicit.statusCode()).isEqualTo(200);
        assertThat(implicit.body()).isNotEmpty().isEqualTo(named.body());
    }

    @Test
    @Order(5)
    void anExpiredTokenFallsBackToReadingWholeAndLosesNoRemoval() {
        sync(null);
        churn.round(80);
        simulator.state().expireDeltaTokens();

        JsonNode incremental = sync(null);

        assertThat(incremental.get("fallback").asString()).contains("change token expired");
        assertThat(export(incremental)).isEqualTo(export(sync("{\"mode\": \"FULL\"}")));
    }

    @Test
    @Order(6)
    void aTableWhoseTrackingIsSwitchedOffIsReadWholeAndTheOthersFollowTheirChanges() {
        sync(null);
        simulator.behaviour().changeTracking("teamroles", false);
        churn.round(80);

        JsonNode incremental = sync(null);

        assertThat(incremental.get("fallback").asString())
                .startsWith("teamrolescollection: Dataverse refused to follow its changes")
                .doesNotContain("systemusers");
        assertThat(export(incremental)).isEqualTo(export(sync("{\"mode\": \"FULL\"}")));
    }

    @Test
    @Order(7)
    void aRemovalNamedByAnIdNoSyncHeldIsNotGuessedAtButTheTableIsReadWhole() {
        sync(null);
        simulator.behaviour().linkDeletionId(Behaviour.LinkDeletionId.FIRST_RECORD);
        SimulatorLinksRemoval removal = SimulatorLinksRemoval.anyUserRole(simulator.state());
        removal.run();

        JsonNode incremental = sync(null);

        assertThat(incremental.get("fallback").asString())
                .contains("systemuserrolescollection: Dataverse reported 1 removed link row(s) the previous sync did"
                        + " not hold");
        assertThat(export(incremental)).isEqualTo(export(sync("{\"mode\": \"FULL\"}")));
    }

    @Test
    @Order(8)
    void aLostDeltaStateFallsBackToReadingEverythingWhole() throws Exception {
        JsonNode before = sync(null);
        Files.delete(dataDir.resolve("syncs").resolve(id(before)).resolve("state.bin"));
        churn.round(40);

        JsonNode incremental = sync(null);

        assertThat(incremental.get("mode").asString()).isEqualTo("FULL");
        JsonNode asked = sync("{\"mode\": \"INCREMENTAL\"}");
        assertThat(asked.get("fallback").asString()).isEqualTo(UNTRACKED_READ_WHOLE);
        assertThat(export(asked)).isEqualTo(export(incremental));
    }

    @Test
    @Order(9)
    void aDamagedDeltaStateFallsBackToReadingEverythingWholeRatherThanFailing() throws Exception {
        JsonNode before = sync(null);
        Path state = dataDir.resolve("syncs").resolve(id(before)).resolve("state.bin");
        byte[] bytes = Files.readAllBytes(state);
        Files.write(state, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        churn.round(40);

        JsonNode incremental = sync(null);

        assertThat(incremental.get("mode").asString()).isEqualTo("INCREMENTAL");
        assertThat(incremental.get("fallback").asString())
                .contains("the delta state of the previous sync (" + id(before) + ") cannot be read")
                .endsWith("every table was read whole.");
        assertThat(export(incremental)).isEqualTo(export(sync("{\"mode\": \"FULL\"}")));
    }

    private JsonNode sync(String body) {
        HttpResponse<String> started = http.send("POST", "/api/v1/syncs", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = ServiceHttp.parse(started.body()).get("id").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode sync = http.json("/api/v1/syncs/" + id);
            if (!sync.get("status").asString().equals("RUNNING")) {
                assertThat(sync.get("status").asString()).as(sync.toString()).isEqualTo("SUCCEEDED");
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

    private String export(JsonNode sync) {
        HttpResponse<String> response = http.get("/api/v1/syncs/" + id(sync) + "/export");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String id(JsonNode sync) {
        return sync.get("id").asString();
    }

    /** Removes one direct role assignment. */
    private record SimulatorLinksRemoval(
            io.accessgov.dynamics.simulator.SimulatorState state,
            io.accessgov.dynamics.simulator.SimulatorState.Link link)
            implements Runnable {
        static SimulatorLinksRemoval anyUserRole(io.accessgov.dynamics.simulator.SimulatorState state) {
            return new SimulatorLinksRemoval(state, state.userRoles().iterator().next());
        }

        @Override
        public void run() {
            assertThat(state.removeUserRole(link.left(), link.right())).isTrue();
        }
    }
}
