package io.accessgov.dynamics.sync;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a snapshot into a draft, in canonical order, and refuses any line out of it (a fault of the sync, never of
 * the data): {@code changes} relies on the order to compare two snapshots in one pass. Each object goes to the
 * draft's lines as the export sends it, and its key to the keys, both gzip-compressed on the way
 * ({@link SnapshotStore}); the commit records the sizes of the lines.
 */
final class SnapshotWriter {

    private static final int BUFFER = 1 << 16;

    private final SnapshotStore.Draft draft;
    private final JsonMapper json;
    private final ParallelGzipOutputStream linesGzip;
    private final ParallelGzipOutputStream keysGzip;
    private final OutputStream lines;
    private final OutputStream keys;
    private long count;
    private String lastKey = "";

    SnapshotWriter(SnapshotStore.Draft draft, SnapshotCompression compression, JsonMapper json) {
        this.draft = draft;
        this.json = json;
        this.linesGzip = compression.gzip(draft.lines());
        this.keysGzip = compression.gzip(draft.keys());
        this.lines = new BufferedOutputStream(linesGzip, BUFFER);
        this.keys = new BufferedOutputStream(keysGzip, BUFFER);
    }

    /** Writes the object's REST JSON under this key. */
    void write(String key, String kind, Object value) throws IOException {
        writeJson(key, kind, json.writeValueAsString(value));
    }

    /** Writes an object's REST JSON, already rendered, under this key. */
    void writeJson(String key, String kind, String objectJson) throws IOException {
        advanceTo(key);
        lines.write(SnapshotLine.exportLine(kind, objectJson).getBytes(StandardCharsets.UTF_8));
        lines.write('\n');
        keys.write(key.getBytes(StandardCharsets.UTF_8));
        keys.write('\n');
        count++;
    }

    /** Writes a line in the form {@code key TAB json} (from a {@link LineSorter}) as an object of this kind. */
    void writeEncoded(String kind, String encoded) throws IOException {
        int tab = encoded.indexOf('\t');
        writeJson(encoded.substring(0, tab), kind, encoded.substring(tab + 1));
    }

    /** Writes lines rendered elsewhere, already in canonical order among themselves. */
    void writeRendered(Rendered rendered) throws IOException {
        if (rendered.count() == 0) {
            return;
        }
        advanceTo(rendered.firstKey());
        lastKey = rendered.lastKey();
        lines.write(rendered.lines());
        keys.write(rendered.keys());
        count += rendered.count();
    }

    private void advanceTo(String key) {
        if (key.compareTo(lastKey) <= 0) {
            throw new IllegalStateException("Snapshot lines out of canonical order: " + key + " after " + lastKey);
        }
        lastKey = key;
    }

    /** Ends both files and commits the snapshot with the sizes of its lines. */
    SnapshotSize commit() throws IOException {
        lines.close();
        keys.close();
        SnapshotSize size = new SnapshotSize(count, linesGzip.size(), linesGzip.compressedSize());
        draft.commit(size);
        return size;
    }

    /**
     * Lines rendered elsewhere as UTF-8, each followed by a line break: as the export sends them, and their keys.
     *
     * @param count how many lines
     */
    record Rendered(byte[] lines, byte[] keys, int count, String firstKey, String lastKey) {}
}
