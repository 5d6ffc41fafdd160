package io.accessgov.dynamics.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.accessgov.dynamics.dataverse.AccountType;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.UserQuery;
import io.accessgov.dynamics.dataverse.WhoAmI;
import io.accessgov.dynamics.environment.TestEnvironments;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The service with an issuer of callers' tokens configured, over real HTTP, with real RS256 tokens from an
 * independent OAuth2 server (mock-oauth2-server) on 127.0.0.1.
 */
@Import(TestEnvironments.MockedDataverse.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtSecurityTest {

    static final String AUDIENCE = "api://dynamics365-connector";
    static final MockOAuth2Server ISSUER = startIssuer();

    @LocalServerPort
    int port;

    @MockitoBean
    DataverseClient dataverse;

    @MockitoBean(name = "dataverseHealthIndicator")
    HealthIndicator dataverseHealth;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER.issuerUrl("entra")
                .toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.shutdown();
    }

    private static MockOAuth2Server startIssuer() {
        MockOAuth2Server server = new MockOAuth2Server();
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return server;
    }

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(), null));
        when(dataverseHealth.health()).thenReturn(Health.up().build());
        when(dataverseHealth.health(anyBoolean())).thenReturn(Health.up().build());
        // every environment's own component checks WhoAmI of the mocked client
        when(dataverse.whoAmI()).thenReturn(new WhoAmI(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
    }

    static String token(Map<String, Object> claims) {
        return ISSUER.issueToken("entra", "caller", AUDIENCE, claims, 3600).serialize();
    }

    @Test
    void aTokenWithTheReadScopeMayRead() {
        HttpResponse<String> response = http.get("/api/v1/accounts", token(Map.of("scp", "dynamics.read")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"items\"");
    }

    @Test
    void readPermissionMayComeFromScopeArraysOrEntraAppRoles() {
        assertThat(http.get("/api/v1/accounts", token(Map.of("scp", List.of("dynamics.read"))))
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/accounts", token(Map.of("scope", "openid dynamics.read")))
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/accounts", token(Map.of("roles", List.of("dynamics.read"))))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void noTokenIsAnUnauthorizedProblemWithABearerChallenge() {
        HttpResponse<String> response = http.get("/api/v1/accounts", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.body())
                .contains("\"type\":\"urn:dynamics365-connector:problem:unauthenticated\"")
                .contains("\"instance\":\"/api/v1/accounts\"");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = ISSUER.issueToken("entra", "caller", AUDIENCE, Map.of("scp", "dynamics.read"), -3600)
                .serialize();

        HttpResponse<String> response = http.get("/api/v1/accounts", expired);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("invalid_token"));
        assertThat(response.body()).contains("problem:unauthenticated").containsIgnoringCase("expired");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        String foreign = ISSUER.issueToken("other", "caller", AUDIENCE, Map.of("scp", "dynamics.read"), 3600)
                .serialize();

        assertThat(http.get("/api/v1/accounts", foreign).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String elsewhere = ISSUER.issueToken("entra", "caller", "api://other", Map.of("scp", "dynamics.read"), 3600)
                .serialize();

        HttpResponse<String> response = http.get("/api/v1/accounts", elsewhere);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("problem:unauthenticated").contains("aud");
    }

    @Test
    void aTokenWithAlteredClaimsIsRefused() {
        String[] parts = token(Map.of("scp", "dynamics.read")).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("dynamics.read", "dynamics.write");
        String altered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(http.send("POST", "/api/v1/accounts", altered, "{}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String[] parts = token(Map.of("scp", "dynamics.read")).split("\\.");
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String unsigned = header + "." + parts[1] + ".";

        assertThat(http.get("/api/v1/accounts", unsigned).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutTheScopeIsAForbiddenProblemNamingIt() {
        HttpResponse<String> response = http.get("/api/v1/accounts", token(Map.of("scp", "openid profile")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("insufficient_scope"));
        assertThat(response.body()).contains("problem:insufficient-scope").contains("dynamics.read");
    }

    @Test
    void theReadScopeDoesNotAllowAWrite() {
        HttpResponse<String> response =
                http.send("POST", "/api/v1/accounts", token(Map.of("scp", "dynamics.read")), "{}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("problem:insufficient-scope").contains("dynamics.write");
    }

    @Test
    void theWriteScopeGetsPastAuthorisationToTheHandler() {
        HttpResponse<String> response =
                http.send("POST", "/api/v1/accounts", token(Map.of("scp", "dynamics.write")), "{}");

        assertThat(response.statusCode()).isEqualTo(405); // accounts are read-only: authorised, then refused by MVC
        assertThat(response.body()).contains("problem:method-not-allowed");
    }

    @Test
    void searchIsDecodedOnceAndReachesTheClientAsData() {
        http.get("/api/v1/accounts?search=%2527%20or%201%20eq%201", token(Map.of("scp", "dynamics.read")));

        verify(dataverse).findUsers(new UserQuery(null, Set.of(AccountType.HUMAN), "%27 or 1 eq 1"), 100);
    }

    @Test
    void healthAndProbesArePublicWithoutDetails() {
        for (String path : List.of("/actuator/health", "/livez", "/readyz", "/actuator/health/readiness")) {
            HttpResponse<String> response = http.get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components");
        }
    }

    @Test
    void livenessDoesNotDependOnDataverse() {
        when(dataverseHealth.health()).thenReturn(Health.down().build());
        when(dataverseHealth.health(anyBoolean())).thenReturn(Health.down().build());

        assertThat(http.get("/livez", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/readyz", null).statusCode()).isEqualTo(503);
    }

    @Test
    void otherActuatorEndpointsNeedAToken() {
        for (String path : List.of("/actuator/info", "/actuator/prometheus", "/actuator/metrics")) {
            assertThat(http.get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(http.get(path, token(Map.of())).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void healthShowsComponentsToAnAuthenticatedCaller() {
        assertThat(http.get("/actuator/health", token(Map.of())).body())
                .contains("components")
                .contains("dataverse");
    }

    @Test
    void openApiAndSwaggerUiArePublic() {
        HttpResponse<String> docs = http.get("/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body())
                .contains("\"operationId\":\"listAccounts\"")
                .contains("\"operationId\":\"getAccount\"")
                .contains("\"summary\":\"List accounts\"")
                .contains("\"bearerFormat\":\"JWT\"");
        assertThat(http.get("/swagger-ui.html", null).statusCode()).isIn(200, 302);
        assertThat(http.get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownPathIsANotFoundProblemForAnAuthenticatedCaller() {
        HttpResponse<String> response = http.get("/api/v1/nothing", token(Map.of("scp", "dynamics.read")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("problem:not-found");
    }

    @Test
    void aRequestTheFirewallRejectsIsABadRequestProblem() {
        HttpResponse<String> response = http.get("/api/v1/accounts;x=1", token(Map.of("scp", "dynamics.read")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void noSessionCookieIsEverSet() {
        HttpResponse<String> response = http.get("/api/v1/accounts", token(Map.of("scp", "dynamics.read")));

        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }
}
