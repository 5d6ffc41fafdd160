package io.accessgov.dynamics.sync;

import static io.accessgov.dynamics.sync.TestSnapshots.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStreamsTest {

    @TempDir
    Path dataDir;

    private TestSnapshots snapshots;

    @BeforeEach
    void start() {
        snapshots = new TestSnapshots(dataDir);
    }

    @AfterEach
    void stop() {
        snapshots.close();
    }

    @Test
    void changesAreAMergeJoinOverTheCanonicalOrder() throws Exception {
        SnapshotStore.Snapshot before = snapshots.write(
                UUID.randomUUID(),
                List.of(
                        line("1|a", "{\"id\":\"a\",\"n\":1}"),
                        line("1|b", "{\"id\":\"b\"}"),
                        line("4|a|a|g1", "{\"id\":\"g1\"}"),
                        line("4|a|a|g3", "{\"id\":\"g3\",\"sources\":[1]}")));
        SnapshotStore.Snapshot after = snapshots.write(
                UUID.randomUUID(),
                List.of(
                        line("1|a", "{\"id\":\"a\",\"n\":2}"),
                        line("1|c", "{\"id\":\"c\"}"),
                        line("4|a|a|g1", "{\"id\":\"g1\"}"),
                        line("4|a|a|g2", "{\"id\":\"g2\"}"),
                        line("4|a|a|g3", "{\"id\":\"g3\",\"sources\":[2]}")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (SnapshotReader was = SnapshotReader.of(before);
                SnapshotReader is = SnapshotReader.of(after)) {
            SnapshotStreams.changes(was, is, out);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                        {"change":"changed","kind":"account","id":"a","object":{"id":"a","n":2}}
                        {"change":"removed","kind":"account","id":"b","object":{"id":"b"}}
                        {"change":"added","kind":"account","id":"c","object":{"id":"c"}}
                        {"change":"added","kind":"grant","id":"g2","object":{"id":"g2"}}
                        {"change":"changed","kind":"grant","id":"g3","object":{"id":"g3","sources":[2]}}
                        """);
    }

    @Test
    void aSnapshotKeepsTheExportAsItIsSentWithItsSizesAndTheKeysBesideIt() throws Exception {
        SnapshotStore.Snapshot snapshot = snapshots.write(
                UUID.randomUUID(),
                List.of(
                        line("0|u", "{\"id\":\"u\",\"name\":\"Zoë\"}"),
                        line("2|r", "{\"id\":\"r\",\"name\":\"A\\tB\"}"),
                        line("3|t", "{}")));
        String export = "{\"kind\":\"business-unit\",\"id\":\"u\",\"name\":\"Zoë\"}\n"
                + "{\"kind\":\"role\",\"id\":\"r\",\"name\":\"A\\tB\"}\n"
                + "{\"kind\":\"team\"}\n";

        byte[] stored;
        try (InputStream lines = snapshot.lines()) {
            stored = lines.readAllBytes();
        }
        assertThat(gunzip(stored)).isEqualTo(export);
        assertThat(snapshot.size())
                .isEqualTo(new SnapshotSize(3, export.getBytes(StandardCharsets.UTF_8).length, stored.length));
        try (InputStream keys = snapshot.keys()) {
            assertThat(gunzip(keys.readAllBytes())).isEqualTo("0|u\n2|r\n3|t\n");
        }
    }

    @Test
    void theWriterRefusesLinesOutOfCanonicalOrder() throws Exception {
        try (SnapshotStore.Draft draft = snapshots.store.draft(UUID.randomUUID())) {
            SnapshotWriter writer = new SnapshotWriter(draft, snapshots.compression, TestSnapshots.JSON);
            writer.write("1|b", "account", Map.of("id", "b"));

            assertThatThrownBy(() -> writer.write("1|a", "account", Map.of("id", "a")))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> writer.write("1|b", "account", Map.of("id", "b")))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aSnapshotWhoseKeysAndLinesDisagreeIsRefusedRatherThanMisread() throws Exception {
        String lines = "{\"kind\":\"account\",\"id\":\"a\"}\n{\"kind\":\"account\",\"id\":\"b\"}\n";

        try (SnapshotReader fewerKeys = new SnapshotReader(gzip(lines), gzip("1|a\n"))) {
            assertThat(fewerKeys.next()).isEqualTo(line("1|a", "{\"id\":\"a\"}"));
            assertThatThrownBy(fewerKeys::next).hasMessageContaining("damaged");
        }
        try (SnapshotReader outOfOrder = new SnapshotReader(gzip(lines), gzip("1|b\n1|a\n"))) {
            outOfOrder.next();
            assertThatThrownBy(outOfOrder::next).hasMessageContaining("damaged");
        }
        try (SnapshotReader wrongKind = new SnapshotReader(gzip(lines), gzip("2|a\n2|b\n"))) {
            assertThatThrownBy(wrongKind::next).hasMessageContaining("damaged");
        }
    }

    private static InputStream gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static String gunzip(byte[] gzip) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
