package io.accessgov.dynamics.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.audit.AuditEvent.Outcome;
import io.accessgov.dynamics.database.Migrated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit trail several replicas share, against a real PostgreSQL (a fresh database per test). */
class JdbcAuditTrailTest extends AuditTrailContract {

    private Migrated db;
    private JdbcAuditTrail trail;

    @BeforeEach
    void migrate() {
        db = new Migrated();
        trail = new JdbcAuditTrail(db.jdbc, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    AuditTrail trail() {
        return trail;
    }

    @Override
    AuditTrail reopened() {
        return new JdbcAuditTrail(db.jdbc, clock);
    }

    @Test
    void anEventThatCannotBeKeptIsRefusedAsNotRecorded() {
        db.dataSource.close();

        assertThatThrownBy(() -> trail.append(event(null, Outcome.REFUSED, "contoso")))
                .isInstanceOf(AuditNotRecorded.class)
                .satisfies(
                        e -> assertThat(((AuditNotRecorded) e).kind().status().value())
                                .isEqualTo(503));
    }
}
