package io.accessgov.dynamics.sync;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Sends stored snapshots as responses that end either whole or visibly broken, never cut short in silence (README,
 * "Reading exports"). They are written on the request's own thread, not as asynchronous requests, so no container
 * timeout applies; only {@code connector.syncs.stream-time-limit}, when set. The export goes out with its
 * {@code Content-Length}, as the stored gzip bytes themselves when the client accepts gzip, else decompressed on the
 * way; the changes go out chunked. A stream that fails after its first bytes were sent ends as an aborted response
 * ({@link StreamAborted}); one that fails before answers a problem like any other failure.
 */
@Slf4j
final class SnapshotResponses {

    static final String NDJSON = "application/x-ndjson";

    private static final int BUFFER = 1 << 16;

    private final @Nullable Duration timeLimit;

    /** @param timeLimit how long a stream may run; null for no limit */
    SnapshotResponses(@Nullable Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    /**
     * Sends the snapshot's export: gzip as stored when {@code acceptEncoding} accepts it, else NDJSON; only the
     * headers for a HEAD request.
     */
    void export(
            UUID syncId,
            SnapshotStore.Snapshot snapshot,
            @Nullable String acceptEncoding,
            boolean headersOnly,
            HttpServletResponse response)
            throws IOException {
        boolean gzip = AcceptEncoding.prefersGzip(acceptEncoding);
        SnapshotSize size = snapshot.size();
        long length = gzip ? size.gzipBytes() : size.bytes();
        try (InputStream stored = open(syncId, snapshot)) {
            response.setContentType(NDJSON);
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            if (gzip) {
                response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
            response.setContentLengthLong(length);
            if (headersOnly) {
                return;
            }
            send("The export of sync " + syncId, response, out -> {
                InputStream body = gzip ? stored : new GZIPInputStream(stored, BUFFER);
                copy(body, length, out);
            });
        }
    }

    /** Sends the changes from {@code before} to {@code after}, as NDJSON of unknown length. */
    void changes(
            UUID syncId,
            UUID since,
            SnapshotStore.Snapshot before,
            SnapshotStore.Snapshot after,
            HttpServletResponse response)
            throws IOException {
        try (SnapshotReader was = reader(since, before);
                SnapshotReader is = reader(syncId, after)) {
            response.setContentType(NDJSON);
            send(
                    "The changes of sync " + syncId + " since " + since,
                    response,
                    out -> SnapshotStreams.changes(was, is, out));
        }
    }

    private static InputStream open(UUID syncId, SnapshotStore.Snapshot snapshot) {
        try {
            return snapshot.lines();
        } catch (IOException e) {
            throw new UncheckedIOException("The snapshot of sync " + syncId + " cannot be read", e);
        }
    }

    private static SnapshotReader reader(UUID syncId, SnapshotStore.Snapshot snapshot) {
        try {
            return SnapshotReader.of(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("The snapshot of sync " + syncId + " cannot be read", e);
        }
    }

    /** What writes a response's body. */
    @FunctionalInterface
    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private void send(String what, HttpServletResponse response, Body body) throws IOException {
        Guarded out = new Guarded(response.getOutputStream(), timeLimit);
        try {
            body.writeTo(out);
        } catch (IOException | RuntimeException failure) {
            if (out.clientFailure != null) {
                // the connection is broken already: the container neither ends the response nor writes any more
                log.info(
                        "{} stopped after {} bytes: the client went away or stopped reading ({})",
                        what,
                        out.sent,
                        failure.toString());
                return;
            }
            if (!response.isCommitted()) {
                response.reset();
                if (failure instanceof IOException io) {
                    throw new UncheckedIOException(what + " failed before its first bytes were sent", io);
                }
                throw (RuntimeException) failure;
            }
            // the container logs the failure with its stack trace as it closes the connection
            log.warn("{} is aborted after {} bytes: {}", what, out.sent, failure.toString());
            throw new StreamAborted(what, failure);
        }
    }

    /**
     * Copies exactly {@code length} bytes; fails before the last of them is sent unless the input ends right there
     * (for gzip, that is when its trailer's checksum and size are verified).
     */
    static void copy(InputStream in, long length, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long remaining = length;
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new SnapshotDamaged(
                        "The snapshot ends after " + (length - remaining) + " of the " + length + " bytes recorded");
            }
            remaining -= n;
            if (remaining == 0) {
                endsHere(in, length);
            }
            out.write(buffer, 0, n);
        }
        if (length == 0) {
            endsHere(in, length);
        }
    }

    private static void endsHere(InputStream in, long length) throws IOException {
        if (in.read() >= 0) {
            throw new SnapshotDamaged("The snapshot is longer than the " + length + " bytes recorded");
        }
    }

    /** The response's body: counts what was sent, tells the client's failures apart, keeps the time limit. */
    private static final class Guarded extends OutputStream {
        private final OutputStream out;
        private final @Nullable Duration limit;
        private final long started = System.nanoTime();
        private long sent;
        private @Nullable IOException clientFailure;

        Guarded(OutputStream out, @Nullable Duration limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (limit != null && System.nanoTime() - started > limit.toNanos()) {
                throw new StreamTimeLimitReached(limit);
            }
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                clientFailure = e;
                throw e;
            }
            sent += length;
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                clientFailure = e;
                throw e;
            }
        }
    }
}
