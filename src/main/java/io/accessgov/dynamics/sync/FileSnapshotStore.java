package io.accessgov.dynamics.sync;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import lombok.extern.slf4j.Slf4j;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded snapshot store: in {@code {data-dir}/syncs}, each sync's metadata as {@code {id}.json} and its
 * snapshot gzip-compressed as {@code {id}.ndjson.gz} (compressed on several cores, as a series of gzip members).
 * Both are written to a temporary file first and moved into place atomically, so a crash never leaves a
 * half-written file under a real name.
 */
@Slf4j
final class FileSnapshotStore implements SnapshotStore, AutoCloseable {

    private static final String METADATA = ".json";
    private static final String SNAPSHOT = ".ndjson.gz";
    private static final String TEMPORARY = ".tmp";

    private final Path directory;
    private final JsonMapper json;
    private final int compressorThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private final ExecutorService compressors = Executors.newFixedThreadPool(compressorThreads, task -> {
        Thread thread = new Thread(task, "snapshot-gzip");
        thread.setDaemon(true);
        return thread;
    });

    FileSnapshotStore(Path dataDir, JsonMapper json) {
        this.directory = dataDir.resolve("syncs");
        this.json = json;
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, "*" + TEMPORARY)) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + directory + " for sync snapshots", e);
        }
    }

    @Override
    public void save(Sync sync) {
        Path target = directory.resolve(sync.id() + METADATA);
        Path temporary = directory.resolve(sync.id() + METADATA + TEMPORARY);
        try {
            Files.write(temporary, json.writeValueAsBytes(sync));
            move(temporary, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save sync " + sync.id(), e);
        }
    }

    @Override
    public List<Sync> list() {
        List<Sync> syncs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + METADATA)) {
            for (Path file : files) {
                read(file).ifPresent(syncs::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the syncs in " + directory, e);
        }
        return syncs;
    }

    @Override
    public Optional<Sync> find(UUID id) {
        return read(directory.resolve(id + METADATA));
    }

    private Optional<Sync> read(Path file) {
        try {
            return Optional.of(json.readValue(Files.readAllBytes(file), Sync.class));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (JacksonException e) {
            log.warn("Ignoring unreadable sync metadata {}: {}", file.getFileName(), e.getOriginalMessage());
            return Optional.empty();
        }
    }

    @Override
    public Draft draft(UUID id) throws IOException {
        Path temporary = directory.resolve(id + SNAPSHOT + TEMPORARY);
        Path target = directory.resolve(id + SNAPSHOT);
        OutputStream stream = new ParallelGzipOutputStream(
                new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16),
                compressors,
                2 * compressorThreads);
        return new Draft() {
            private boolean committed;
            private boolean closed;

            @Override
            public OutputStream stream() {
                return stream;
            }

            @Override
            public void commit() throws IOException {
                stream.close();
                closed = true;
                move(temporary, target);
                committed = true;
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    try {
                        stream.close();
                    } catch (IOException ignored) {
                        // the draft is discarded anyway
                    }
                }
                if (!committed) {
                    Files.deleteIfExists(temporary);
                }
            }
        };
    }

    @Override
    public InputStream read(UUID id) throws IOException {
        Path file = directory.resolve(id + SNAPSHOT);
        return new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16);
    }

    @Override
    public void delete(UUID id) {
        try {
            Files.deleteIfExists(directory.resolve(id + SNAPSHOT));
            Files.deleteIfExists(directory.resolve(id + METADATA));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete sync " + id, e);
        }
    }

    @Override
    public void close() {
        compressors.shutdownNow();
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Gzip at the fastest level: snapshots are written once per sync and must not slow it down. */
    static final class FastGzipOutputStream extends GZIPOutputStream {

        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
