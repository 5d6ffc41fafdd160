package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;

/** A grant id in a path or body is not of the documented shape. */
final class MalformedGrantId extends ApiProblem {

    MalformedGrantId(String detail) {
        super(ProblemKind.INVALID_ID, "Invalid grant id: " + detail + ".");
    }
}
