package io.accessgov.dynamics.sync;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip on several cores, as one ordinary gzip file (a single member, RFC 1952) that any decoder reads, HTTP clients
 * included: the bytes are cut into blocks, each deflated on its own thread with the end of the block before as its
 * dictionary and flushed to a byte boundary, so that the blocks' output, in order, is one deflate stream; the writer
 * adds the header, and the trailer with the CRC-32 it computes as the bytes pass. At most {@code inFlight} blocks wait
 * at a time. Compresses at the fastest level: snapshots are written once per sync and must not slow it down.
 */
final class ParallelGzipOutputStream extends OutputStream {

    static final int BLOCK_SIZE = 1 << 18;

    /** Deflate looks back at most 32 KiB: the dictionary a block needs from the one before. */
    private static final int WINDOW = 1 << 15;

    /** Magic, deflate, no flags, no time, no extra flags, unknown operating system (RFC 1952 §2.3). */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final OutputStream out;
    private final ExecutorService compressors;
    private final int inFlight;
    private final Deque<Future<byte[]>> pending = new ArrayDeque<>();
    private final CRC32 crc = new CRC32();
    private byte[] block = new byte[BLOCK_SIZE];
    private byte[] previous = new byte[0];
    private int filled;
    private long size;
    private long compressedSize;
    private boolean started;
    private boolean closed;

    ParallelGzipOutputStream(OutputStream out, ExecutorService compressors, int inFlight) {
        this.out = out;
        this.compressors = compressors;
        this.inFlight = inFlight;
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == block.length) {
            submit(false);
        }
        block[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == block.length) {
                submit(false);
            }
            int n = Math.min(length, block.length - filled);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    /** The bytes written so far, before compression. */
    long size() {
        return size + filled;
    }

    /** The bytes of gzip written to the underlying stream so far: the whole file's size once closed. */
    long compressedSize() {
        return compressedSize;
    }

    private void submit(boolean last) throws IOException {
        if (filled == 0 && !last) {
            return;
        }
        byte[] input = filled == block.length ? block : Arrays.copyOf(block, filled);
        byte[] dictionary = previous.length <= WINDOW
                ? previous
                : Arrays.copyOfRange(previous, previous.length - WINDOW, previous.length);
        crc.update(input);
        size += input.length;
        pending.add(compressors.submit(() -> deflate(input, dictionary, last)));
        previous = input;
        block = new byte[BLOCK_SIZE];
        filled = 0;
        while (pending.size() >= inFlight) {
            writeNext();
        }
    }

    private void writeNext() throws IOException {
        if (!started) {
            emit(HEADER);
            started = true;
        }
        emit(await(pending.poll()));
    }

    private void emit(byte[] bytes) throws IOException {
        out.write(bytes);
        compressedSize += bytes.length;
    }

    /** Raw deflate of one block; every block but the last ends on a byte boundary, without the final-block bit. */
    private static byte[] deflate(byte[] input, byte[] dictionary, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            if (dictionary.length > 0) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(input);
            if (last) {
                deflater.finish();
            }
            LineBuffer output = new LineBuffer(input.length / 3 + 64);
            byte[] chunk = new byte[1 << 16];
            while (true) {
                int n = last ? deflater.deflate(chunk) : deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
                output.append(chunk, n);
                if (last ? deflater.finished() : n < chunk.length) {
                    return output.toByteArray();
                }
            }
        } finally {
            deflater.end();
        }
    }

    private static byte[] await(Future<byte[]> block) throws IOException {
        try {
            return block.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while compressing");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("Compressing failed", e.getCause());
        }
    }

    /** Compresses and writes everything so far; the file stays open. */
    @Override
    public void flush() throws IOException {
        submit(false);
        while (!pending.isEmpty()) {
            writeNext();
        }
        out.flush();
    }

    /** Ends the file: the last block, then the trailer (CRC-32 and size modulo 2^32, little-endian). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            submit(true);
            while (!pending.isEmpty()) {
                writeNext();
            }
            emit(littleEndian(crc.getValue(), size));
            out.flush();
        } finally {
            pending.forEach(block -> block.cancel(true));
            out.close();
        }
    }

    private static byte[] littleEndian(long crc, long size) {
        byte[] trailer = new byte[8];
        for (int i = 0; i < 4; i++) {
            trailer[i] = (byte) (crc >>> (8 * i));
            trailer[4 + i] = (byte) (size >>> (8 * i));
        }
        return trailer;
    }
}
