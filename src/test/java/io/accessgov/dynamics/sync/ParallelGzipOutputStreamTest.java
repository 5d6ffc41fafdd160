package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
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
        byte[] data = new byte[ParallelGzipOutputStream.BLOCK_SIZE * 5 + 12_345];
        Random random = new Random(9);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ('a' + random.nextInt(4));
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (ParallelGzipOutputStream out = new ParallelGzipOutputStream(file, compressors, 2)) {
            out.write(data, 0, 1000);
            out.write(data[1000]);
            out.write(data, 1001, data.length - 1001);
        }

        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file.toByteArray()))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        assertThat(file.size()).isLessThan(data.length / 2);
    }

    @Test
    void nothingWrittenIsStillAnEmptyGzipFile() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        new ParallelGzipOutputStream(file, compressors, 2).close();

        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file.toByteArray()))) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }
}
