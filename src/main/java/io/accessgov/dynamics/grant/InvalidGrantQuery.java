package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;

/** A grants query or request is incomplete or names things that cannot go together. */
final class InvalidGrantQuery extends ApiProblem {

    InvalidGrantQuery(String detail) {
        super(ProblemKind.INVALID_PARAMETER, detail);
    }
}
