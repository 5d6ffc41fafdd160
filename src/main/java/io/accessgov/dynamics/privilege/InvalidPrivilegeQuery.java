package io.accessgov.dynamics.privilege;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;

/** A privilege question names a table or privilege the environment does not have, or mixes its two forms. */
final class InvalidPrivilegeQuery extends ApiProblem {

    InvalidPrivilegeQuery(String detail) {
        super(ProblemKind.INVALID_PARAMETER, detail);
    }
}
