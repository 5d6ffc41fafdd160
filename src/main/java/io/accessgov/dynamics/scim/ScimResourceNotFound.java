package io.accessgov.dynamics.scim;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;

/** A SCIM path names a resource type, schema or resource that does not exist. */
final class ScimResourceNotFound extends ApiProblem {

    ScimResourceNotFound(String detail) {
        super(ProblemKind.NOT_FOUND, detail);
    }
}
