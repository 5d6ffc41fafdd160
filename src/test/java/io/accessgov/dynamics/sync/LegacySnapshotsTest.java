package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder written by an earlier version keeps working: its snapshots are converted once, at start-up. */
class LegacySnapshotsTest {

    private static final String BUSINESS_UNIT = "0|7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d";
    private static final String GRANT = "4|a|2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d|team:5a1b:member:account:2b7e";

    @TempDir
    Path dataDir;

    private final SnapshotCompression compression = new SnapshotCompression();

    @BeforeEach
    void syncsFolder() throws IOException {
        Files.createDirectories(dataDir.resolve("syncs"));
    }

    @AfterEach
    void stop() {
        compression.close();
    }

    @Test
    void aSnapshotOfTheEarlierFormIsConvertedToTheExportAsSentWithItsKeysAndSizes() throws Exception {
        UUID id = UUID.randomUUID();
        writeLegacy(
                id,
                BUSINESS_UNIT + "\t{\"id\":\"7d3a\",\"name\":\"Contoso\"}\n" + GRANT
                        + "\tgrant\tteam:5a1b:member:account:2b7e\t{\"id\":\"team:5a1b:member:account:2b7e\"}\n");
        String export = "{\"kind\":\"business-unit\",\"id\":\"7d3a\",\"name\":\"Contoso\"}\n"
                + "{\"kind\":\"grant\",\"id\":\"team:5a1b:member:account:2b7e\"}\n";

        FileSnapshotStore store = new FileSnapshotStore(dataDir, TestSnapshots.JSON);
        int converted = LegacySnapshots.convert(store, compression, TestSnapshots.JSON);

        assertThat(converted).isEqualTo(1);
        SnapshotStore.Snapshot snapshot = store.read(id);
        assertThat(gunzip(snapshot.lines())).isEqualTo(export);
        assertThat(gunzip(snapshot.keys())).isEqualTo(BUSINESS_UNIT + "\n" + GRANT + "\n");
        assertThat(snapshot.size().lines()).isEqualTo(2);
        assertThat(snapshot.size().bytes()).isEqualTo(export.getBytes(StandardCharsets.UTF_8).length);
        assertThat(LegacySnapshots.fileOf(store.directory(), id)).doesNotExist();
        assertThat(LegacySnapshots.convert(store, compression, TestSnapshots.JSON))
                .as("nothing left to convert at the next start")
                .isZero();
    }

    @Test
    void aDamagedSnapshotIsLeftAsItIsAndHasNoSnapshotInTheNewForm() throws Exception {
        UUID id = UUID.randomUUID();
        writeLegacy(id, BUSINESS_UNIT + "\t{\"id\":\"7d3a\"}\nno tab here\n");
        FileSnapshotStore store = new FileSnapshotStore(dataDir, TestSnapshots.JSON);

        assertThat(LegacySnapshots.convert(store, compression, TestSnapshots.JSON))
                .isZero();

        assertThat(LegacySnapshots.fileOf(store.directory(), id)).exists();
        assertThatThrownBy(() -> store.read(id)).isInstanceOf(NoSuchFileException.class);
        try (var files = Files.list(store.directory())) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aFileLeftBesideItsConvertedSnapshotIsDeleted() throws Exception {
        UUID id = UUID.randomUUID();
        writeLegacy(id, BUSINESS_UNIT + "\t{\"id\":\"7d3a\"}\n");
        FileSnapshotStore store = new FileSnapshotStore(dataDir, TestSnapshots.JSON);
        LegacySnapshots.convert(store, compression, TestSnapshots.JSON);
        writeLegacy(id, BUSINESS_UNIT + "\t{\"id\":\"other\"}\n"); // the service stopped before deleting it

        assertThat(LegacySnapshots.convert(store, compression, TestSnapshots.JSON))
                .isZero();

        assertThat(LegacySnapshots.fileOf(store.directory(), id)).doesNotExist();
        assertThat(gunzip(store.read(id).lines())).contains("7d3a");
    }

    private void writeLegacy(UUID id, String lines) throws IOException {
        try (OutputStream out =
                new GZIPOutputStream(Files.newOutputStream(LegacySnapshots.fileOf(dataDir.resolve("syncs"), id)))) {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String gunzip(InputStream gzip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(gzip)) {
            in.transferTo(out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
