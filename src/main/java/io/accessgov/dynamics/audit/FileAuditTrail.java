package io.accessgov.dynamics.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded audit trail: {@code {data-dir}/audit/events.ndjson}, one event per line, appended and forced to the
 * disk before the attempt is answered, so it survives a restart and a crash. A line cut short by a crash while it was
 * written is removed at start-up (its attempt was never answered). Reading scans the file; the embedded default is
 * for one replica and modest volumes, the shared database for more.
 */
@Slf4j
final class FileAuditTrail implements AuditTrail, AutoCloseable {

    private final Path file;
    private final JsonMapper json;
    private final Clock clock;
    private final FileChannel channel;
    private long lastId;

    FileAuditTrail(Path dataDir, JsonMapper json, Clock clock) {
        this.file = dataDir.resolve("audit").resolve("events.ndjson");
        this.json = json;
        this.clock = clock;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            dropTornLastLine();
            lastId = readAll().stream().mapToLong(AuditRecord::id).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + file + " for the audit trail", e);
        }
    }

    /** Cuts a last line that has no line break: the write of an attempt that was never answered. */
    private void dropTornLastLine() throws IOException {
        long size = channel.size();
        long end = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) {
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < size) {
            log.warn("Removing the last {} bytes of {}: an event cut short by a crash", size - end, file);
            channel.truncate(end);
            channel.force(true);
        }
    }

    @Override
    public synchronized AuditRecord append(AuditEvent event) {
        AuditRecord record = AuditRecord.of(lastId + 1, clock.instant(), event);
        try {
            byte[] line = (json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(line);
            long position = channel.size();
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            log.error("Cannot append audit event {} to {}", event.correlationId(), file, e);
            throw new AuditNotRecorded();
        }
        lastId = record.id();
        return record;
    }

    @Override
    public List<AuditRecord> read(AuditQuery query, int limit) {
        List<AuditRecord> found = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null && found.size() < limit) {
                AuditRecord record = parse(line);
                if (record != null && record.id() > query.afterId() && record.matches(query)) {
                    found.add(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit trail " + file, e);
        }
        return found;
    }

    private List<AuditRecord> readAll() {
        return read(new AuditQuery(null, null, null, null, null, null, 0), Integer.MAX_VALUE);
    }

    private AuditRecord parse(String line) {
        try {
            return json.readValue(line, AuditRecord.class);
        } catch (JacksonException e) {
            log.warn("Skipping an unreadable line of {}: {}", file, e.getOriginalMessage());
            return null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
