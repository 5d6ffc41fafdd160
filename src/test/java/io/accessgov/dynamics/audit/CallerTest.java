package io.accessgov.dynamics.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CallerTest {

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withoutAnAuthenticatedCallerItIsAnonymous() {
        assertThat(Caller.current()).isEqualTo(Caller.ANONYMOUS);
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
        assertThat(Caller.current()).isEqualTo(Caller.ANONYMOUS);
    }

    @Test
    void aTokenCallerIsItsSubjectAndClient() {
        authenticate(Map.of("sub", "user-123", "azp", "client-abc"));

        assertThat(Caller.current()).isEqualTo(new Caller("user-123", "client-abc"));
    }

    @Test
    void anEntraV1TokenNamesItsClientInAppid() {
        authenticate(Map.of("sub", "app-sub", "appid", "client-v1"));

        assertThat(Caller.current()).isEqualTo(new Caller("app-sub", "client-v1"));
    }

    private static void authenticate(Map<String, Object> claims) {
        Jwt jwt = new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
    }
}
