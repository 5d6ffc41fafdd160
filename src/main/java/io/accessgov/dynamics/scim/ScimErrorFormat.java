package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.accessgov.dynamics.web.ErrorDocumentFormat;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Every error under {@code /scim/} as a SCIM error document (RFC 7644 §3.12): {@code schemas}, {@code status},
 * {@code scimType} where RFC 7644 names one, and the problem's {@code detail}, the same sentence the REST API gives.
 * Headers such as {@code Retry-After} and {@code WWW-Authenticate} are sent as for the REST API.
 */
@Component
class ScimErrorFormat implements ErrorDocumentFormat {

    private static final MediaType SCIM = MediaType.parseMediaType(ScimPaths.MEDIA_TYPE);

    /** RFC 7644's {@code scimType} for the problem kinds that have one. */
    private static final Map<ProblemKind, String> SCIM_TYPES = Map.of(
            ProblemKind.INVALID_FILTER, "invalidFilter",
            ProblemKind.INVALID_PARAMETER, "invalidValue",
            ProblemKind.INVALID_ID, "invalidValue",
            ProblemKind.INVALID_BODY, "invalidValue",
            ProblemKind.UNREADABLE_BODY, "invalidSyntax");

    @Override
    public boolean covers(String path) {
        return path.startsWith("/scim/");
    }

    @Override
    public MediaType mediaType() {
        return SCIM;
    }

    @Override
    public Object body(ProblemDetail problem) {
        ErrorResponse error = new ErrorResponse(problem.getStatus());
        error.setDetail(problem.getDetail());
        String scimType = scimType(problem);
        if (scimType != null) {
            error.setScimType(scimType);
        }
        return JsonUtils.valueToNode(error);
    }

    private static @Nullable String scimType(ProblemDetail problem) {
        if (problem.getProperties() != null
                && problem.getProperties().get(ScimRefusal.SCIM_TYPE) instanceof String named) {
            return named;
        }
        String type = problem.getType().toString();
        for (Map.Entry<ProblemKind, String> entry : SCIM_TYPES.entrySet()) {
            if (entry.getKey().type().toString().equals(type)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
