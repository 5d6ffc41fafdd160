package io.accessgov.dynamics.sync;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The changes between two stored snapshots, streamed out as NDJSON one line at a time, so that memory never depends
 * on a snapshot's size: found by one merge-join over their canonical order.
 */
final class SnapshotStreams {

    private SnapshotStreams() {}

    /**
     * Writes what changed from {@code before} to {@code after}: {@code added} and {@code changed} with the new
     * object, {@code removed} with the old one.
     */
    static void changes(SnapshotReader before, SnapshotReader after, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        SnapshotLine was = before.next();
        SnapshotLine is = after.next();
        while (was != null || is != null) {
            int order = was == null ? 1 : is == null ? -1 : was.key().compareTo(is.key());
            if (order < 0) {
                change(writer, "removed", was);
                was = before.next();
            } else if (order > 0) {
                change(writer, "added", is);
                is = after.next();
            } else {
                if (!was.json().equals(is.json())) {
                    change(writer, "changed", is);
                }
                was = before.next();
                is = after.next();
            }
        }
        writer.flush();
    }

    private static void change(Writer writer, String change, SnapshotLine line) throws IOException {
        writer.write("{\"change\":\"");
        writer.write(change);
        writer.write("\",\"kind\":\"");
        writer.write(line.kind());
        writer.write("\",\"id\":\"");
        writer.write(line.id());
        writer.write("\",\"object\":");
        writer.write(line.json());
        writer.write("}\n");
    }
}
