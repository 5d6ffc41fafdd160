package io.accessgov.dynamics.web;

import java.util.Map;

/**
 * A request the service refuses for a reason it can name. Subclasses are named as facts ({@code AccountNotFound},
 * {@code InvalidPageToken}); the message is the problem's {@code detail}, a sentence the caller can act on, so it
 * must never carry secrets, stack traces or internal names. The web layer answers it as an RFC 9457 problem.
 */
public abstract class ApiProblem extends RuntimeException {

    private final ProblemKind kind;

    protected ApiProblem(ProblemKind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public ProblemKind kind() {
        return kind;
    }

    /** Extra members of the problem object (e.g. the team to change instead); none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
