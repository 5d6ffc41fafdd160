package io.accessgov.dynamics.sync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import lombok.extern.slf4j.Slf4j;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts the snapshots an earlier version kept — one gzip file {@code {id}.ndjson.gz} of {@code key TAB json}
 * lines ({@link SnapshotLine#decode}) — into the form kept now, once, at start-up, before any request is served: the
 * export's lines as they are sent, their keys, and the sizes. A file is deleted only once its snapshot is committed in
 * the new form; one that cannot be read is left as it is, logged, and its sync's export answers that its snapshot
 * cannot be read.
 */
@Slf4j
final class LegacySnapshots {

    private static final String SUFFIX = ".ndjson.gz";

    private LegacySnapshots() {}

    /** Where the first stored form kept the snapshot of this sync. */
    static Path fileOf(Path syncsDirectory, UUID id) {
        return syncsDirectory.resolve(id + SUFFIX);
    }

    /** Converts every snapshot of the first stored form in the store's directory; how many were converted. */
    static int convert(FileSnapshotStore store, SnapshotCompression compression, JsonMapper json) {
        int converted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(store.directory(), "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                UUID id;
                try {
                    id = UUID.fromString(name.substring(0, name.length() - SUFFIX.length()));
                } catch (IllegalArgumentException notOurs) {
                    continue;
                }
                if (convert(store, compression, json, id, file)) {
                    converted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the snapshots in " + store.directory(), e);
        }
        return converted;
    }

    private static boolean convert(
            FileSnapshotStore store, SnapshotCompression compression, JsonMapper json, UUID id, Path file) {
        long started = System.nanoTime();
        try {
            if (isCommitted(store, id)) {
                Files.delete(file); // converted before, and the service stopped before deleting the old file
                return false;
            }
            SnapshotSize size;
            try (SnapshotStore.Draft draft = store.draft(id);
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(
                                    new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8),
                            1 << 16)) {
                SnapshotWriter out = new SnapshotWriter(draft, compression, json);
                String line;
                while ((line = in.readLine()) != null) {
                    SnapshotLine object = SnapshotLine.decode(line);
                    out.writeJson(object.key(), object.kind(), object.json());
                }
                size = out.commit();
            }
            Files.delete(file);
            log.info(
                    "Converted the snapshot of sync {} to the current form: {} lines, {} bytes ({} gzip), in {} ms",
                    id,
                    size.lines(),
                    size.bytes(),
                    size.gzipBytes(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("Cannot convert the snapshot {} to the current form; it is left as it is", file, e);
            return false;
        }
    }

    private static boolean isCommitted(FileSnapshotStore store, UUID id) throws IOException {
        try {
            store.read(id);
            return true;
        } catch (NoSuchFileException none) {
            return false;
        }
    }
}
