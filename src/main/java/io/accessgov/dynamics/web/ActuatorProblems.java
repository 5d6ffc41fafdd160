package io.accessgov.dynamics.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Boot's actuator endpoints answer some errors with a bare status and no body, for example 404 for a health
 * component or group that does not exist ({@code /actuator/health/nope}). This gives those answers the problem body
 * of every other error (docs/problems.md); answers that have a body of their own (a DOWN health, 503) are left as
 * they are.
 */
@Component
class ActuatorProblems extends OncePerRequestFilter {

    private final ProblemResponseWriter problems;

    /** Built from the JSON mapper rather than the writer bean, so web slice tests that include filters load. */
    ActuatorProblems(JsonMapper json) {
        this.problems = new ProblemResponseWriter(json);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BodyWatch watched = new BodyWatch(response);
        chain.doFilter(request, watched);
        int status = response.getStatus();
        if (status >= 400 && !watched.bodyStarted && !response.isCommitted() && !request.isAsyncStarted()) {
            problems.write(response, ProblemHandler.byStatus(status, request.getRequestURI()));
        }
    }

    /** Notes whether anything asked for the body. */
    private static final class BodyWatch extends HttpServletResponseWrapper {

        private boolean bodyStarted;

        BodyWatch(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }

        @Override
        public void sendError(int status) throws IOException {
            bodyStarted = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            bodyStarted = true;
            super.sendError(status, message);
        }
    }
}
