package io.accessgov.dynamics.endtoend;

import io.accessgov.dynamics.sync.SnapshotSize;
import io.accessgov.dynamics.sync.SnapshotStore;
import io.accessgov.dynamics.sync.Sync;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Test wiring for the service: the stored lines of the syncs named here fail to read after a given number of bytes,
 * the way a disk or a database connection gives out midway. Everything else reads as stored.
 */
class FailingSnapshotReads implements BeanPostProcessor {

    private static final Map<UUID, Long> FAIL_AFTER = new ConcurrentHashMap<>();

    /** From now on, reading the lines of this sync's snapshot fails after this many (stored, compressed) bytes. */
    static void failAfter(UUID sync, long bytes) {
        FAIL_AFTER.put(sync, bytes);
    }

    static void clear() {
        FAIL_AFTER.clear();
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
            return store.draft(id);
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
