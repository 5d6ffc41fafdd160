package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.audit.AuditEvent.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * What a grant or revoke came to.
 *
 * @param status 201 created, 200 already held (or revoked with access remaining), 204 revoked or absent
 * @param grant the grant to answer with; null for 204
 * @param dataverseRequestId the request id of the last change sent; null when nothing was sent
 */
record ChangeResult(
        int status,
        GrantId id,
        @Nullable Grant grant,
        Outcome outcome,
        @Nullable String dataverseRequestId) {}
