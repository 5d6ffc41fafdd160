package io.accessgov.dynamics.web;

/** An id in the path or body is not a GUID. */
public final class InvalidId extends ApiProblem {

    public InvalidId(String detail) {
        super(ProblemKind.INVALID_ID, detail);
    }
}
