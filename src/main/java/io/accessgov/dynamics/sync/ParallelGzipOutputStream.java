package io.accessgov.dynamics.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Gzip on several cores: the bytes are cut into blocks, each compressed on its own into a complete gzip member, and
 * the members are written in order. A sequence of gzip members is one valid gzip file (RFC 1952), read back by
 * {@link java.util.zip.GZIPInputStream} like any other. At most {@code inFlight} blocks wait at a time.
 */
final class ParallelGzipOutputStream extends OutputStream {

    static final int BLOCK_SIZE = 1 << 18;

    private final OutputStream out;
    private final ExecutorService compressors;
    private final int inFlight;
    private final Deque<Future<byte[]>> pending = new ArrayDeque<>();
    private byte[] block = new byte[BLOCK_SIZE];
    private int filled;
    private boolean written;
    private boolean closed;

    ParallelGzipOutputStream(OutputStream out, ExecutorService compressors, int inFlight) {
        this.out = out;
        this.compressors = compressors;
        this.inFlight = inFlight;
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == block.length) {
            submit();
        }
        block[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == block.length) {
                submit();
            }
            int n = Math.min(length, block.length - filled);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    private void submit() throws IOException {
        if (filled == 0) {
            return;
        }
        byte[] full = filled == block.length ? block : Arrays.copyOf(block, filled);
        pending.add(compressors.submit(() -> compress(full)));
        block = new byte[BLOCK_SIZE];
        filled = 0;
        while (pending.size() >= inFlight) {
            writeNext();
        }
    }

    private void writeNext() throws IOException {
        out.write(await(pending.poll()));
        written = true;
    }

    private static byte[] compress(byte[] bytes) throws IOException {
        ByteArrayOutputStream member = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (FileSnapshotStore.FastGzipOutputStream gzip = new FileSnapshotStore.FastGzipOutputStream(member)) {
            gzip.write(bytes);
        }
        return member.toByteArray();
    }

    private static byte[] await(Future<byte[]> member) throws IOException {
        try {
            return member.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while compressing");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("Compressing failed", e.getCause());
        }
    }

    /** Compresses and writes everything so far; the stream stays open. */
    @Override
    public void flush() throws IOException {
        submit();
        while (!pending.isEmpty()) {
            writeNext();
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
            if (!written) {
                out.write(compress(new byte[0])); // an empty file is not gzip; an empty member is
            }
        } finally {
            pending.forEach(member -> member.cancel(true));
            out.close();
        }
    }
}
