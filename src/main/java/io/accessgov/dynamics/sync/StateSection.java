package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.dataverse.ChangeToken;
import io.accessgov.dynamics.dataverse.RowChange;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * One table's part of a sync's delta state, in a work file while a sync runs: every row of the table under its
 * primary key ({@link RowCodec}), and the token its changes continue from (none when it was read without change
 * tracking). Rows of objects are gzip-compressed (fast level); links, random GUIDs that do not compress, are not.
 *
 * @param table the entity set name
 * @param rows how many rows the file holds
 * @param byContent whether the rows are kept under ids derived from their values ({@link RowCodec#contentId}), to be
 *     compared with the next whole read of a table Dataverse does not track; never with a token
 */
record StateSection(
        String table, @Nullable ChangeToken token, long rows, Path file, boolean compressed, boolean byContent) {

    /** Rows handed on at a time when a section is read back: a page, as Dataverse would hand them. */
    static final int PAGE = 5000;

    private static final int BUFFER = 1 << 16;

    /** Hands every row back, in the order written, a page at a time. */
    <T> void forEachPage(RowCodec<T> codec, Consumer<List<RowChange<T>>> pages) throws IOException {
        try (DataInputStream in = new DataInputStream(open(file, compressed))) {
            List<RowChange<T>> page = new ArrayList<>(PAGE);
            for (long row = 0; row < rows; row++) {
                page.add(codec.read(in));
                if (page.size() == PAGE) {
                    pages.accept(page);
                    page = new ArrayList<>(PAGE);
                }
            }
            if (!page.isEmpty()) {
                pages.accept(page);
            }
        }
    }

    private static InputStream open(Path file, boolean compressed) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        return compressed ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER) : raw;
    }

    /** Writes one table's rows to a work file; {@link #close} makes the section. */
    static final class Writer<T> implements Closeable {
        private final String table;
        private final RowCodec<T> codec;
        private final Path file;
        private final boolean compressed;
        private final DataOutputStream out;
        private long rows;

        Writer(String table, RowCodec<T> codec, Path file) throws IOException {
            this.table = table;
            this.codec = codec;
            this.file = file;
            this.compressed = !codec.links();
            OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
            this.out = new DataOutputStream(compressed ? new BufferedOutputStream(new FastGzip(raw), BUFFER) : raw);
        }

        /** Adds the rows that are present (a removal has no place in a section). */
        void add(List<RowChange<T>> page) {
            try {
                for (RowChange<T> change : page) {
                    if (change.row() != null) {
                        codec.write(out, change.id(), change.row());
                        rows++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(RowChange<T> change) {
            add(List.of(change));
        }

        /** Ends the file: the section, continued from {@code token}. */
        StateSection finish(@Nullable ChangeToken token) throws IOException {
            out.close();
            return new StateSection(table, token, rows, file, compressed, false);
        }

        /** Ends the file of rows kept by content: the section, to be compared with the next whole read. */
        StateSection finishByContent() throws IOException {
            out.close();
            return new StateSection(table, null, rows, file, compressed, true);
        }

        /** Ends the file when the section is not wanted after all. */
        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** gzip at the fastest level: the state is written while the tables are read. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
