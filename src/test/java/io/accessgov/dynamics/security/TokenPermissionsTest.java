package io.accessgov.dynamics.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenPermissionsTest {

    private final TokenPermissions permissions = new TokenPermissions();

    private List<String> of(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now());
        claims.forEach(jwt::claim);
        jwt.claim("sub", "caller");
        return permissions.convert(jwt.build()).stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }

    @Test
    void readsSpaceSeparatedScp() {
        assertThat(of(Map.of("scp", " dynamics.read  dynamics.write ")))
                .containsExactly("SCOPE_dynamics.read", "SCOPE_dynamics.write");
    }

    @Test
    void readsScopeAsStringOrArray() {
        assertThat(of(Map.of("scope", "openid dynamics.read"))).contains("SCOPE_dynamics.read");
        assertThat(of(Map.of("scope", List.of("dynamics.write")))).containsExactly("SCOPE_dynamics.write");
    }

    @Test
    void readsEntraAppRoles() {
        assertThat(of(Map.of("roles", List.of("dynamics.read")))).containsExactly("SCOPE_dynamics.read");
    }

    @Test
    void mergesAllClaimsWithoutDuplicates() {
        assertThat(of(Map.of("scp", "dynamics.read", "roles", List.of("dynamics.read", "dynamics.write"))))
                .containsExactly("SCOPE_dynamics.read", "SCOPE_dynamics.write");
    }

    @Test
    void ignoresClaimsOfOtherShapes() {
        assertThat(of(Map.of("scp", 42, "roles", List.of(1, 2)))).isEmpty();
        assertThat(of(Map.of())).isEmpty();
    }

    @Test
    void readsNeedReadAndEverythingElseNeedsWrite() {
        assertThat(Permissions.requiredFor("GET")).isEqualTo("dynamics.read");
        assertThat(Permissions.requiredFor("HEAD")).isEqualTo("dynamics.read");
        assertThat(Permissions.requiredFor("POST")).isEqualTo("dynamics.write");
        assertThat(Permissions.requiredFor("DELETE")).isEqualTo("dynamics.write");
    }
}
