package io.accessgov.dynamics.businessunit;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.UUID;

/** Dataverse has no business unit with this id. */
final class BusinessUnitNotFound extends ApiProblem {

    BusinessUnitNotFound(UUID id) {
        super(ProblemKind.BUSINESS_UNIT_NOT_FOUND, "There is no business unit with id " + id + ".");
    }
}
