package io.accessgov.dynamics.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which audit events to read (docs/api.md §12), each filter optional.
 *
 * @param since events recorded at or after this instant
 * @param until events recorded before this instant
 * @param afterId events after this place in the trail (the cursor of the previous page)
 */
record AuditQuery(
        @Nullable Instant since,
        @Nullable Instant until,
        @Nullable UUID principalId,
        @Nullable UUID resourceId,
        AuditEvent.@Nullable Outcome outcome,
        @Nullable String environment,
        long afterId) {

    AuditQuery after(long id) {
        return new AuditQuery(since, until, principalId, resourceId, outcome, environment, id);
    }
}
