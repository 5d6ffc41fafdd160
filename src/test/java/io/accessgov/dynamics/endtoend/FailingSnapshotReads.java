package io.accessgov.dynamics.endtoend;

import io.accessgov.dynamics.sync.SnapshotSize;
import io.accessgov.dynamics.sync.SnapshotStore;
import io.accessgov.dynamics.sync.Sync;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Test wiring for the service: the stored lines of the syncs named here fail to read after a given number of bytes,
 * and, when asked, the delta state of the snapshots being written fails to write after a number of bytes: the way a
 * disk or a database connection gives out midway. Everything else reads and writes as stored.
 */
class FailingSnapshotReads implements BeanPostProcessor {

    private static final Map<UUID, Long> FAIL_AFTER = new ConcurrentHashMap<>();
    private static final AtomicLong STATE_WRITES_FAIL_AFTER = new AtomicLong(-1);

    /** From now on, writing the delta state of a new snapshot fails after this many bytes. */
    static void failStateWritesAfter(long bytes) {
        STATE_WRITES_FAIL_AFTER.set(bytes);
    }

    /** From now on, reading the lines of this sync's snapshot fails after this many (stored, compressed) bytes. */
    static void failAfter(UUID sync, long bytes) {
        FAIL_AFTER.put(sync, bytes);
    }

    static void clear() {
        FAIL_AFTER.clear();
        STATE_WRITES_FAIL_AFTER.set(-1);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof SnapshotStore store ? new Failing(store) : bean;
    }

    private record Failing(SnapshotStore store) implements SnapshotStore {

        @Override
        public void save(Sync sync) {
            store.save(sync);
        }

        @Override
        public List<Sync> list() {
            return store.list();
        }

        @Override
        public Optional<Sync> find(UUID id) {
            return store.find(id);
        }

        @Override
        public Draft draft(UUID id) throws IOException {
            Draft draft = store.draft(id);
            long limit = STATE_WRITES_FAIL_AFTER.get();
            if (limit < 0) {
                return draft;
            }
            return new Draft() {
                @Override
                public OutputStream lines() {
                    return draft.lines();
                }

                @Override
                public OutputStream keys() {
                    return draft.keys();
                }

                @Override
                public OutputStream state() throws IOException {
                    return new FailingWritesAfter(draft.state(), limit);
                }

                @Override
                public void commit(SnapshotSize size) throws IOException {
                    draft.commit(size);
                }

                @Override
                public void close() throws IOException {
                    draft.close();
                }
            };
        }

        @Override
        public void delete(UUID id) {
            store.delete(id);
        }

        @Override
        public Snapshot read(UUID id) throws IOException {
            Snapshot snapshot = store.read(id);
            return new Snapshot() {
                @Override
                public SnapshotSize size() {
                    return snapshot.size();
                }

                @Override
                public InputStream lines() throws IOException {
                    Long limit = FAIL_AFTER.get(id);
                    return limit == null ? snapshot.lines() : new FailingAfter(snapshot.lines(), limit);
                }

                @Override
                public InputStream keys() throws IOException {
                    return snapshot.keys();
                }

                @Override
                public Optional<InputStream> state() throws IOException {
                    return snapshot.state();
                }
            };
        }
    }

    /** Writes up to {@code limit} bytes, then fails. */
    private static final class FailingWritesAfter extends FilterOutputStream {
        private long left;

        FailingWritesAfter(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > left) {
                throw new IOException("The disk is full (a failure the test injected)");
            }
            out.write(bytes, offset, length);
            left -= length;
        }
    }

    /** Reads up to {@code limit} bytes, then fails. */
    private static final class FailingAfter extends FilterInputStream {
        private long left;

        FailingAfter(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (left <= 0) {
                throw new IOException("The disk gave out (a failure the test injected)");
            }
            int n = super.read(bytes, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
