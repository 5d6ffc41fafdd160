package io.accessgov.dynamics.audit;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;

/** A filter of {@code GET /api/v1/audit-events} is not of its form. */
final class InvalidAuditQuery extends ApiProblem {

    InvalidAuditQuery(String detail) {
        super(ProblemKind.INVALID_PARAMETER, detail);
    }
}
