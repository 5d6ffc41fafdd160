package io.accessgov.dynamics.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.audit.AuditEvent.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The embedded audit trail in the data directory. */
class FileAuditTrailTest extends AuditTrailContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    private FileAuditTrail trail;
    private FileAuditTrail reopened;

    @BeforeEach
    void open() {
        trail = new FileAuditTrail(dataDir, JSON, clock);
    }

    @AfterEach
    void close() throws IOException {
        trail.close();
        if (reopened != null) {
            reopened.close();
        }
    }

    @Override
    AuditTrail trail() {
        return trail;
    }

    @Override
    AuditTrail reopened() {
        reopened = new FileAuditTrail(dataDir, JSON, clock);
        return reopened;
    }

    @Test
    void aLineCutShortByACrashIsDroppedAtStartUpAndTheNextEventFollowsTheLastWholeOne() throws IOException {
        AuditRecord whole = trail.append(event(grantId(UUID.randomUUID(), UUID.randomUUID()), Outcome.CREATED, "a"));
        Files.writeString(
                dataDir.resolve("audit/events.ndjson"),
                "{\"id\":2,\"occurredAt\":\"2026-",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        AuditTrail again = reopened();
        AuditRecord next = again.append(event(null, Outcome.REFUSED, "a"));

        assertThat(again.read(all(), 10)).containsExactly(whole, next);
        assertThat(next.id()).isEqualTo(2);
    }
}
