package io.accessgov.dynamics.fieldsecurity;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.UUID;

/** No field security profile has this id. */
public final class FieldSecurityProfileNotFound extends ApiProblem {

    public FieldSecurityProfileNotFound(UUID id) {
        super(ProblemKind.FIELD_SECURITY_PROFILE_NOT_FOUND, "There is no field security profile with id " + id + ".");
    }
}
