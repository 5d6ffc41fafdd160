package io.accessgov.dynamics.sync;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;
import org.springframework.util.FileSystemUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded snapshot store, in {@code {data-dir}/syncs}: each sync's metadata as {@code {id}.json}, and its
 * snapshot as the folder {@code {id}/} holding {@code lines.ndjson.gz}, {@code keys.gz}, {@code size.json} and,
 * when the sync left one, its delta state {@code state.bin}. A
 * draft is written as {@code {id}.tmp/} and renamed into place whole, so a crash never leaves a half-written
 * snapshot under a real name; whatever ends in {@code .tmp} is removed at start-up. (Snapshots of the first stored
 * form, {@code {id}.ndjson.gz}, are converted once by {@link LegacySnapshots}.)
 */
@Slf4j
final class FileSnapshotStore implements SnapshotStore {

    private static final String METADATA = ".json";
    private static final String TEMPORARY = ".tmp";
    private static final String LINES = "lines.ndjson.gz";
    private static final String KEYS = "keys.gz";
    private static final String SIZE = "size.json";
    private static final String STATE = "state.bin";
    private static final int BUFFER = 1 << 16;

    private final Path directory;
    private final JsonMapper json;

    FileSnapshotStore(Path dataDir, JsonMapper json) {
        this.directory = dataDir.resolve("syncs");
        this.json = json;
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, "*" + TEMPORARY)) {
                for (Path leftover : leftovers) {
                    FileSystemUtils.deleteRecursively(leftover);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + directory + " for sync snapshots", e);
        }
    }

    /** Where the syncs are kept. */
    Path directory() {
        return directory;
    }

    @Override
    public void save(Sync sync) {
        Path target = directory.resolve(sync.id() + METADATA);
        Path temporary = directory.resolve(sync.id() + METADATA + TEMPORARY);
        try {
            Files.write(temporary, json.writeValueAsBytes(sync));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
        Path temporary = directory.resolve(id + TEMPORARY);
        FileSystemUtils.deleteRecursively(temporary);
        Files.createDirectory(temporary);
        return new FileDraft(temporary, directory.resolve(id.toString()));
    }

    @Override
    public Snapshot read(UUID id) throws IOException {
        Path folder = directory.resolve(id.toString());
        SnapshotSize size;
        try {
            size = json.readValue(Files.readAllBytes(folder.resolve(SIZE)), SnapshotSize.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IOException("The size record of snapshot " + id + " is damaged", e);
        }
        return new Snapshot() {
            @Override
            public SnapshotSize size() {
                return size;
            }

            @Override
            public InputStream lines() throws IOException {
                return open(folder.resolve(LINES), size.gzipBytes());
            }

            @Override
            public InputStream keys() throws IOException {
                return open(folder.resolve(KEYS), -1);
            }

            @Override
            public Optional<InputStream> state() throws IOException {
                try {
                    return Optional.of(open(folder.resolve(STATE), -1));
                } catch (NoSuchFileException none) {
                    return Optional.empty();
                }
            }
        };
    }

    private static InputStream open(Path file, long expectedSize) throws IOException {
        FileChannel channel = FileChannel.open(file);
        if (expectedSize >= 0 && channel.size() != expectedSize) {
            long actual = channel.size();
            channel.close();
            throw new IOException(file + " is " + actual + " bytes long where " + expectedSize + " were recorded");
        }
        return new BufferedInputStream(Channels.newInputStream(channel), BUFFER);
    }

    @Override
    public void delete(UUID id) {
        try {
            Path folder = directory.resolve(id.toString());
            if (Files.isDirectory(folder)) {
                Path doomed = directory.resolve(id + ".deleted" + TEMPORARY);
                Files.move(folder, doomed, StandardCopyOption.ATOMIC_MOVE);
                FileSystemUtils.deleteRecursively(doomed);
            }
            Files.deleteIfExists(LegacySnapshots.fileOf(directory, id));
            Files.deleteIfExists(directory.resolve(id + METADATA));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete sync " + id, e);
        }
    }

    /** A snapshot being written in {@code {id}.tmp/}, renamed to {@code {id}/} at commit. */
    private final class FileDraft implements Draft {
        private final Path temporary;
        private final Path target;
        private final OutputStream lines;
        private final OutputStream keys;
        private @Nullable OutputStream state;
        private boolean committed;

        FileDraft(Path temporary, Path target) throws IOException {
            this.temporary = temporary;
            this.target = target;
            this.lines = new BufferedOutputStream(Files.newOutputStream(temporary.resolve(LINES)), BUFFER);
            this.keys = new BufferedOutputStream(Files.newOutputStream(temporary.resolve(KEYS)), BUFFER);
        }

        @Override
        public OutputStream lines() {
            return lines;
        }

        @Override
        public OutputStream keys() {
            return keys;
        }

        @Override
        public OutputStream state() throws IOException {
            if (state == null) {
                state = new BufferedOutputStream(Files.newOutputStream(temporary.resolve(STATE)), BUFFER);
            }
            return state;
        }

        @Override
        public void commit(SnapshotSize size) throws IOException {
            lines.close();
            keys.close();
            if (state != null) {
                state.close();
            }
            long written = Files.size(temporary.resolve(LINES));
            if (written != size.gzipBytes()) {
                throw new IOException("The snapshot's lines are " + written + " bytes long, not the " + size.gzipBytes()
                        + " recorded");
            }
            Files.write(temporary.resolve(SIZE), json.writeValueAsBytes(size));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (committed) {
                return;
            }
            for (OutputStream part : state == null ? List.of(lines, keys) : List.of(lines, keys, state)) {
                try {
                    part.close();
                } catch (IOException ignored) {
                    // the draft is discarded anyway
                }
            }
            FileSystemUtils.deleteRecursively(temporary);
        }
    }
}
