package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.UUID;

/** The principal or resource a grants query names does not exist (or is outside the API's scope). */
final class GrantSubjectNotFound extends ApiProblem {

    private GrantSubjectNotFound(ProblemKind kind, String detail) {
        super(kind, detail);
    }

    static GrantSubjectNotFound account(UUID id) {
        return new GrantSubjectNotFound(ProblemKind.ACCOUNT_NOT_FOUND, "There is no account with id " + id + ".");
    }

    static GrantSubjectNotFound team(UUID id) {
        return new GrantSubjectNotFound(ProblemKind.TEAM_NOT_FOUND, "There is no team with id " + id + ".");
    }

    static GrantSubjectNotFound businessUnit(UUID id) {
        return new GrantSubjectNotFound(
                ProblemKind.BUSINESS_UNIT_NOT_FOUND, "There is no business unit with id " + id + ".");
    }

    static GrantSubjectNotFound profile(UUID id) {
        return new GrantSubjectNotFound(
                ProblemKind.FIELD_SECURITY_PROFILE_NOT_FOUND, "There is no field security profile with id " + id + ".");
    }

    static GrantSubjectNotFound role(UUID id) {
        return new GrantSubjectNotFound(
                ProblemKind.ROLE_NOT_FOUND, "There is no security role with id " + id + " (root or copy).");
    }
}
