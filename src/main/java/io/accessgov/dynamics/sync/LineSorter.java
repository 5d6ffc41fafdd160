package io.accessgov.dynamics.sync;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Sorts lines with bounded memory: lines are kept until they hold about {@code budgetChars} characters, then sorted
 * and spilled to a compressed temporary file; the result is a k-way merge of the spills. Lines sort as strings.
 */
final class LineSorter implements Closeable {

    private final Path temporaryDirectory;
    private final String prefix;
    private final long budgetChars;
    private final List<String> buffer = new ArrayList<>();
    private final List<Path> spills = new ArrayList<>();
    private long bufferedChars;

    LineSorter(Path temporaryDirectory, String prefix, long budgetChars) {
        this.temporaryDirectory = temporaryDirectory;
        this.prefix = prefix;
        this.budgetChars = budgetChars;
    }

    void add(String line) throws IOException {
        buffer.add(line);
        bufferedChars += line.length() + 48; // the String's own overhead, roughly
        if (bufferedChars >= budgetChars) {
            spill();
        }
    }

    /** Where sorted lines go. */
    @FunctionalInterface
    interface Sink {
        void accept(String line) throws IOException;
    }

    /** Hands every line added to {@code out}, sorted. */
    void drainSorted(Sink out) throws IOException {
        if (spills.isEmpty()) {
            buffer.sort(null);
            for (String line : buffer) {
                out.accept(line);
            }
            buffer.clear();
            return;
        }
        spill();
        List<BufferedReader> readers = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>();
            for (Path spill : spills) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(spill), 1 << 16), StandardCharsets.UTF_8));
                readers.add(reader);
                Head.next(reader).ifPresent(heads::add);
            }
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                out.accept(head.line);
                Head.next(head.reader).ifPresent(heads::add);
            }
        } finally {
            for (BufferedReader reader : readers) {
                reader.close();
            }
        }
    }

    private void spill() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        buffer.sort(null);
        Path spill = Files.createTempFile(temporaryDirectory, prefix, ".spill.tmp");
        spills.add(spill);
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(
                new FastGzipOutputStream(Files.newOutputStream(spill)), StandardCharsets.UTF_8))) {
            for (String line : buffer) {
                writer.write(line);
                writer.write('\n');
            }
        }
        buffer.clear();
        bufferedChars = 0;
    }

    /** Deletes the spills. */
    @Override
    public void close() throws IOException {
        buffer.clear();
        for (Path spill : spills) {
            Files.deleteIfExists(spill);
        }
        spills.clear();
    }

    /** Gzip at the fastest level: spills are read back once, soon. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {

        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** The smallest unread line of one spill. */
    private record Head(String line, BufferedReader reader) implements Comparable<Head> {

        static java.util.Optional<Head> next(BufferedReader reader) throws IOException {
            String line = reader.readLine();
            return line == null ? java.util.Optional.empty() : java.util.Optional.of(new Head(line, reader));
        }

        @Override
        public int compareTo(Head other) {
            return line.compareTo(other.line);
        }
    }
}
