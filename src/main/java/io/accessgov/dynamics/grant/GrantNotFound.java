package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;

/** Nobody holds what a grant id names, or its resource or principal does not exist for the API. */
final class GrantNotFound extends ApiProblem {

    GrantNotFound(GrantId id) {
        super(
                ProblemKind.GRANT_NOT_FOUND,
                "There is no grant " + id + ": the principal does not hold it directly or"
                        + " through a team, or the role, team or account does not exist.");
    }
}
