package io.accessgov.dynamics.audit;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;

/**
 * An audit event could not be kept. The attempt is then not answered as a success, whatever it came to: the caller
 * repeats it (grants and revokes are idempotent) once the audit trail is back.
 */
public final class AuditNotRecorded extends ApiProblem {

    public AuditNotRecorded() {
        super(
                ProblemKind.AUDIT_TRAIL_UNAVAILABLE,
                "The change attempt could not be recorded in the audit trail, so it is not reported as done. It may"
                        + " have reached Dataverse: repeat the request (it is idempotent) once the service is healthy.");
    }
}
