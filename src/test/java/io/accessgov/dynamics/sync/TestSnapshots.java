package io.accessgov.dynamics.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Snapshots written the way a sync writes them, into a file store in a test's folder. */
final class TestSnapshots implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final SnapshotCompression compression = new SnapshotCompression();
    final FileSnapshotStore store;

    TestSnapshots(Path dataDir) {
        this.store = new FileSnapshotStore(dataDir, JSON);
    }

    /** Commits a snapshot of these objects, in the order given, and reads it back. */
    SnapshotStore.Snapshot write(UUID id, List<SnapshotLine> lines) throws IOException {
        try (SnapshotStore.Draft draft = store.draft(id)) {
            SnapshotWriter out = new SnapshotWriter(draft, compression, JSON);
            for (SnapshotLine line : lines) {
                out.writeJson(line.key(), line.kind(), line.json());
            }
            out.commit();
        }
        return store.read(id);
    }

    static SnapshotLine line(String key, String json) {
        return SnapshotLine.decode(key + "\t" + json);
    }

    @Override
    public void close() {
        compression.close();
    }
}
