package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.audit.AuditEvent;
import org.jspecify.annotations.Nullable;

/**
 * What a grant or revoke came to.
 *
 * @param outcome what it did to the grant
 * @param id the grant, with the root role id
 * @param grant the grant as it stands afterwards; null when the principal no longer holds it
 * @param changed whether this attempt changed Dataverse; false when it found the links as asked
 * @param dataverseRequestId the request id of the last change sent; null when nothing was sent
 */
record ChangeResult(
        ChangeOutcome outcome,
        GrantId id,
        @Nullable Grant grant,
        boolean changed,
        @Nullable String dataverseRequestId) {

    ChangeResult {
        if (outcome.held() != (grant != null)) {
            throw new IllegalArgumentException(outcome + (grant == null ? " needs" : " has no") + " grant");
        }
    }

    /** The outcome as the audit event names it (docs/audit.md). */
    AuditEvent.Outcome audited() {
        return switch (outcome) {
            case CREATED -> AuditEvent.Outcome.CREATED;
            case ALREADY_HELD -> AuditEvent.Outcome.ALREADY_HELD;
            case REMOVED -> AuditEvent.Outcome.REVOKED;
            case ALREADY_ABSENT -> AuditEvent.Outcome.ALREADY_ABSENT;
            case REMAINS_THROUGH_TEAMS -> changed ? AuditEvent.Outcome.REVOKED : AuditEvent.Outcome.ALREADY_ABSENT;
        };
    }
}
