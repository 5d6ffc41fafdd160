package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelGzipOutputStreamTest {

    private final ExecutorService compressors = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        compressors.shutdownNow();
    }

    @Test
    void manyBlocksReadBackAsOneGzipStreamInOrder() throws Exception {
        byte[] data = data(ParallelGzipOutputStream.BLOCK_SIZE * 5 + 12_345);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ParallelGzipOutputStream out = new ParallelGzipOutputStream(file, compressors, 2);
        try (out) {
            out.write(data, 0, 1000);
            out.write(data[1000]);
            out.flush(); // a short block in the middle
            out.write(data, 1001, data.length - 1001);
        }

        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        assertThat(file.size()).isLessThan(data.length / 2);
        assertThat(out.size()).isEqualTo(data.length);
        assertThat(out.compressedSize()).isEqualTo(file.size());
    }

    /**
     * One member, not a series: a decoder that stops after the first member (as some HTTP clients do) must still get
     * every byte. The deflate stream ends exactly where the 8-byte trailer begins.
     */
    @Test
    void theFileIsASingleGzipMemberWithTheChecksumAndSizeOfEverything() throws Exception {
        byte[] data = data(ParallelGzipOutputStream.BLOCK_SIZE * 3 + 7);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream out = new ParallelGzipOutputStream(file, compressors, 2)) {
            out.write(data);
        }
        byte[] gzip = file.toByteArray();

        Inflater inflater = new Inflater(true);
        inflater.setInput(gzip, 10, gzip.length - 10);
        byte[] inflated = new byte[data.length + 1];
        int n = inflater.inflate(inflated);
        assertThat(inflater.finished()).isTrue();
        assertThat(inflater.getRemaining()).isEqualTo(8);
        inflater.end();
        assertThat(Arrays.copyOf(inflated, n)).isEqualTo(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        assertThat(littleEndian(gzip, gzip.length - 8)).isEqualTo(crc.getValue());
        assertThat(littleEndian(gzip, gzip.length - 4)).isEqualTo(data.length);
    }

    @Test
    void nothingWrittenIsStillAnEmptyGzipFile() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        new ParallelGzipOutputStream(file, compressors, 2).close();

        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file.toByteArray()))) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    private static byte[] data(int length) {
        byte[] data = new byte[length];
        Random random = new Random(9);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ('a' + random.nextInt(4));
        }
        return data;
    }

    private static long littleEndian(byte[] bytes, int at) {
        long value = 0;
        for (int i = 3; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xff);
        }
        return value;
    }
}
