package io.accessgov.dynamics.role;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.UUID;

/** No security role has this id: it names neither a logical role nor any business-unit copy of one. */
public final class RoleNotFound extends ApiProblem {

    public RoleNotFound(UUID id) {
        super(ProblemKind.ROLE_NOT_FOUND, "There is no security role with id " + id + ".");
    }
}
