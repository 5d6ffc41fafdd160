package io.accessgov.dynamics.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes snapshot lines in canonical order and refuses any line out of it (a fault of the sync, never of the data):
 * {@code changes} relies on the order to compare two snapshots in one pass.
 */
final class SnapshotWriter {

    private final OutputStream out;
    private final JsonMapper json;
    private String lastKey = "";

    SnapshotWriter(OutputStream out, JsonMapper json) {
        this.out = out;
        this.json = json;
    }

    /** Writes the object's REST JSON under this key. */
    void write(String key, String kind, String id, Object value) throws IOException {
        writeEncoded(new SnapshotLine(key, kind, id, json.writeValueAsString(value)).encode());
    }

    /** Writes an already encoded line (from a {@link LineSorter}). */
    void writeEncoded(String encoded) throws IOException {
        advanceTo(encoded.substring(0, encoded.indexOf('\t')));
        out.write(encoded.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** Writes lines rendered elsewhere, already in canonical order among themselves. */
    void writeRendered(Rendered lines) throws IOException {
        if (lines.count() == 0) {
            return;
        }
        advanceTo(lines.firstKey());
        lastKey = lines.lastKey();
        out.write(lines.utf8());
    }

    private void advanceTo(String key) {
        if (key.compareTo(lastKey) <= 0) {
            throw new IllegalStateException("Snapshot lines out of canonical order: " + key + " after " + lastKey);
        }
        lastKey = key;
    }

    /**
     * Encoded lines, each followed by a line break, as UTF-8.
     *
     * @param count how many lines
     */
    record Rendered(byte[] utf8, int count, String firstKey, String lastKey) {}
}
