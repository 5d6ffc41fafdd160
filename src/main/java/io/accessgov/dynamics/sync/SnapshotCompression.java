package io.accessgov.dynamics.sync;

import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The threads that gzip snapshots as they are written: one per core, shared by every snapshot being written. */
final class SnapshotCompression implements AutoCloseable {

    private final int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private final ExecutorService compressors = Executors.newFixedThreadPool(threads, task -> {
        Thread thread = new Thread(task, "snapshot-gzip");
        thread.setDaemon(true);
        return thread;
    });

    /** A gzip file written to {@code out}, compressed on these threads. */
    ParallelGzipOutputStream gzip(OutputStream out) {
        return new ParallelGzipOutputStream(out, compressors, 2 * threads);
    }

    @Override
    public void close() {
        compressors.shutdownNow();
    }
}
