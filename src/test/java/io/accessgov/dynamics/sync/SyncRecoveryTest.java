package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.accessgov.dynamics.web.PageTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** What a restart leaves: completed snapshots survive, a sync found RUNNING is FAILED and never served. */
class SyncRecoveryTest {

    private static final Instant START = Instant.parse("2026-11-26T05:00:00Z");
    private static final Clock CLOCK = Clock.fixed(START.plusSeconds(600), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aSucceededSyncSurvivesARestartAndARunningOneBecomesFailed() throws Exception {
        Sync done = sync(UUID.randomUUID(), SyncStatus.SUCCEEDED, START);
        Sync cutShort = sync(UUID.randomUUID(), SyncStatus.RUNNING, START.plusSeconds(60));
        try (TestSnapshots before = new TestSnapshots(dataDir)) {
            before.store.save(done);
            before.write(done.id(), List.of(TestSnapshots.line("1|a", "{\"id\":\"a\"}")));
            before.store.save(cutShort);
            try (SnapshotStore.Draft draft = before.store.draft(cutShort.id())) {
                draft.lines().write("half a snapsh".getBytes(StandardCharsets.UTF_8));
            }
        }

        SyncService restarted = service(new FileSnapshotStore(dataDir, json));

        assertThat(restarted.get(done.id())).isEqualTo(done);
        try (InputStream lines =
                new GZIPInputStream(restarted.snapshot(done.id()).lines())) {
            assertThat(new String(lines.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"kind\":\"account\",\"id\":\"a\"}\n");
        }
        Sync failed = restarted.get(cutShort.id());
        assertThat(failed.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(failed.finishedAt()).isEqualTo(CLOCK.instant());
        assertThat(failed.problem()).containsEntry("type", "urn:dynamics365-connector:problem:sync-interrupted");
        assertThatThrownBy(() -> restarted.snapshot(cutShort.id())).isInstanceOf(SyncNotSucceeded.class);
        try (var files = Files.list(dataDir.resolve("syncs"))) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(done.id() + ".json", done.id().toString(), cutShort.id() + ".json");
        }
        assertThat(restarted.list(null, null).items()).extracting(Sync::id).containsExactly(cutShort.id(), done.id());
    }

    @Test
    void aDraftWrittenWhenTheServiceDiedIsRemovedAtStartUp() throws Exception {
        FileSnapshotStore store = new FileSnapshotStore(dataDir, json);
        UUID id = UUID.randomUUID();
        SnapshotStore.Draft draft = store.draft(id);
        OutputStream stream = draft.lines();
        stream.write("partial".getBytes(StandardCharsets.UTF_8));
        stream.flush(); // the process dies here: neither commit nor close

        new FileSnapshotStore(dataDir, json);

        try (var files = Files.list(dataDir.resolve("syncs"))) {
            assertThat(files).isEmpty();
        }
        assertThatThrownBy(() -> store.read(id)).isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void listsNewestFirstAcrossPages() {
        FileSnapshotStore store = new FileSnapshotStore(dataDir, json);
        for (int i = 0; i < 5; i++) {
            store.save(sync(UUID.randomUUID(), SyncStatus.SUCCEEDED, START.plusSeconds(i)));
        }
        SyncService service = service(store);

        var first = service.list(2, null);
        var second = service.list(null, first.nextPageToken());
        var third = service.list(null, second.nextPageToken());

        assertThat(List.of(first, second, third))
                .flatMap(page -> page.items())
                .extracting(Sync::startedAt)
                .containsExactly(
                        START.plusSeconds(4), START.plusSeconds(3), START.plusSeconds(2), START.plusSeconds(1), START);
        assertThat(third.nextPageToken()).isNull();
    }

    private SyncService service(SnapshotStore store) {
        return new SyncService(
                "default",
                true,
                store,
                SyncCoordination.singleReplica(store),
                Executors.newSingleThreadScheduledExecutor(),
                java.time.Duration.ofSeconds(60),
                mock(SyncJob.class),
                Executors.newSingleThreadExecutor(),
                new SyncMetrics(new SimpleMeterRegistry(), "default"),
                PageTokens.withRandomKey(),
                CLOCK,
                5);
    }

    private static Sync sync(UUID id, SyncStatus status, Instant startedAt) {
        return new Sync(
                id,
                "default",
                status,
                SyncMode.FULL,
                startedAt,
                status == SyncStatus.RUNNING ? null : startedAt.plusSeconds(20),
                List.of(new Sync.TableProgress("systemusers", 10, 1, status != SyncStatus.RUNNING)),
                status == SyncStatus.RUNNING ? Sync.Counts.NONE : new Sync.Counts(1, 2, 3, 4, 5),
                7,
                0,
                null,
                null);
    }
}
