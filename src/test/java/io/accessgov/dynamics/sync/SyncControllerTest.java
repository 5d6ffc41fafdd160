package io.accessgov.dynamics.sync;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.accessgov.dynamics.environment.TestEnvironments;
import io.accessgov.dynamics.web.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = SyncController.class)
@Import(TestEnvironments.Unreached.class)
class SyncControllerTest {

    private static final UUID ID = UUID.fromString("3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59");
    private static final UUID EARLIER = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final Sync RUNNING = new Sync(
            ID,
            "default",
            SyncStatus.RUNNING,
            SyncMode.FULL,
            Instant.parse("2026-11-26T05:00:00Z"),
            null,
            List.of(new Sync.TableProgress("systemusers", 15_000, 3, false)),
            Sync.Counts.NONE,
            4,
            0,
            null,
            null);

    @Autowired
    MockMvc mvc;

    @TempDir
    static Path dataDir;

    static TestSnapshots snapshots;

    @BeforeAll
    static void startStore() {
        snapshots = new TestSnapshots(dataDir);
    }

    @AfterAll
    static void stopStore() {
        snapshots.close();
    }

    /** How snapshots are sent: the real thing, without a time limit. */
    @TestConfiguration
    static class Responses {
        @Bean
        SnapshotResponses snapshotResponses() {
            return new SnapshotResponses(null);
        }
    }

    @MockitoBean
    Syncs byEnvironment;

    @MockitoBean
    SyncService syncs;

    @BeforeEach
    void oneEnvironment() {
        when(byEnvironment.of(any())).thenReturn(syncs);
    }

    @Test
    void startingASyncAnswers202WithItsLocationAndTheContractsShape() throws Exception {
        when(syncs.start(null)).thenReturn(RUNNING);

        mvc.perform(post("/api/v1/syncs"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/syncs/" + ID))
                .andExpect(content().json("""
                        {"id": "3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59", "environment": "default", "status": "RUNNING",
                         "mode": "FULL", "startedAt": "2026-11-26T05:00:00Z", "finishedAt": null,
                         "progress": [{"table": "systemusers", "rows": 15000, "pages": 3, "done": false}],
                         "counts": {"businessUnits": 0, "accounts": 0, "roles": 0, "teams": 0, "grants": 0},
                         "dataverseRequests": 4, "throttledWaitMillis": 0, "fallback": null, "problem": null}
                        """, org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void aBodyChoosesTheMode() throws Exception {
        when(syncs.start(SyncMode.FULL)).thenReturn(RUNNING);

        mvc.perform(post("/api/v1/syncs").contentType("application/json").content("{\"mode\": \"FULL\"}"))
                .andExpect(status().isAccepted());

        verify(syncs).start(SyncMode.FULL);
    }

    @Test
    void aBodyWithAnUnknownMemberOrModeIs400AndStartsNothing() throws Exception {
        for (String body : List.of(
                "{\"mode\": \"FULL\", \"since\": \"x\"}",
                "{\"mode\": \"incremental\"}",
                "{\"mode\": \"DELTA\"}",
                "{\"mode\": 1}")) {
            mvc.perform(post("/api/v1/syncs").contentType("application/json").content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-body"));
        }
        mvc.perform(post("/api/v1/syncs").contentType("application/json").content("{\"mode\": \"FULL\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:unreadable-body"));
        mvc.perform(post("/api/v1/syncs").contentType("text/plain").content("FULL"))
                .andExpect(status().isUnsupportedMediaType());

        verify(syncs, never()).start(any());
    }

    @Test
    void startingWhileOneRunsIs409NamingTheRunningSync() throws Exception {
        when(syncs.start(null)).thenThrow(new SyncAlreadyRunning(ID));

        mvc.perform(post("/api/v1/syncs"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:sync-already-running"))
                .andExpect(jsonPath("$.runningSyncId").value(ID.toString()));
    }

    @Test
    void anUnknownSyncIs404() throws Exception {
        when(syncs.get(ID)).thenThrow(new SyncNotFound(ID));

        mvc.perform(get("/api/v1/syncs/" + ID))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:sync-not-found"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/syncs/not-a-guid",
                "/api/v1/syncs/3f6c1e2a9b8d4c7ea6f50e1d2c3b4a59/export",
                "/api/v1/syncs/3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59/changes?since=x'or'1'='1",
                "/api/v1/syncs/3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a5/changes?since=0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
            })
    void malformedIdsAre400AndReachNothing(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-id"));
        verifyNoInteractions(syncs);
    }

    @Test
    void changesWithoutSinceCompareWithThePreviousSuccessfulSync() throws Exception {
        when(syncs.earlierThan(ID)).thenReturn(EARLIER);
        when(syncs.snapshot(EARLIER)).thenThrow(new SyncNotSucceeded(RUNNING));

        mvc.perform(get("/api/v1/syncs/" + ID + "/changes")).andExpect(status().isConflict());

        verify(syncs).snapshot(EARLIER);
    }

    @Test
    void changesWithoutSinceWhenNoEarlierSyncSucceededIs409() throws Exception {
        when(syncs.earlierThan(ID)).thenThrow(new NoEarlierSync(ID));

        mvc.perform(get("/api/v1/syncs/" + ID + "/changes"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:no-earlier-sync"))
                .andExpect(jsonPath("$.syncId").value(ID.toString()));
    }

    @Test
    void exportOfASyncThatDidNotSucceedIs409() throws Exception {
        Sync failed = RUNNING.failed(Instant.parse("2026-11-26T05:01:00Z"), Map.of("type", "x"));
        when(syncs.snapshot(ID)).thenThrow(new SyncNotSucceeded(failed));

        mvc.perform(get("/api/v1/syncs/" + ID + "/export").accept("application/x-ndjson"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:sync-not-succeeded"))
                .andExpect(jsonPath("$.syncStatus").value("FAILED"));
    }

    @Test
    void changesAgainstARunningSyncIs409() throws Exception {
        when(syncs.snapshot(EARLIER)).thenThrow(new SyncNotSucceeded(RUNNING));

        mvc.perform(get("/api/v1/syncs/" + ID + "/changes?since=" + EARLIER))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:sync-not-succeeded"));
    }

    @Test
    void exportSendsEachObjectWithItsKindAsNdjsonWithItsLength() throws Exception {
        when(syncs.snapshot(ID)).thenReturn(snapshot());
        String export = "{\"kind\":\"business-unit\",\"id\":\"" + ID + "\"}\n";

        mvc.perform(get("/api/v1/syncs/" + ID + "/export"))
                .andExpect(request().asyncNotStarted())
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/x-ndjson"))
                .andExpect(header().longValue("Content-Length", export.length()))
                .andExpect(header().string("Vary", "Accept-Encoding"))
                .andExpect(header().doesNotExist("Content-Encoding"))
                .andExpect(content().string(export));
    }

    @Test
    void exportToAClientThatAcceptsGzipIsTheStoredGzipFileAsItIs() throws Exception {
        SnapshotStore.Snapshot snapshot = snapshot();
        when(syncs.snapshot(ID)).thenReturn(snapshot);
        byte[] stored;
        try (InputStream lines = snapshot.lines()) {
            stored = lines.readAllBytes();
        }

        mvc.perform(get("/api/v1/syncs/" + ID + "/export").header("Accept-Encoding", "br;q=1, gzip;q=0.8"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/x-ndjson"))
                .andExpect(header().string("Content-Encoding", "gzip"))
                .andExpect(header().longValue("Content-Length", stored.length))
                .andExpect(header().string("Vary", "Accept-Encoding"))
                .andExpect(content().bytes(stored));
    }

    @Test
    void headOfAnExportAnswersItsHeadersOnly() throws Exception {
        when(syncs.snapshot(ID)).thenReturn(snapshot());

        String export = "{\"kind\":\"business-unit\",\"id\":\"" + ID + "\"}\n";

        mvc.perform(head("/api/v1/syncs/" + ID + "/export"))
                .andExpect(status().isOk())
                .andExpect(header().longValue("Content-Length", export.length()))
                .andExpect(content().bytes(new byte[0]));
    }

    @Test
    void aSnapshotThatCannotBeOpenedIs500BeforeAnythingIsSent() throws Exception {
        SnapshotStore.Snapshot unreadable = new SnapshotStore.Snapshot() {
            @Override
            public SnapshotSize size() {
                return new SnapshotSize(1, 10, 30);
            }

            @Override
            public InputStream lines() throws IOException {
                throw new NoSuchFileException("lines.ndjson.gz");
            }

            @Override
            public InputStream keys() throws IOException {
                throw new NoSuchFileException("keys.gz");
            }

            @Override
            public Optional<InputStream> state() {
                return Optional.empty();
            }
        };
        when(syncs.snapshot(ID)).thenReturn(unreadable);

        mvc.perform(get("/api/v1/syncs/" + ID + "/export"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(header().doesNotExist("Content-Encoding"))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:internal-error"));
    }

    private SnapshotStore.Snapshot snapshot() throws IOException {
        return snapshots.write(UUID.randomUUID(), List.of(TestSnapshots.line("0|" + ID, "{\"id\":\"" + ID + "\"}")));
    }

    @Test
    void listsSyncsAsAPage() throws Exception {
        when(syncs.list(any(), any())).thenReturn(new Page<>(List.of(RUNNING), null));

        mvc.perform(get("/api/v1/syncs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(ID.toString()))
                .andExpect(jsonPath("$.nextPageToken").doesNotExist());
    }
}
