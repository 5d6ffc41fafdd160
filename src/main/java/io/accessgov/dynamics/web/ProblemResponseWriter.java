package io.accessgov.dynamics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem straight to a servlet response, for the paths that run outside Spring MVC's handlers (security
 * filters, the container's error page). Headers already set on the response (e.g. {@code WWW-Authenticate}) stay.
 */
@Component
public class ProblemResponseWriter {

    private final JsonMapper json;

    ProblemResponseWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = json.writeValueAsBytes(Problems.asJson(problem));
        response.setStatus(problem.getStatus());
        response.setContentType(Problems.MEDIA_TYPE.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
