package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.List;
import java.util.Map;

/** The body of a grant request is not what docs/api.md §5 describes; {@code errors} points at each offending member. */
final class InvalidGrantRequest extends ApiProblem {

    private final List<Map<String, Object>> errors;

    private InvalidGrantRequest(ProblemKind kind, String detail, List<Map<String, Object>> errors) {
        super(kind, detail);
        this.errors = List.copyOf(errors);
    }

    /** JSON, but some members are missing, unknown or invalid. */
    static InvalidGrantRequest members(List<Map<String, Object>> errors) {
        String detail = errors.size() == 1
                ? "The member " + errors.get(0).get("pointer") + " "
                        + errors.get(0).get("detail") + "."
                : "The request body has invalid members; see errors.";
        return new InvalidGrantRequest(ProblemKind.INVALID_BODY, detail, errors);
    }

    /** Not a single JSON object (or a member named twice). */
    static InvalidGrantRequest unreadable(String why) {
        return new InvalidGrantRequest(ProblemKind.UNREADABLE_BODY, why, List.of());
    }

    /** Not sent as JSON. */
    static InvalidGrantRequest notJson() {
        return new InvalidGrantRequest(
                ProblemKind.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.", List.of());
    }

    /** Larger than any grant request can be. */
    static InvalidGrantRequest tooLarge(int limit) {
        return new InvalidGrantRequest(
                ProblemKind.PAYLOAD_TOO_LARGE, "A grant request is at most " + limit + " bytes.", List.of());
    }

    @Override
    public Map<String, Object> properties() {
        return errors.isEmpty() ? Map.of() : Map.of("errors", errors);
    }
}
