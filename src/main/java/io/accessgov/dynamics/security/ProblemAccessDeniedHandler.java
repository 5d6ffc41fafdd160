package io.accessgov.dynamics.security;

import io.accessgov.dynamics.web.ProblemKind;
import io.accessgov.dynamics.web.ProblemResponseWriter;
import io.accessgov.dynamics.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as a problem naming the missing permission, with the {@code insufficient_scope} challenge. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
    private final ProblemResponseWriter problems;

    ProblemAccessDeniedHandler(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        challenge.handle(request, response, denied);
        String detail = SecurityConfiguration.isApiPath(request)
                ? "This call needs the scope or app role " + Permissions.requiredFor(request.getMethod())
                        + "; ask for a token that carries it."
                : "The token does not allow this call.";
        problems.write(response, Problems.of(ProblemKind.INSUFFICIENT_SCOPE, detail, request.getRequestURI()));
    }
}
