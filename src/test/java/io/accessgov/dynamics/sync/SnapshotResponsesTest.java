package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletResponse;

/** How a stream ends when it cannot be finished; over real HTTP in {@code SyncStreamsEndToEndTest}. */
class SnapshotResponsesTest {

    private static final UUID SYNC = UUID.fromString("3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59");

    @TempDir
    Path dataDir;

    private TestSnapshots snapshots;
    private SnapshotStore.Snapshot large;

    @BeforeEach
    void start() throws IOException {
        snapshots = new TestSnapshots(dataDir);
        List<SnapshotLine> lines = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) { // about 1 MB, 600 KB compressed: many writes either way
            String id = "%08d".formatted(i);
            StringBuilder pad = new StringBuilder();
            for (int j = 0; j < 6; j++) {
                pad.append(UUID.nameUUIDFromBytes((id + j).getBytes(StandardCharsets.UTF_8)));
            }
            lines.add(TestSnapshots.line("1|" + id, "{\"id\":\"" + id + "\",\"pad\":\"" + pad + "\"}"));
        }
        large = snapshots.write(SYNC, lines);
    }

    @AfterEach
    void stop() {
        snapshots.close();
    }

    @Test
    void aStreamRunningPastTheTimeLimitIsAbortedNotEnded() {
        SnapshotResponses responses = new SnapshotResponses(Duration.ofMillis(200));
        Client client = new Client(new MockHttpServletResponse(), Duration.ofMillis(60), -1);

        assertThatThrownBy(() -> responses.export(SYNC, large, null, false, client))
                .isInstanceOf(StreamAborted.class)
                .hasCauseInstanceOf(StreamTimeLimitReached.class);
        assertThat(client.isCommitted()).isTrue();
        assertThat((long) client.received.size())
                .isPositive()
                .isLessThan(large.size().bytes());
    }

    @Test
    void withoutATimeLimitASlowClientGetsEverything() throws Exception {
        SnapshotResponses responses = new SnapshotResponses(null);
        Client client = new Client(new MockHttpServletResponse(), Duration.ofMillis(10), -1);

        responses.export(SYNC, large, null, false, client);

        assertThat((long) client.received.size()).isEqualTo(large.size().bytes());
    }

    @Test
    void aClientThatWentAwayEndsTheStreamQuietly() {
        SnapshotResponses responses = new SnapshotResponses(Duration.ofMinutes(1));
        Client client = new Client(new MockHttpServletResponse(), Duration.ZERO, 3);

        assertThatCode(() -> responses.export(SYNC, large, "gzip", false, client))
                .doesNotThrowAnyException();
        assertThat((long) client.received.size()).isLessThan(large.size().gzipBytes());
    }

    @Test
    void theLastBytesAreHeldBackUntilTheGzipChecksumIsVerified() throws Exception {
        byte[] text = "{\"kind\":\"account\"}\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        byte[] gzip = gzip(text);
        gzip[gzip.length - 8] ^= 1; // the CRC-32 in the trailer
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() ->
                        SnapshotResponses.copy(new GZIPInputStream(new ByteArrayInputStream(gzip)), text.length, out))
                .isInstanceOf(IOException.class);
        assertThat(out.size()).isLessThan(text.length);
    }

    @Test
    void aSnapshotShorterOrLongerThanRecordedIsRefusedBeforeItsLastByte() {
        byte[] bytes = new byte[100_000];
        ByteArrayOutputStream shorter = new ByteArrayOutputStream();
        ByteArrayOutputStream longer = new ByteArrayOutputStream();

        assertThatThrownBy(() -> SnapshotResponses.copy(new ByteArrayInputStream(bytes), 100_001, shorter))
                .isInstanceOf(SnapshotDamaged.class);
        assertThatThrownBy(() -> SnapshotResponses.copy(new ByteArrayInputStream(bytes), 99_999, longer))
                .isInstanceOf(SnapshotDamaged.class);
        assertThat(longer.size()).isLessThan(99_999);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    /** A client reading slowly (a pause per write), or one that goes away at a given write. */
    private static final class Client extends HttpServletResponseWrapper {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final Duration pause;
        private final int failAtWrite;
        private int writes;
        private boolean committed;

        Client(MockHttpServletResponse response, Duration pause, int failAtWrite) {
            super(response);
            this.pause = pause;
            this.failAtWrite = failAtWrite;
        }

        @Override
        public boolean isCommitted() {
            return committed;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    if (++writes == failAtWrite) {
                        throw new IOException("Broken pipe");
                    }
                    try {
                        Thread.sleep(pause.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                    received.write(bytes, offset, length);
                    committed = true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
