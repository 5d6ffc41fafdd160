package io.accessgov.dynamics.scim;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;

/** A SCIM operation this service provider does not offer at all (docs/scim.md): 501. */
final class ScimOperationNotOffered extends ApiProblem {

    ScimOperationNotOffered(String detail) {
        super(ProblemKind.NOT_IMPLEMENTED, detail);
    }
}
