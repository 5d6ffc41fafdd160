package io.accessgov.dynamics.fieldsecurity;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;

/** A column-access question names a table the environment does not have, or a column no profile secures. */
final class InvalidColumnQuery extends ApiProblem {

    InvalidColumnQuery(String detail) {
        super(ProblemKind.INVALID_PARAMETER, detail);
    }
}
