package io.accessgov.dynamics.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who made a request: the subject of the caller's token and the client application it was issued to ({@code azp},
 * or Entra's {@code appid} for v1 tokens). {@code anonymous} when the API is open (demo mode, or anonymous access
 * switched on).
 *
 * @param subject the token's {@code sub}; {@code anonymous} without a token
 * @param client the token's {@code azp} or {@code appid}; null without one
 */
public record Caller(String subject, @Nullable String client) {

    public static final Caller ANONYMOUS = new Caller("anonymous", null);

    /** The caller of the request this thread serves. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return ANONYMOUS;
        }
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            String client = jwt.getClaimAsString("azp");
            if (client == null) {
                client = jwt.getClaimAsString("appid");
            }
            String subject = jwt.getSubject();
            return new Caller(subject == null ? "unknown" : subject, client);
        }
        return new Caller(authentication.getName(), null);
    }
}
