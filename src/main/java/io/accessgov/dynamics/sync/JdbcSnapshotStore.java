package io.accessgov.dynamics.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The snapshot store several replicas share, in PostgreSQL (schema: {@code db/migration}): each sync's record as
 * JSON, and each snapshot part as the same gzip bytes the file store keeps, cut into chunks of {@link #CHUNK} bytes
 * written one statement each while the sync runs (so a 100,000-account snapshot is a few dozen rows, and no
 * transaction grows with it). The {@code snapshot} row written at commit makes the snapshot visible, whole; reading
 * fetches one chunk at a time, so memory stays flat however large the snapshot.
 */
final class JdbcSnapshotStore implements SnapshotStore {

    /** Bytes per chunk of a snapshot part. */
    static final int CHUNK = 2 << 20;

    static final String LINES = "lines";
    static final String KEYS = "keys";
    static final String STATE = "state";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    JdbcSnapshotStore(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public void save(Sync sync) {
        jdbc.update(
                """
                INSERT INTO sync_record (id, environment, status, started_at, record) VALUES (?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (id) DO UPDATE SET status = excluded.status, record = excluded.record""",
                sync.id(),
                sync.environment() == null ? "" : sync.environment(),
                sync.status().name(),
                Timestamp.from(sync.startedAt()),
                json.writeValueAsString(sync));
    }

    @Override
    public List<Sync> list() {
        return jdbc.query("SELECT record FROM sync_record", (row, n) -> parse(row.getString(1)));
    }

    @Override
    public Optional<Sync> find(UUID id) {
        return jdbc
                .query("SELECT record FROM sync_record WHERE id = ?", (row, n) -> parse(row.getString(1)), id)
                .stream()
                .findFirst();
    }

    private Sync parse(String record) {
        return json.readValue(record, Sync.class);
    }

    @Override
    public Draft draft(UUID id) {
        deleteChunks(id);
        return new JdbcDraft(id);
    }

    @Override
    public Snapshot read(UUID id) throws IOException {
        List<SnapshotSize> sizes = jdbc.query(
                "SELECT lines, bytes, gzip_bytes FROM snapshot WHERE sync_id = ?",
                (row, n) -> new SnapshotSize(row.getLong(1), row.getLong(2), row.getLong(3)),
                id);
        if (sizes.isEmpty()) {
            throw new NoSuchFileException("snapshot of sync " + id);
        }
        SnapshotSize size = sizes.get(0);
        return new Snapshot() {
            @Override
            public SnapshotSize size() {
                return size;
            }

            @Override
            public InputStream lines() {
                return new ChunkInputStream(id, LINES, size.gzipBytes());
            }

            @Override
            public InputStream keys() {
                return new ChunkInputStream(id, KEYS, -1);
            }

            @Override
            public Optional<InputStream> state() {
                Boolean present = jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM snapshot_chunk WHERE sync_id = ? AND part = ?)",
                        Boolean.class,
                        id,
                        STATE);
                return Boolean.TRUE.equals(present)
                        ? Optional.of(new ChunkInputStream(id, STATE, -1))
                        : Optional.empty();
            }
        };
    }

    @Override
    public void delete(UUID id) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM snapshot WHERE sync_id = ?", id);
            jdbc.update("DELETE FROM snapshot_chunk WHERE sync_id = ?", id);
            jdbc.update("DELETE FROM sync_record WHERE id = ?", id);
        });
    }

    /** Removes the chunks of a snapshot that was never committed (a draft cut short by a replica's death). */
    void deleteUncommitted(UUID id) {
        jdbc.update(
                "DELETE FROM snapshot_chunk c WHERE c.sync_id = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM snapshot s WHERE s.sync_id = c.sync_id)",
                id);
    }

    private void deleteChunks(UUID id) {
        jdbc.update("DELETE FROM snapshot_chunk WHERE sync_id = ?", id);
    }

    /** Bytes in the database per part of a snapshot (for the benchmark and operators). */
    Map<String, Long> storedBytes(UUID id) {
        Map<String, Long> sizes = new TreeMap<>();
        jdbc.query(
                "SELECT part, sum(octet_length(data)) FROM snapshot_chunk WHERE sync_id = ? GROUP BY part",
                row -> {
                    sizes.put(row.getString(1), row.getLong(2));
                },
                id);
        return sizes;
    }

    /** A snapshot being written: each part's chunks inserted as they fill, the {@code snapshot} row at commit. */
    private final class JdbcDraft implements Draft {
        private final UUID id;
        private final ChunkOutputStream lines;
        private final ChunkOutputStream keys;
        private @Nullable ChunkOutputStream state;
        private boolean committed;

        JdbcDraft(UUID id) {
            this.id = id;
            this.lines = new ChunkOutputStream(id, LINES);
            this.keys = new ChunkOutputStream(id, KEYS);
        }

        @Override
        public OutputStream lines() {
            return lines;
        }

        @Override
        public OutputStream keys() {
            return keys;
        }

        @Override
        public OutputStream state() {
            if (state == null) {
                state = new ChunkOutputStream(id, STATE);
            }
            return state;
        }

        @Override
        public void commit(SnapshotSize size) throws IOException {
            lines.close();
            keys.close();
            if (state != null) {
                state.close();
            }
            if (lines.written != size.gzipBytes()) {
                throw new IOException("The snapshot's lines are " + lines.written + " bytes long, not the "
                        + size.gzipBytes() + " recorded");
            }
            try {
                transactions.executeWithoutResult(status -> {
                    Long stored = jdbc.queryForObject(
                            "SELECT coalesce(sum(octet_length(data)), 0) FROM snapshot_chunk"
                                    + " WHERE sync_id = ? AND part = ?",
                            Long.class,
                            id,
                            LINES);
                    if (stored == null || stored != size.gzipBytes()) {
                        throw new IllegalStateException("The database holds " + stored + " bytes of the snapshot's"
                                + " lines, not the " + size.gzipBytes() + " written");
                    }
                    jdbc.update(
                            "INSERT INTO snapshot (sync_id, lines, bytes, gzip_bytes) VALUES (?, ?, ?, ?)",
                            id,
                            size.lines(),
                            size.bytes(),
                            size.gzipBytes());
                });
            } catch (DataAccessException | IllegalStateException e) {
                throw new IOException("The snapshot of sync " + id + " could not be committed", e);
            }
            committed = true;
        }

        @Override
        public void close() {
            if (committed) {
                return;
            }
            lines.discard();
            keys.discard();
            if (state != null) {
                state.discard();
            }
            deleteUncommitted(id);
        }
    }

    /** One part of a draft: buffers a chunk, inserts it when full and at close. */
    private final class ChunkOutputStream extends OutputStream {
        private final UUID id;
        private final String part;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK);
        private int seq;
        private long written;
        private boolean closed;

        ChunkOutputStream(UUID id, String part) {
            this.id = id;
            this.part = part;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("The draft's " + part + " are closed");
            }
            while (length > 0) {
                int room = CHUNK - buffer.size();
                int taken = Math.min(room, length);
                buffer.write(bytes, offset, taken);
                offset += taken;
                length -= taken;
                if (buffer.size() == CHUNK) {
                    insert();
                }
            }
        }

        private void insert() throws IOException {
            if (buffer.size() == 0) {
                return;
            }
            try {
                jdbc.update(
                        "INSERT INTO snapshot_chunk (sync_id, part, seq, data) VALUES (?, ?, ?, ?)",
                        id,
                        part,
                        seq,
                        buffer.toByteArray());
            } catch (DataAccessException e) {
                throw new IOException("Cannot store a chunk of the snapshot of sync " + id, e);
            }
            written += buffer.size();
            seq++;
            buffer.reset();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                insert();
                closed = true;
            }
        }

        void discard() {
            closed = true;
            buffer.reset();
        }
    }

    /**
     * One part of a committed snapshot, fetched a chunk at a time, in order. A part that ends before its recorded
     * length (the snapshot was deleted by another replica while it was read) fails rather than ends early, so a
     * response built on it is aborted, never cleanly cut short.
     */
    private final class ChunkInputStream extends InputStream {
        private final UUID id;
        private final String part;
        private final long expected;
        private byte[] chunk = new byte[0];
        private int position;
        private int next;
        private long read;
        private boolean ended;

        /** @param expected the part's length in bytes, or -1 when it was not recorded */
        ChunkInputStream(UUID id, String part, long expected) {
            this.id = id;
            this.part = part;
            this.expected = expected;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == chunk.length) {
                if (ended || !fetch()) {
                    ended = true;
                    if (expected >= 0 && read != expected) {
                        throw new IOException("The " + part + " of the snapshot of sync " + id + " end after " + read
                                + " of " + expected + " bytes: it was deleted while it was read");
                    }
                    return -1;
                }
            }
            int taken = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, into, offset, taken);
            position += taken;
            read += taken;
            return taken;
        }

        private boolean fetch() throws IOException {
            List<byte[]> found;
            try {
                found = jdbc.query(
                        "SELECT data FROM snapshot_chunk WHERE sync_id = ? AND part = ? AND seq = ?",
                        (row, n) -> row.getBytes(1),
                        id,
                        part,
                        next);
            } catch (DataAccessException e) {
                throw new IOException("Cannot read the snapshot of sync " + id, e);
            }
            if (found.isEmpty()) {
                return false;
            }
            chunk = found.get(0);
            position = 0;
            next++;
            return true;
        }
    }
}
