package io.accessgov.dynamics.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.UserQuery;
import io.accessgov.dynamics.environment.TestEnvironments;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forged, tampered and otherwise bad callers' tokens, crafted against a real issuer (mock-oauth2-server on
 * 127.0.0.1) whose keys the service fetches from its JWKS: each is refused with 401 before any handler runs, and
 * the permissions of good tokens come from {@code scp}, {@code scope} or Entra {@code roles}. Complements
 * {@link JwtSecurityTest}.
 */
@Import(TestEnvironments.MockedDataverse.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadTokenTest {

    static final String AUDIENCE = "api://dynamics365-connector";
    static final MockOAuth2Server ISSUER = startIssuer();
    static final String ISSUER_ID = "entra";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GRANT_ID =
            "role:0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2:assigned:account:" + "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d";
    private static final String GRANT_BODY = "{\"resourceType\":\"role\",\"resourceId\":"
            + "\"0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2\",\"principalType\":\"account\",\"principalId\":"
            + "\"2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d\"}";

    @LocalServerPort
    int port;

    @MockitoBean
    DataverseClient dataverse;

    @MockitoBean(name = "dataverseHealthIndicator")
    HealthIndicator dataverseHealth;

    private Http http;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER.issuerUrl(ISSUER_ID)
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

    @BeforeEach
    void setUp() {
        http = new Http(port);
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(), null));
        when(dataverseHealth.health()).thenReturn(Health.up().build());
        when(dataverseHealth.health(anyBoolean())).thenReturn(Health.up().build());
    }

    /** A good token of the issuer, with these extra claims. */
    static String good(Map<String, Object> claims) {
        return ISSUER.issueToken(ISSUER_ID, "caller", AUDIENCE, claims, 3600).serialize();
    }

    static String reader() {
        return good(Map.of("scp", "dynamics.read"));
    }

    /** The claims a good read token carries, for tokens forged outside the issuer. */
    static JWTClaimsSet.Builder readClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER.issuerUrl(ISSUER_ID).toString())
                .audience(AUDIENCE)
                .subject("caller")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("scp", "dynamics.read");
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                bad("not yet valid (nbf an hour ahead)", BadTokenTest::notYetValid),
                bad("expired long ago", () -> ISSUER.issueToken(
                                ISSUER_ID, "caller", AUDIENCE, Map.of("scp", "dynamics.read"), -86_400)
                        .serialize()),
                bad("signed by a foreign key with an unknown kid", () -> signWithForeignKey("unknown-kid")),
                bad("signed by a foreign key under the issuer's kid", () -> signWithForeignKey(issuerKid())),
                bad("signature bytes altered", () -> alterSignature(reader())),
                bad("signature stripped", () -> withoutSignature(reader())),
                bad(
                        "claims altered after signing (scope widened)",
                        () -> alterClaims(
                                reader(),
                                claims -> claims.replace(
                                        "\"scp\":\"dynamics.read\"", "\"scp\":\"dynamics.read dynamics.write\""))),
                bad(
                        "claims altered after signing (audience swapped)",
                        () -> alterClaims(
                                good(Map.of("scp", "dynamics.read")),
                                claims -> claims.replace(AUDIENCE, "api://other"))),
                bad("alg none", BadTokenTest::unsecured),
                bad("alg none, upper case", () -> unsecuredWith("NONE")),
                bad("HS256 with the issuer's public key as secret (alg confusion)", BadTokenTest::algConfusion),
                bad("issuer with a trailing slash", () -> signedByIssuerLookalike(ISSUER.issuerUrl(ISSUER_ID) + "/")),
                bad("not a JWT", () -> "not-a-jwt"),
                bad("a JWT with two parts", () -> reader().substring(0, reader().lastIndexOf('.'))),
                bad("an empty bearer", () -> ""),
                bad("a long token", () -> "a".repeat(3000) + "." + "b".repeat(3000) + ".c"));
    }

    private static Arguments bad(String name, java.util.function.Supplier<String> token) {
        return Arguments.of(name, token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsAnUnauthorizedProblemBeforeAnyHandler(String name, java.util.function.Supplier<String> token) {
        HttpResponse<String> read = http.get("/api/v1/accounts", token.get());
        HttpResponse<String> write = http.send("POST", "/api/v1/grants", token.get(), GRANT_BODY);

        for (HttpResponse<String> response : List.of(read, write)) {
            assertThat(response.statusCode()).as(name).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as(name)
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:dynamics365-connector:problem:unauthenticated");
            assertThat(problem.get("status").asInt()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
        }
        verifyNoInteractions(dataverse);
    }

    @Test
    void theSameTokensAreAcceptedUntouched() {
        // guards the table above: the forgeries differ from a good token only in what they name
        assertThat(http.get("/api/v1/accounts", reader()).statusCode()).isEqualTo(200);
        assertThat(http.get(
                                "/api/v1/accounts",
                                good(Map.of(
                                        "scp",
                                        "dynamics.read",
                                        "nbf",
                                        Instant.now().minusSeconds(30).getEpochSecond())))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        assertThat(raw("GET", "/api/v1/accounts", "bearer " + reader()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void basicAuthenticationIsNotAccepted() {
        HttpResponse<String> response = raw(
                "GET",
                "/api/v1/accounts",
                "Basic " + Base64.getEncoder().encodeToString("user:password".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("problem:unauthenticated");
    }

    @Test
    void aTokenInTheQueryStringIsNotAccepted() {
        assertThat(http.get("/api/v1/accounts?access_token=" + reader(), null).statusCode())
                .isEqualTo(401);
    }

    static Stream<Arguments> permissionClaims() {
        return Stream.of(
                Arguments.of("scp string", Map.of("scp", "openid dynamics.read")),
                Arguments.of("scope string", Map.of("scope", "dynamics.read profile")),
                Arguments.of("scp array", Map.of("scp", List.of("profile", "dynamics.read"))),
                Arguments.of("Entra app roles", Map.of("roles", List.of("dynamics.read"))));
    }

    @ParameterizedTest(name = "read permission from {0}")
    @MethodSource("permissionClaims")
    void readPermissionComesFromAnyOfTheClaims(String name, Map<String, Object> claims) {
        assertThat(http.get("/api/v1/accounts", good(claims)).statusCode()).isEqualTo(200);
        assertThat(http.send("POST", "/api/v1/grants", good(claims), GRANT_BODY))
                .satisfies(response -> assertForbidden(response, "dynamics.write"));
        assertThat(http.send("DELETE", "/api/v1/grants/" + GRANT_ID, good(claims), null))
                .satisfies(response -> assertForbidden(response, "dynamics.write"));
    }

    static Stream<Arguments> writeClaims() {
        return Stream.of(
                Arguments.of("scp string", Map.of("scp", "dynamics.write")),
                Arguments.of("scope string", Map.of("scope", "dynamics.write")),
                Arguments.of("scp array", Map.of("scp", List.of("dynamics.write"))),
                Arguments.of("Entra app roles", Map.of("roles", List.of("dynamics.write"))));
    }

    @ParameterizedTest(name = "write permission from {0}")
    @MethodSource("writeClaims")
    void writePermissionComesFromAnyOfTheClaimsAndDoesNotImplyRead(String name, Map<String, Object> claims) {
        HttpResponse<String> post = http.send("POST", "/api/v1/grants", good(claims), GRANT_BODY);
        HttpResponse<String> delete = http.send("DELETE", "/api/v1/grants/" + GRANT_ID, good(claims), null);

        assertThat(post.statusCode()).as("authorised, then answered by MVC").isNotIn(401, 403);
        assertThat(delete.statusCode()).as("authorised, then answered by MVC").isNotIn(401, 403);
        assertForbidden(http.get("/api/v1/accounts", good(claims)), "dynamics.read");
    }

    @Test
    void aPermissionNameMustMatchExactly() {
        for (Map<String, Object> claims : List.<Map<String, Object>>of(
                Map.of("scp", "Dynamics.Read"),
                Map.of("scp", "dynamics.read.all"),
                Map.of("scp", "dynamics.readx"),
                Map.of("scp", "dynamics"),
                Map.of("scp", "SCOPE_dynamics.read"),
                Map.of("groups", List.of("dynamics.read")),
                Map.of("permissions", "dynamics.read"))) {
            assertForbidden(http.get("/api/v1/accounts", good(claims)), "dynamics.read");
        }
        verifyNoInteractions(dataverse);
    }

    @Test
    void withoutATokenEveryApiMethodIsUnauthorized() {
        for (String[] call : new String[][] {
            {"GET", "/api/v1/accounts"},
            {"GET", "/api/v1/grants/" + GRANT_ID},
            {"POST", "/api/v1/grants"},
            {"DELETE", "/api/v1/grants/" + GRANT_ID},
            {"PUT", "/api/v1/grants/" + GRANT_ID},
            {"PATCH", "/api/v1/accounts/2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d"},
            {"POST", "/api/v1/syncs"},
            {"GET", "/api/v1/syncs"},
            {"GET", "/api/v1/nothing-here"}
        }) {
            HttpResponse<String> response = http.send(call[0], call[1], null, call[0].equals("GET") ? null : "{}");
            assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .as(call[1])
                    .isPresent();
            assertThat(response.body()).as(call[1]).contains("problem:unauthenticated");
        }
        verifyNoInteractions(dataverse);
    }

    @Test
    void theOpenApiDocumentOffersABearerSchemeForEveryOperation() {
        JsonNode document = JSON.readTree(http.get("/v3/api-docs", null).body());

        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.properties()).anySatisfy(scheme -> {
            assertThat(scheme.getValue().path("type").asString()).isEqualTo("http");
            assertThat(scheme.getValue().path("scheme").asString()).isEqualToIgnoringCase("bearer");
            assertThat(scheme.getValue().path("bearerFormat").asString()).isEqualTo("JWT");
        });
        assertThat(document.path("security").isArray()).isTrue();
        assertThat(document.path("security").get(0).propertyNames()).containsAnyElementsOf(schemes.propertyNames());
    }

    private static void assertForbidden(HttpResponse<String> response, String permission) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("insufficient_scope"));
        assertThat(response.body()).contains("problem:insufficient-scope").contains(permission);
    }

    private HttpResponse<String> raw(String method, String path, String authorization) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .method(method, HttpRequest.BodyPublishers.noBody())
                                    .header("Authorization", authorization)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- forging ---

    private static String issuerKid() {
        try {
            return SignedJWT.parse(reader()).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey issuerPublicKey() {
        try {
            String jwks = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(ISSUER.jwksUrl(ISSUER_ID).uri())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            return JWKSet.parse(jwks).getKeys().get(0).toRSAKey();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String signWithForeignKey(String kid) {
        try {
            RSAKey foreign = new RSAKeyGenerator(2048).keyID(kid).generate();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                    readClaims().build());
            jwt.sign(new RSASSASigner(foreign));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String notYetValid() {
        Instant later = Instant.now().plusSeconds(3600);
        String token = good(Map.of("scp", "dynamics.read", "nbf", later.getEpochSecond()));
        try {
            Date notBefore = SignedJWT.parse(token).getJWTClaimsSet().getNotBeforeTime();
            if (notBefore == null || notBefore.toInstant().isBefore(later.minusSeconds(5))) {
                throw new IllegalStateException("the issuer did not take the nbf claim: " + notBefore);
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return token;
    }

    private static String signedByIssuerLookalike(String issuer) {
        return alterClaims(
                reader(),
                claims -> claims.replace(
                        "\"iss\":\"" + ISSUER.issuerUrl(ISSUER_ID) + "\"", "\"iss\":\"" + issuer + "\""));
    }

    private static String alterSignature(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        signature[signature.length / 2] ^= 0x01;
        return token.substring(0, dot + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String withoutSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    /** The token with its payload rewritten (the issuer's signature kept, so it no longer matches). */
    private static String alterClaims(String token, Function<String, String> change) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String normalised = claims.replace("\\/", "/");
        String changed = change.apply(normalised);
        if (changed.equals(normalised)) {
            throw new IllegalStateException("the change did not apply to " + claims);
        }
        return parts[0] + "." + encode(changed) + "." + parts[2];
    }

    private static String unsecured() {
        return unsecuredWith("none");
    }

    private static String unsecuredWith(String alg) {
        return encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "."
                + encode(readClaims().build().toString()) + ".";
    }

    private static String algConfusion() {
        try {
            RSAKey publicKey = issuerPublicKey();
            byte[] secret = publicKey.toRSAPublicKey().getEncoded();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(publicKey.getKeyID())
                            .build(),
                    readClaims().build());
            jwt.sign(new MACSigner(pad(secret)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 needs a secret of at least 256 bits; an X.509-encoded RSA key is longer already. */
    private static byte[] pad(byte[] secret) {
        return secret.length >= 32 ? secret : java.util.Arrays.copyOf(secret, 32);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
