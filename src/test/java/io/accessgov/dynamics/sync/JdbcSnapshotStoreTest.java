package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.database.Migrated;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The snapshot store and leases several replicas share, against a real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcSnapshotStoreTest {

    private Migrated db;
    private JdbcSnapshotStore store;

    @BeforeAll
    void migrate() {
        db = new Migrated();
        store = new JdbcSnapshotStore(db.jdbc, db.transactions, TestSnapshots.JSON);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void aCommittedSnapshotReadsBackByteForByteAcrossChunks() throws IOException {
        UUID id = UUID.randomUUID();
        byte[] lines = random(JdbcSnapshotStore.CHUNK * 2 + 12_345);
        byte[] keys = random(1_000);
        try (SnapshotStore.Draft draft = store.draft(id)) {
            write(draft.lines(), lines);
            draft.keys().write(keys);
            draft.commit(new SnapshotSize(10, lines.length * 3L, lines.length));
        }

        SnapshotStore.Snapshot snapshot = store.read(id);

        assertThat(snapshot.size()).isEqualTo(new SnapshotSize(10, lines.length * 3L, lines.length));
        try (InputStream in = snapshot.lines()) {
            assertThat(in.readAllBytes()).isEqualTo(lines);
        }
        try (InputStream in = snapshot.keys()) {
            assertThat(in.readAllBytes()).isEqualTo(keys);
        }
        assertThat(store.storedBytes(id)).containsEntry("lines", (long) lines.length);
        Integer rows =
                db.jdbc.queryForObject("SELECT count(*) FROM snapshot_chunk WHERE sync_id = ?", Integer.class, id);
        assertThat(rows).isEqualTo(4);
    }

    @Test
    void aSnapshotKeepsItsDeltaStateAsAThirdPartAndASnapshotWithoutOneHasNone() throws IOException {
        UUID withState = UUID.randomUUID();
        byte[] state = random(JdbcSnapshotStore.CHUNK + 777);
        try (SnapshotStore.Draft draft = store.draft(withState)) {
            draft.lines().write(new byte[] {1});
            write(draft.state(), state);
            draft.commit(new SnapshotSize(1, 1, 1));
        }
        UUID without = UUID.randomUUID();
        try (SnapshotStore.Draft draft = store.draft(without)) {
            draft.lines().write(new byte[] {1});
            draft.commit(new SnapshotSize(1, 1, 1));
        }

        try (InputStream in = store.read(withState).state().orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(state);
        }
        assertThat(store.read(without).state()).isEmpty();
    }

    @Test
    void aSnapshotWrittenWithTheSyncWriterReadsBackLineByLine() throws IOException {
        UUID id = UUID.randomUUID();
        SnapshotCompression compression = new SnapshotCompression();
        try (SnapshotStore.Draft draft = store.draft(id)) {
            SnapshotWriter out = new SnapshotWriter(draft, compression, TestSnapshots.JSON);
            out.writeJson("1|a", "account", "{\"id\":\"a\"}");
            out.writeJson("1|b", "account", "{\"id\":\"b\"}");
            out.commit();
        } finally {
            compression.close();
        }

        try (SnapshotReader reader = SnapshotReader.of(store.read(id))) {
            assertThat(reader.next().key()).isEqualTo("1|a");
            assertThat(reader.next().key()).isEqualTo("1|b");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void aSnapshotDeletedWhileItIsReadFailsTheReadInsteadOfEndingIt() throws IOException {
        UUID id = UUID.randomUUID();
        byte[] lines = random(JdbcSnapshotStore.CHUNK + 5_000);
        try (SnapshotStore.Draft draft = store.draft(id)) {
            write(draft.lines(), lines);
            draft.commit(new SnapshotSize(1, lines.length, lines.length));
        }
        SnapshotStore.Snapshot snapshot = store.read(id);

        try (InputStream in = snapshot.lines()) {
            assertThat(in.readNBytes(10)).hasSize(10);
            store.delete(id);
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("deleted");
        }
    }

    @Test
    void aDraftClosedWithoutCommitLeavesNothing() throws IOException {
        UUID id = UUID.randomUUID();
        try (SnapshotStore.Draft draft = store.draft(id)) {
            write(draft.lines(), random(JdbcSnapshotStore.CHUNK + 1));
        }

        assertThatThrownBy(() -> store.read(id)).isInstanceOf(NoSuchFileException.class);
        assertThat(store.storedBytes(id)).isEmpty();
    }

    @Test
    void aCommitWithTheWrongSizeFailsAndShowsNothing() throws IOException {
        UUID id = UUID.randomUUID();
        try (SnapshotStore.Draft draft = store.draft(id)) {
            draft.lines().write(random(100));
            assertThatThrownBy(() -> draft.commit(new SnapshotSize(1, 200, 101)))
                    .isInstanceOf(IOException.class);
        }

        assertThatThrownBy(() -> store.read(id)).isInstanceOf(NoSuchFileException.class);
        assertThat(store.storedBytes(id)).isEmpty();
    }

    @Test
    void syncRecordsAreSavedReplacedListedAndDeleted() throws IOException {
        Sync running = sync(UUID.randomUUID(), "contoso", SyncStatus.RUNNING);
        store.save(running);
        Sync done = new Sync(
                running.id(),
                "contoso",
                SyncStatus.SUCCEEDED,
                SyncMode.FULL,
                running.startedAt(),
                running.startedAt().plusSeconds(5),
                List.of(),
                new Sync.Counts(1, 2, 3, 4, 5),
                7,
                0,
                null,
                null);
        store.save(done);

        assertThat(store.find(running.id())).contains(done);
        assertThat(store.list()).contains(done);

        try (SnapshotStore.Draft draft = store.draft(done.id())) {
            draft.lines().write(random(10));
            draft.commit(new SnapshotSize(1, 20, 10));
        }
        store.delete(done.id());

        assertThat(store.find(done.id())).isEmpty();
        assertThatThrownBy(() -> store.read(done.id())).isInstanceOf(NoSuchFileException.class);
        assertThat(store.storedBytes(done.id())).isEmpty();
    }

    @Test
    void oneSyncRunsPerEnvironmentUntilItsLeaseExpiresThenItIsInterruptedAndTakenOver() throws Exception {
        String environment = "lease-" + UUID.randomUUID();
        SyncLeases first = leases("first", Duration.ofMillis(400));
        SyncLeases second = leases("second", Duration.ofMillis(400));
        Sync running = sync(UUID.randomUUID(), environment, SyncStatus.RUNNING);
        assertThat(first.acquire(environment, running.id())).isEmpty();
        store.save(running);
        try (SnapshotStore.Draft draft = store.draft(running.id())) {
            draft.lines().write(random(JdbcSnapshotStore.CHUNK + 1)); // a chunk written, never committed
            UUID next = UUID.randomUUID();

            assertThat(second.acquire(environment, next)).contains(running.id());
            assertThat(first.renew(running)).isTrue();
            second.failIfAbandoned(running.failed(Instant.now(), SyncJob.interrupted("gone")));
            assertThat(store.find(running.id()).orElseThrow().status()).isEqualTo(SyncStatus.RUNNING);

            Thread.sleep(600);

            assertThat(second.acquire(environment, next)).isEmpty();
            Sync interrupted = store.find(running.id()).orElseThrow();
            assertThat(interrupted.status()).isEqualTo(SyncStatus.FAILED);
            assertThat(interrupted.problem())
                    .containsEntry("type", "urn:dynamics365-connector:problem:sync-interrupted");
            assertThat(store.storedBytes(running.id())).isEmpty();
            assertThat(first.renew(running)).isFalse();
            assertThat(first.complete(running)).isFalse();
            assertThat(store.find(running.id()).orElseThrow().status()).isEqualTo(SyncStatus.FAILED);
            assertThat(first.acquire(environment, UUID.randomUUID())).contains(next);
        }
    }

    @Test
    void aSyncWhoseReplicaDiedIsReportedFailedByAnyReaderOnceTheLeaseExpired() throws Exception {
        String environment = "abandoned-" + UUID.randomUUID();
        SyncLeases dead = leases("dead", Duration.ofMillis(300));
        SyncLeases reader = leases("reader", Duration.ofMillis(300));
        Sync running = sync(UUID.randomUUID(), environment, SyncStatus.RUNNING);
        dead.acquire(environment, running.id());
        store.save(running);

        Thread.sleep(500);
        reader.failIfAbandoned(running.failed(Instant.now(), SyncJob.interrupted("gone")));

        assertThat(store.find(running.id()).orElseThrow().status()).isEqualTo(SyncStatus.FAILED);
        assertThat(reader.acquire(environment, UUID.randomUUID())).isEmpty();
    }

    @Test
    void aCompletedSyncIsRecordedAndFreesTheEnvironment() {
        String environment = "complete-" + UUID.randomUUID();
        SyncLeases replica = leases("replica", Duration.ofSeconds(60));
        Sync running = sync(UUID.randomUUID(), environment, SyncStatus.RUNNING);
        replica.acquire(environment, running.id());
        store.save(running);
        Sync done = running.failed(Instant.now(), SyncJob.interrupted("stopping"));

        assertThat(replica.complete(done)).isTrue();

        assertThat(store.find(running.id())).contains(done);
        assertThat(leases("other", Duration.ofSeconds(60)).acquire(environment, UUID.randomUUID()))
                .isEmpty();
    }

    private SyncLeases leases(String owner, Duration lease) {
        return new SyncLeases(db.jdbc, db.transactions, store, TestSnapshots.JSON, owner, lease);
    }

    private static Sync sync(UUID id, String environment, SyncStatus status) {
        return new Sync(
                id,
                environment,
                status,
                SyncMode.FULL,
                Instant.parse("2026-11-26T05:00:00Z"),
                null,
                List.of(),
                Sync.Counts.NONE,
                0,
                0,
                null,
                null);
    }

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        for (int offset = 0; offset < bytes.length; offset += 10_000) {
            out.write(bytes, offset, Math.min(10_000, bytes.length - offset));
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
