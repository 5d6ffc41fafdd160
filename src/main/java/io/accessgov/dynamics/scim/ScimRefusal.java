package io.accessgov.dynamics.scim;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A SCIM request refused for a reason RFC 7644 §3.12 names with a {@code scimType} ({@code invalidFilter},
 * {@code invalidValue}, {@code invalidPath}, {@code noTarget}, {@code mutability}, {@code invalidSyntax},
 * {@code tooMany}); nothing was changed.
 */
final class ScimRefusal extends ApiProblem {

    static final String SCIM_TYPE = "scimType";

    private final @Nullable String scimType;

    /** @param scimType RFC 7644's scimType; null for a refusal that has none (e.g. a 412) */
    ScimRefusal(ProblemKind kind, @Nullable String scimType, String detail) {
        super(kind, detail);
        this.scimType = scimType;
    }

    static ScimRefusal invalidFilter(String detail) {
        return new ScimRefusal(ProblemKind.INVALID_FILTER, "invalidFilter", detail);
    }

    static ScimRefusal invalidValue(String detail) {
        return new ScimRefusal(ProblemKind.INVALID_PARAMETER, "invalidValue", detail);
    }

    static ScimRefusal invalidPatch(String scimType, String detail) {
        return new ScimRefusal(ProblemKind.INVALID_BODY, scimType, detail);
    }

    @Override
    public Map<String, Object> properties() {
        return scimType == null ? Map.of() : Map.of(SCIM_TYPE, scimType);
    }
}
