package io.accessgov.dynamics.dataverse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.nimbusds.jwt.SignedJWT;
import io.accessgov.dynamics.dataverse.internal.DataverseConnection;
import io.accessgov.dynamics.dataverse.internal.DataverseWiring;
import io.accessgov.dynamics.dataverse.internal.WebApiDataverseClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.web.reactive.function.client.WebClient;

/** The outbound sign-in against real OAuth servers: mock-oauth2-server issuing tokens, WireMock answering like Entra. */
class SignInTest {

    private static final String TENANT = "contoso-tenant";
    private static final String SECRET = "Zq8~recognisable-secret-value";
    private static final String WHO_AM_I = "{\"BusinessUnitId\":\"a1b20000-0000-0000-0000-000000000001\","
            + "\"UserId\":\"00000000-0000-0000-0000-0000000000aa\",\"OrganizationId\":\"00000000-0000-0000-0000-0000000000bb\"}";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private MockWebServer dataverse;
    private MockOAuth2Server oauth;
    private WireMockServer entra;

    @BeforeEach
    void start() throws Exception {
        dataverse = new MockWebServer();
        dataverse.start(InetAddress.getByName("127.0.0.1"), 0);
        oauth = new MockOAuth2Server();
        oauth.start(InetAddress.getByName("127.0.0.1"), 0);
        entra = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        entra.start();
    }

    @AfterEach
    void stop() {
        dataverse.close();
        oauth.shutdown();
        entra.stop();
    }

    @Test
    void sendsTheTokenTheOAuthServerIssuedToDataverse() throws Exception {
        dataverse.enqueue(new MockResponse.Builder().code(200).body(WHO_AM_I).build());
        WebApiDataverseClient client = client(URI.create(oauth.baseUrl().toString()));

        WhoAmI me = client.whoAmI();

        assertThat(me.userId().toString()).isEqualTo("00000000-0000-0000-0000-0000000000aa");
        var tokenRequest = oauth.takeRequest(5, TimeUnit.SECONDS);
        assertThat(tokenRequest.getPath()).isEqualTo("/" + TENANT + "/oauth2/v2.0/token");
        String form = URLDecoder.decode(tokenRequest.getBody().readUtf8(), StandardCharsets.UTF_8);
        assertThat(form)
                .contains(
                        "grant_type=client_credentials",
                        "scope=" + environmentUrl() + "/.default",
                        "client_id=app-client-id");
        RecordedRequest call = dataverse.takeRequest(5, TimeUnit.SECONDS);
        String authorization = call.getHeaders().get("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("app-client-id");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).contains("/" + TENANT + "/");
        assertThat(meters.get("dataverse.token.fetches")
                        .tag("outcome", "success")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aWrongSecretIsASignInFailureThatSaysWhatToFix() {
        entraAnswers(401, """
                {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'app-client-id'.\\r\\nTrace ID: 1\\r\\nCorrelation ID: 2\\r\\nTimestamp: 2024-01-01 00:00:00Z","error_codes":[7000215],"timestamp":"2024-01-01 00:00:00Z","trace_id":"1","correlation_id":"2","error_uri":"https://login.microsoftonline.com/error?code=7000215"}""");
        WebApiDataverseClient client = client(URI.create(entra.baseUrl()));

        assertThatThrownBy(client::whoAmI).isInstanceOfSatisfying(SignInFailed.class, failed -> {
            assertThat(failed.getMessage())
                    .startsWith("Entra refused the client secret (AADSTS7000215)")
                    .contains("DYNAMICS_CLIENT_SECRET")
                    .doesNotContain(SECRET);
            assertThat(failed.dataverseCode()).contains("AADSTS7000215");
        });
        assertThat(dataverse.getRequestCount()).isZero();
        assertThat(meters.get("dataverse.token.fetches")
                        .tag("outcome", "refused")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anUnknownTenantIsASignInFailureNamingTheTenantSetting() {
        entraAnswers(400, """
                {"error":"invalid_request","error_description":"AADSTS90002: Tenant 'contoso-tenant' not found.","error_codes":[90002]}""");

        assertThatThrownBy(client(URI.create(entra.baseUrl()))::whoAmI)
                .isInstanceOf(SignInFailed.class)
                .hasMessageContaining("AADSTS90002")
                .hasMessageContaining("DYNAMICS_TENANT_ID");
    }

    @Test
    void anUnexplainedRefusalStillNamesTheSettings() {
        entraAnswers(400, "{\"error\":\"invalid_grant\",\"error_codes\":[123456]}");

        assertThatThrownBy(client(URI.create(entra.baseUrl()))::whoAmI)
                .isInstanceOf(SignInFailed.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageContaining("AADSTS123456")
                .hasMessageContaining("DYNAMICS_CLIENT_ID");
    }

    @Test
    void aFailingTokenEndpointMeansDataverseIsUnavailable() {
        entra.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));

        assertThatThrownBy(client(URI.create(entra.baseUrl()))::whoAmI)
                .isInstanceOf(DataverseUnavailable.class)
                .hasMessageContaining("token endpoint");
    }

    @Test
    void anUnreachableTokenEndpointMeansDataverseIsUnavailable() {
        entra.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(client(URI.create(entra.baseUrl()))::whoAmI)
                .isInstanceOf(DataverseUnavailable.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void healthIsDownWithTheReasonAndWithoutTheSecret() {
        entraAnswers(401, "{\"error\":\"invalid_client\",\"error_codes\":[7000215]}");
        WebApiDataverseClient client = client(URI.create(entra.baseUrl()));

        Health health = new DataverseHealthIndicator(client, info()).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("reason").toString())
                .startsWith("Entra refused the client secret (AADSTS7000215)");
        assertThat(health.getDetails())
                .containsEntry("environmentUrl", environmentUrl())
                .containsEntry("mode", "live");
        assertThat(health.toString()).doesNotContain(SECRET);
    }

    @Test
    void healthIsUpWithTheCallingUserAndLatency() {
        dataverse.enqueue(new MockResponse.Builder().code(200).body(WHO_AM_I).build());
        WebApiDataverseClient client = client(URI.create(oauth.baseUrl().toString()));

        Health health = new DataverseHealthIndicator(client, info()).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("userId", "00000000-0000-0000-0000-0000000000aa")
                .containsEntry("environmentUrl", environmentUrl())
                .containsKey("latencyMs");
    }

    private void entraAnswers(int status, String body) {
        entra.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private String environmentUrl() {
        return "http://127.0.0.1:" + dataverse.getPort();
    }

    private DataverseConnectionInfo info() {
        return new DataverseConnectionInfo(DataverseConnectionInfo.Mode.LIVE, URI.create(environmentUrl()));
    }

    private WebApiDataverseClient client(URI authority) {
        DataverseConnection connection = DataverseConnection.of(
                DataverseConnectionInfo.Mode.LIVE,
                URI.create(environmentUrl()),
                authority,
                TENANT,
                "app-client-id",
                SECRET);
        DynamicsProperties.Http limits = new DynamicsProperties.Http(
                4,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                2,
                Duration.ofSeconds(20),
                Duration.ofMinutes(5),
                new DynamicsProperties.Background(2, Duration.ofSeconds(20)));
        return DataverseWiring.client(
                connection,
                limits,
                WebClient.builder(),
                meters,
                new AccountClassifier(Set.of()),
                Clock.systemUTC(),
                duration -> {});
    }
}
