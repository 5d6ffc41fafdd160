package io.accessgov.dynamics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to a servlet response, for the paths that run outside Spring MVC's handlers (security
 * filters, the container's error page). Headers already set on the response (e.g. {@code WWW-Authenticate}) stay.
 * A path with error documents of its own ({@link ErrorDocumentFormat}, e.g. SCIM's) gets its problem in that shape.
 */
@Component
public class ProblemResponseWriter {

    private final JsonMapper json;
    private final ErrorDocuments documents;

    /** Writes RFC 9457 problems only, whatever the path. */
    ProblemResponseWriter(JsonMapper json) {
        this.json = json;
        this.documents = ErrorDocuments.PROBLEMS_ONLY;
    }

    @Autowired
    ProblemResponseWriter(JsonMapper json, ObjectProvider<ErrorDocumentFormat> formats) {
        this.json = json;
        this.documents = ErrorDocuments.of(formats);
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        String path =
                problem.getInstance() == null ? null : problem.getInstance().getPath();
        byte[] body = json.writeValueAsBytes(documents.body(problem, path));
        response.setStatus(problem.getStatus());
        response.setContentType(documents.mediaType(path).toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
