package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SnapshotStreamsTest {

    private static String line(String key, String kind, String id, String json) {
        return new SnapshotLine(key, kind, id, json).encode() + "\n";
    }

    private static InputStream snapshot(String... lines) {
        return new ByteArrayInputStream(String.join("", lines).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void changesAreAMergeJoinOverTheCanonicalOrder() throws Exception {
        InputStream before = snapshot(
                line("1|a", "account", "a", "{\"id\":\"a\",\"n\":1}"),
                line("1|b", "account", "b", "{\"id\":\"b\"}"),
                line("4|a|a|g1", "grant", "g1", "{\"id\":\"g1\"}"),
                line("4|a|a|g3", "grant", "g3", "{\"id\":\"g3\",\"sources\":[1]}"));
        InputStream after = snapshot(
                line("1|a", "account", "a", "{\"id\":\"a\",\"n\":2}"),
                line("1|c", "account", "c", "{\"id\":\"c\"}"),
                line("4|a|a|g1", "grant", "g1", "{\"id\":\"g1\"}"),
                line("4|a|a|g2", "grant", "g2", "{\"id\":\"g2\"}"),
                line("4|a|a|g3", "grant", "g3", "{\"id\":\"g3\",\"sources\":[2]}"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SnapshotStreams.changes(before, after, out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                        {"change":"changed","kind":"account","id":"a","object":{"id":"a","n":2}}
                        {"change":"removed","kind":"account","id":"b","object":{"id":"b"}}
                        {"change":"added","kind":"account","id":"c","object":{"id":"c"}}
                        {"change":"added","kind":"grant","id":"g2","object":{"id":"g2"}}
                        {"change":"changed","kind":"grant","id":"g3","object":{"id":"g3","sources":[2]}}
                        """);
    }

    @Test
    void exportPutsTheKindFirst() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SnapshotStreams.export(snapshot(line("2|r", "role", "r", "{\"id\":\"r\",\"name\":\"A\\tB\"}")), out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"kind\":\"role\",\"id\":\"r\",\"name\":\"A\\tB\"}\n");
    }

    @Test
    void theWriterRefusesLinesOutOfCanonicalOrder() throws Exception {
        SnapshotWriter writer = new SnapshotWriter(
                new ByteArrayOutputStream(), JsonMapper.builder().build());
        writer.write("1|b", "account", "b", java.util.Map.of("id", "b"));

        assertThatThrownBy(() -> writer.write("1|a", "account", "a", java.util.Map.of("id", "a")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.write("1|b", "account", "b", java.util.Map.of("id", "b")))
                .isInstanceOf(IllegalStateException.class);
    }
}
