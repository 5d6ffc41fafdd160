package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.dataverse.ChangeToken;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A sync's delta state, the third part of its snapshot ({@link SnapshotStore}): what the next incremental sync
 * continues from (docs/api.md §11). For each table, a header line {@code table TAB token TAB rows TAB bytes TAB
 * gzip|raw} (token {@code -} when the table was read without change tracking, {@code =} when its rows are kept by
 * content) followed by that many bytes of its {@link StateSection}; after the last table, the line {@code end}. Kept
 * with link rows' own ids, so that a removal Dataverse names by a link row id can be placed. Rows kept by content are
 * read even when only the tokens are asked for: the changes of their tables are found by comparing with them.
 */
final class DeltaState {

    static final String FORMAT = "accessgov-delta-state 1";

    /** The token field of a table read without change tracking. */
    private static final String NONE = "-";

    /** The token field of a table kept by content, to be compared with its next whole read ({@link TableSync}). */
    private static final String BY_CONTENT = "=";

    private static final Pattern TABLE = Pattern.compile("[a-z]{1,64}");
    private static final int MAX_LINE = 64 * 1024;

    private DeltaState() {}

    /** Writes a delta state a section at a time, as each table's read ends; the order of sections is free. */
    static final class Writer {
        private final OutputStream out;

        /** Starts the state: its format line. */
        Writer(OutputStream out) throws IOException {
            this.out = out;
            line(out, FORMAT);
        }

        /** Adds a table's section, copied byte for byte from its work file. */
        void add(StateSection section) throws IOException {
            String token = section.token() != null ? section.token().value() : section.byContent() ? BY_CONTENT : NONE;
            if (token.indexOf('\t') >= 0 || token.indexOf('\n') >= 0) {
                throw new IOException("A change token of " + section.table() + " holds a tab or a line break");
            }
            line(
                    out,
                    section.table()
                            + '\t'
                            + token
                            + '\t'
                            + section.rows()
                            + '\t'
                            + Files.size(section.file())
                            + '\t'
                            + (section.compressed() ? "gzip" : "raw"));
            Files.copy(section.file(), out);
        }

        /** Ends the state after its last section. */
        void end() throws IOException {
            line(out, "end");
            out.flush();
        }
    }

    /**
     * Reads a delta state into one work file per table, named {@code prefix-table}; the sections by table. Without
     * {@code withRows} only the headers and the rows kept by content are read: enough to know each table's token and
     * to compare the tables kept by content.
     *
     * @throws IOException when the state is cut short or not in this format
     */
    static Map<String, StateSection> read(InputStream in, Path work, String prefix, boolean withRows)
            throws IOException {
        if (!FORMAT.equals(readLine(in))) {
            throw new IOException("The delta state is not in the form " + FORMAT);
        }
        Map<String, StateSection> sections = new LinkedHashMap<>();
        for (String header = readLine(in); !header.equals("end"); header = readLine(in)) {
            String[] fields = header.split("\t", -1);
            if (fields.length != 5
                    || !TABLE.matcher(fields[0]).matches()
                    || !(fields[4].equals("gzip") || fields[4].equals("raw"))) {
                throw new IOException("The delta state has a damaged section header");
            }
            long rows;
            long bytes;
            try {
                rows = Long.parseLong(fields[2]);
                bytes = Long.parseLong(fields[3]);
            } catch (NumberFormatException e) {
                throw new IOException("The delta state has a damaged section header", e);
            }
            Path file = work.resolve(prefix + "-" + fields[0]);
            if (withRows || fields[1].equals(BY_CONTENT)) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    copy(in, out, bytes);
                }
            } else {
                in.skipNBytes(bytes);
            }
            boolean byContent = fields[1].equals(BY_CONTENT);
            ChangeToken token = byContent || fields[1].equals(NONE) ? null : new ChangeToken(fields[1]);
            sections.put(
                    fields[0], new StateSection(fields[0], token, rows, file, fields[4].equals("gzip"), byContent));
        }
        return sections;
    }

    /**
     * Copies a delta state whose rows stay as they are, each table continuing from its new token: its sections are
     * copied byte for byte.
     *
     * @param tokens the new token of every table the state holds; null for a table kept by content (its field stays)
     */
    static void continued(InputStream in, OutputStream out, Map<String, @Nullable ChangeToken> tokens)
            throws IOException {
        if (!FORMAT.equals(readLine(in))) {
            throw new IOException("The delta state is not in the form " + FORMAT);
        }
        line(out, FORMAT);
        for (String header = readLine(in); !header.equals("end"); header = readLine(in)) {
            String[] fields = header.split("\t", -1);
            if (fields.length != 5 || !tokens.containsKey(fields[0])) {
                throw new IOException("The delta state has a damaged section header");
            }
            ChangeToken token = tokens.get(fields[0]);
            String continued = token == null ? fields[1] : token.value();
            line(out, fields[0] + '\t' + continued + '\t' + fields[2] + '\t' + fields[3] + '\t' + fields[4]);
            copy(in, out, Long.parseLong(fields[3]));
        }
        line(out, "end");
        out.flush();
    }

    private static void line(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("The delta state is cut short");
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("The delta state has a header line too long");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void copy(InputStream in, OutputStream out, long bytes) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = bytes;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("The delta state is cut short");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
