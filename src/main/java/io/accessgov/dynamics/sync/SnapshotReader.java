package io.accessgov.dynamics.sync;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a stored snapshot object by object, in canonical order: its lines and its keys side by side
 * ({@link SnapshotStore}). A snapshot whose two parts disagree, or whose keys are out of order, is damaged, and
 * reading it fails rather than misreads.
 */
final class SnapshotReader implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final BufferedReader lines;
    private final BufferedReader keys;
    private String lastKey = "";

    /** Reads the snapshot's parts, each gzip-compressed as stored; closes both when closed. */
    SnapshotReader(InputStream linesGzip, InputStream keysGzip) throws IOException {
        this.lines = reader(linesGzip);
        try {
            this.keys = reader(keysGzip);
        } catch (IOException | RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    static SnapshotReader of(SnapshotStore.Snapshot snapshot) throws IOException {
        InputStream lines = snapshot.lines();
        try {
            return new SnapshotReader(lines, snapshot.keys());
        } catch (IOException | RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    /** The next object, or null after the last. */
    @Nullable
    SnapshotLine next() throws IOException {
        String line = lines.readLine();
        String key = keys.readLine();
        if (line == null || key == null) {
            if (line != null || key != null) {
                throw new IllegalStateException("A snapshot is damaged: its lines and keys end apart");
            }
            return null;
        }
        if (key.compareTo(lastKey) <= 0) {
            throw new IllegalStateException("A snapshot is damaged: key " + key + " after " + lastKey);
        }
        lastKey = key;
        return SnapshotLine.of(key, line);
    }

    private static BufferedReader reader(InputStream gzip) throws IOException {
        return new BufferedReader(
                new InputStreamReader(new GZIPInputStream(gzip, BUFFER), StandardCharsets.UTF_8), BUFFER);
    }

    @Override
    public void close() throws IOException {
        try {
            lines.close();
        } finally {
            keys.close();
        }
    }
}
