package io.accessgov.dynamics.sync;

/**
 * The sizes of a snapshot's export, recorded when it is committed: what {@code Content-Length} promises before the
 * first byte is sent.
 *
 * @param lines how many lines (objects) the export has
 * @param bytes the export's size as NDJSON
 * @param gzipBytes the export's size as stored, gzip-compressed
 */
public record SnapshotSize(long lines, long bytes, long gzipBytes) {

    public SnapshotSize {
        if (lines < 0 || bytes < lines || gzipBytes <= 0) {
            throw new IllegalArgumentException("Impossible snapshot sizes: " + lines + " lines, " + bytes + " bytes, "
                    + gzipBytes + " gzip bytes");
        }
    }
}
