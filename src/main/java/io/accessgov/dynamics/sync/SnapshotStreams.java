package io.accessgov.dynamics.sync;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Streams stored snapshots out as NDJSON, one line at a time, so memory never depends on a snapshot's size: the
 * export (each object's REST JSON with its {@code "kind"}), and the changes between two snapshots, found by one
 * merge-join over their canonical order.
 */
final class SnapshotStreams {

    private SnapshotStreams() {}

    /** Writes every object of the snapshot, one JSON object per line. */
    static void export(InputStream snapshot, OutputStream out) throws IOException {
        try (BufferedReader in = reader(snapshot)) {
            Writer writer = writer(out);
            String line;
            while ((line = in.readLine()) != null) {
                writer.write(SnapshotLine.decode(line).withKind());
                writer.write('\n');
            }
            writer.flush();
        }
    }

    /**
     * Writes what changed from {@code before} to {@code after}: {@code added} and {@code changed} with the new
     * object, {@code removed} with the old one.
     */
    static void changes(InputStream before, InputStream after, OutputStream out) throws IOException {
        try (BufferedReader old = reader(before);
                BufferedReader now = reader(after)) {
            Writer writer = writer(out);
            SnapshotLine was = next(old);
            SnapshotLine is = next(now);
            while (was != null || is != null) {
                int order = was == null ? 1 : is == null ? -1 : was.key().compareTo(is.key());
                if (order < 0) {
                    change(writer, "removed", was);
                    was = next(old);
                } else if (order > 0) {
                    change(writer, "added", is);
                    is = next(now);
                } else {
                    if (!was.json().equals(is.json())) {
                        change(writer, "changed", is);
                    }
                    was = next(old);
                    is = next(now);
                }
            }
            writer.flush();
        }
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

    private static @Nullable SnapshotLine next(BufferedReader reader) throws IOException {
        String line = reader.readLine();
        return line == null ? null : SnapshotLine.decode(line);
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }
}
