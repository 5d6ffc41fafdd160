package io.accessgov.dynamics.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail several replicas share, in PostgreSQL ({@code audit_event}): one row per attempt, committed before
 * the attempt is answered. The correlation id is unique, so an event is never kept twice.
 */
@Slf4j
final class JdbcAuditTrail implements AuditTrail {

    private static final String COLUMNS = "seq, occurred_at, environment, action, grant_id, resource_id, principal_id,"
            + " outcome, status, caller_subject, caller_client, dataverse_request_id, correlation_id, duration_millis,"
            + " reason";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcAuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public AuditRecord append(AuditEvent event) {
        AuditRecord draft = AuditRecord.of(0, clock.instant(), event);
        try {
            Long id = jdbc.queryForObject(
                    "INSERT INTO audit_event (occurred_at, environment, action, grant_id, resource_id, principal_id,"
                            + " outcome, status, caller_subject, caller_client, dataverse_request_id, correlation_id,"
                            + " duration_millis, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " RETURNING seq",
                    Long.class,
                    Timestamp.from(draft.occurredAt()),
                    draft.environment(),
                    draft.action(),
                    draft.grantId(),
                    draft.resourceId(),
                    draft.principalId(),
                    draft.outcome(),
                    draft.status(),
                    draft.caller(),
                    draft.callerClient(),
                    draft.dataverseRequestId(),
                    draft.correlationId(),
                    draft.durationMillis(),
                    draft.reason());
            return AuditRecord.of(id == null ? 0 : id, draft.occurredAt(), event);
        } catch (DataAccessException e) {
            log.error("Cannot record audit event {}", event.correlationId(), e);
            throw new AuditNotRecorded();
        }
    }

    @Override
    public List<AuditRecord> read(AuditQuery query, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE seq > ?");
        List<Object> arguments = new ArrayList<>();
        arguments.add(query.afterId());
        if (query.since() != null) {
            sql.append(" AND occurred_at >= ?");
            arguments.add(Timestamp.from(query.since()));
        }
        if (query.until() != null) {
            sql.append(" AND occurred_at < ?");
            arguments.add(Timestamp.from(query.until()));
        }
        if (query.principalId() != null) {
            sql.append(" AND principal_id = ?");
            arguments.add(query.principalId());
        }
        if (query.resourceId() != null) {
            sql.append(" AND resource_id = ?");
            arguments.add(query.resourceId());
        }
        if (query.outcome() != null) {
            sql.append(" AND outcome = ?");
            arguments.add(query.outcome().wire());
        }
        if (query.environment() != null) {
            sql.append(" AND environment = ?");
            arguments.add(query.environment());
        }
        sql.append(" ORDER BY seq LIMIT ?");
        arguments.add(limit);
        return jdbc.query(sql.toString(), (row, n) -> record(row), arguments.toArray());
    }

    private static AuditRecord record(ResultSet row) throws SQLException {
        Instant occurredAt = row.getTimestamp("occurred_at").toInstant();
        int status = row.getInt("status");
        Integer statusOrNull = row.wasNull() ? null : status;
        return new AuditRecord(
                row.getLong("seq"),
                occurredAt,
                row.getString("environment"),
                row.getString("action"),
                row.getString("grant_id"),
                row.getObject("resource_id", UUID.class),
                row.getObject("principal_id", UUID.class),
                row.getString("outcome"),
                statusOrNull,
                row.getString("caller_subject"),
                row.getString("caller_client"),
                row.getString("dataverse_request_id"),
                row.getString("correlation_id"),
                row.getLong("duration_millis"),
                row.getString("reason"));
    }
}
