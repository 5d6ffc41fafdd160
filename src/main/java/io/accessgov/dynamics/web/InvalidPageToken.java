package io.accessgov.dynamics.web;

/** A page token was altered, forged, sealed with another key, or belongs to another list or other filters. */
public final class InvalidPageToken extends ApiProblem {

    public InvalidPageToken(String detail) {
        super(ProblemKind.INVALID_PAGE_TOKEN, detail);
    }
}
