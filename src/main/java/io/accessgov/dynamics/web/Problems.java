package io.accessgov.dynamics.web;

import io.accessgov.dynamics.dataverse.DataverseException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Builds the RFC 9457 problem objects of this API, so every error path has the same members. */
public final class Problems {

    /** {@code application/problem+json}. */
    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

    /**
     * The request attribute that names the environment a request addresses (docs/api.md §9), set once it is resolved;
     * every problem answered to that request names it in the member {@code environment}.
     */
    public static final String ENVIRONMENT_ATTRIBUTE = "io.accessgov.dynamics.environment.name";

    private Problems() {}

    /**
     * A problem of this kind.
     *
     * @param detail a sentence the caller can act on; never secrets, stack traces or internal names
     * @param path the request path, used as {@code instance}; null leaves it out
     */
    public static ProblemDetail of(ProblemKind kind, String detail, @Nullable String path) {
        return of(kind, kind.status().value(), detail, path);
    }

    static ProblemDetail of(ProblemKind kind, int status, String detail, @Nullable String path) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatusCode.valueOf(status), detail);
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        URI instance = instance(path);
        if (instance != null) {
            problem.setInstance(instance);
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(ENVIRONMENT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                        instanceof String environment) {
            problem.setProperty("environment", environment);
        }
        return problem;
    }

    /**
     * The problem a Dataverse failure is answered with (kind, status, detail, {@code dataverseCode}), without an
     * {@code instance}: for reporting a failure that happened outside a request, such as a sync's.
     */
    public static ProblemDetail ofDataverseFailure(DataverseException failure) {
        return DataverseProblems.answer(failure, null).problem();
    }

    /** The problem as the JSON object callers see: the standard members first, then the extension members. */
    public static Map<String, Object> asJson(ProblemDetail problem) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", problem.getType().toString());
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            json.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(json::putIfAbsent);
        }
        return json;
    }

    private static @Nullable URI instance(@Nullable String path) {
        if (path == null || path.isEmpty() || path.length() > 2048) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
