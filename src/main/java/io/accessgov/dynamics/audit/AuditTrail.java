package io.accessgov.dynamics.audit;

import java.util.List;

/**
 * Where audit events are kept, durably, for {@code GET /api/v1/audit-events} (docs/audit.md): a file in
 * {@code connector.data-dir} by default, the shared database with several replicas.
 */
public interface AuditTrail {

    /**
     * Keeps the event before it returns.
     *
     * @throws AuditNotRecorded when it cannot be kept
     */
    AuditRecord append(AuditEvent event);

    /** Up to {@code limit} events passing the query's filters, after its {@code afterId}, oldest first. */
    List<AuditRecord> read(AuditQuery query, int limit);
}
