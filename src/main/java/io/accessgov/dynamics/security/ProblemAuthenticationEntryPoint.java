package io.accessgov.dynamics.security;

import io.accessgov.dynamics.web.ProblemKind;
import io.accessgov.dynamics.web.ProblemResponseWriter;
import io.accessgov.dynamics.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as a problem, with the RFC 6750 {@code WWW-Authenticate} challenge Spring Security computes. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final int MAX_REASON_LENGTH = 200;

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final ProblemResponseWriter problems;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        challenge.commence(request, response, failure);
        String detail = "A bearer token from the configured issuer is required.";
        if (failure instanceof OAuth2AuthenticationException refused) {
            String reason = refused.getError().getDescription();
            detail = "The bearer token was refused"
                    + (reason == null || reason.isBlank() ? "." : ": " + shorten(reason))
                    + " Send a valid, unexpired token from the configured issuer for this service's audience.";
        }
        problems.write(response, Problems.of(ProblemKind.UNAUTHENTICATED, detail, request.getRequestURI()));
    }

    private static String shorten(String reason) {
        String oneLine = reason.replaceAll("\\s+", " ").trim();
        String shortened =
                oneLine.length() > MAX_REASON_LENGTH ? oneLine.substring(0, MAX_REASON_LENGTH) + "…" : oneLine;
        return shortened.endsWith(".") ? shortened : shortened + ".";
    }
}
