package io.accessgov.dynamics.sync;

import java.io.IOException;
import java.io.Writer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes snapshot lines in canonical order and refuses any line out of it (a fault of the sync, never of the data):
 * {@code changes} relies on the order to compare two snapshots in one pass.
 */
final class SnapshotWriter {

    private final Writer out;
    private final JsonMapper json;
    private String lastKey = "";

    SnapshotWriter(Writer out, JsonMapper json) {
        this.out = out;
        this.json = json;
    }

    /** Writes the object's REST JSON under this key. */
    void write(String key, String kind, String id, Object value) throws IOException {
        line(new SnapshotLine(key, kind, id, json.writeValueAsString(value)).encode(), key);
    }

    /** Writes an already encoded line (from a {@link LineSorter}). */
    void writeEncoded(String encoded) throws IOException {
        line(encoded, encoded.substring(0, encoded.indexOf('\t')));
    }

    private void line(String encoded, String key) throws IOException {
        if (key.compareTo(lastKey) <= 0) {
            throw new IllegalStateException("Snapshot lines out of canonical order: " + key + " after " + lastKey);
        }
        lastKey = key;
        out.write(encoded);
        out.write('\n');
    }
}
