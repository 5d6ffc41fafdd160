package io.accessgov.dynamics.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An audit event as the audit trail keeps it and {@code GET /api/v1/audit-events} answers it (docs/audit.md): the
 * event of the change attempt, with its place in the trail and when it was recorded.
 *
 * @param id its place in the trail: later events have larger ids
 * @param resourceId the grant's resource (a root role, a team, a profile); null without a grant id
 * @param principalId the grant's principal (an account or a team); null without a grant id
 */
@Schema(name = "AuditEvent", description = "One attempt to change who has what, as the audit trail keeps it.")
public record AuditRecord(
        @Schema(example = "1042") long id,
        @Schema(example = "2026-11-26T05:32:32.735Z") Instant occurredAt,
        @Schema(example = "contoso") String environment,
        @Schema(allowableValues = {"grant", "revoke"}) String action,

        @Schema(
                nullable = true,
                example =
                        "role:0b5c2f1e-7d4a-4c3b-9e8f-1a2b3c4d5e6f:assigned:account:2b7e9c1d-3f4a-4b5c-8d6e-7f8091a2b3c4")
        @Nullable
        String grantId,

        @Schema(nullable = true) @Nullable UUID resourceId,
        @Schema(nullable = true) @Nullable UUID principalId,

        @Schema(allowableValues = {"created", "already-held", "revoked", "already-absent", "refused", "failed"})
        String outcome,

        @Schema(nullable = true, example = "201") @Nullable Integer status,
        @Schema(example = "anonymous") String caller,
        @Schema(nullable = true) @Nullable String callerClient,

        @Schema(nullable = true, example = "24fae684-1c03-444a-a119-91087e4ffdfe") @Nullable
        String dataverseRequestId,

        @Schema(example = "da958d91-14ac-4c8d-b9dd-4eed3c698ffb")
        String correlationId,

        @Schema(example = "248") long durationMillis,

        @Schema(nullable = true, example = "grant-inherited-only") @Nullable
        String reason) {

    /** The event as recorded at this place and time. */
    static AuditRecord of(long id, Instant occurredAt, AuditEvent event) {
        String[] grant =
                event.grantId() == null ? new String[0] : event.grantId().split(":");
        return new AuditRecord(
                id,
                occurredAt,
                event.environment(),
                event.action(),
                event.grantId(),
                grant.length == 5 ? uuid(grant[1]) : null,
                grant.length == 5 ? uuid(grant[4]) : null,
                event.outcome().wire(),
                event.status(),
                event.caller().subject(),
                event.caller().client(),
                event.dataverseRequestId(),
                event.correlationId(),
                event.durationMillis(),
                event.reason());
    }

    private static @Nullable UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAGuid) {
            return null;
        }
    }

    /** Whether it passes the filters of a query. */
    boolean matches(AuditQuery query) {
        return (query.since() == null || !occurredAt.isBefore(query.since()))
                && (query.until() == null || occurredAt.isBefore(query.until()))
                && (query.principalId() == null || query.principalId().equals(principalId))
                && (query.resourceId() == null || query.resourceId().equals(resourceId))
                && (query.outcome() == null || query.outcome().wire().equals(outcome))
                && (query.environment() == null || query.environment().equals(environment));
    }
}
