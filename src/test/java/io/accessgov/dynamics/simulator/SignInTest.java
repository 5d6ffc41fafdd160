package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.form;
import static io.accessgov.dynamics.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SignInTest {

    DataverseSimulator simulator;
    SimulatorClient client;
    ManualClock clock = new ManualClock(Instant.parse("2026-01-05T10:00:00Z"));

    @BeforeEach
    void start() {
        simulator = DataverseSimulator.start(SimulatorOptions.defaults().withClock(clock));
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    String scope() {
        return simulator.environmentUrl() + "/.default";
    }

    @Test
    void issuesABearerTokenForTheEnvironmentScope() {
        HttpResponse<String> response = client.tokenRequest(
                form(simulator.clientId(), simulator.clientSecret(), scope()), simulator.tenantId());
        JsonNode body = json(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3599);
        assertThat(body.get("ext_expires_in").asInt()).isEqualTo(3599);
        assertThat(body.get("access_token").stringValue()).isNotBlank();
        assertThat(simulator.tokens().requestCount()).isEqualTo(1);
    }

    @Test
    void acceptsClientSecretBasicAuthentication() {
        String basic = Base64.getEncoder()
                .encodeToString((SimulatorClient.enc(simulator.clientId()) + ":"
                                + SimulatorClient.enc(simulator.clientSecret()))
                        .getBytes());
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(simulator.tokenUrl())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=" + SimulatorClient.enc(scope())))
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void wrongSecretIs401InvalidClientWithEntrasBody() {
        HttpResponse<String> response =
                client.tokenRequest(form(simulator.clientId(), "not-the-secret", scope()), simulator.tenantId());
        JsonNode body = json(response.body());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body.get("error").stringValue()).isEqualTo("invalid_client");
        assertThat(body.get("error_description").stringValue()).startsWith("AADSTS7000215: Invalid client secret");
        assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(body.get("error_uri").stringValue()).endsWith("?code=7000215");
        assertThat(body.has("trace_id") && body.has("correlation_id") && body.has("timestamp"))
                .isTrue();
        assertThat(simulator.requests().tokenRequests().get(0).body())
                .contains("client_secret=***")
                .doesNotContain("not-the-secret");
    }

    @Test
    void unknownTenantIs400InvalidRequest() {
        HttpResponse<String> response = client.tokenRequest(
                form(simulator.clientId(), simulator.clientSecret(), scope()), "11111111-2222-3333-4444-555555555555");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").stringValue()).isEqualTo("invalid_request");
        assertThat(json(response.body()).get("error_codes").get(0).asInt()).isEqualTo(90002);
    }

    @Test
    void unknownClientIs400UnauthorizedClient() {
        HttpResponse<String> response = client.tokenRequest(
                form("99999999-0000-0000-0000-000000000000", simulator.clientSecret(), scope()), simulator.tenantId());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").stringValue()).isEqualTo("unauthorized_client");
        assertThat(json(response.body()).get("error_codes").get(0).asInt()).isEqualTo(700016);
    }

    @Test
    void scopeOfAnotherResourceIs400InvalidResource() {
        HttpResponse<String> response = client.tokenRequest(
                form(simulator.clientId(), simulator.clientSecret(), "https://contoso.crm.dynamics.com/.default"),
                simulator.tenantId());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").stringValue()).isEqualTo("invalid_resource");
    }

    @Test
    void scopeThatIsNotDotDefaultIs400InvalidScope() {
        HttpResponse<String> response = client.tokenRequest(
                form(
                        simulator.clientId(),
                        simulator.clientSecret(),
                        simulator.environmentUrl() + "/user_impersonation"),
                simulator.tenantId());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("error").stringValue()).isEqualTo("invalid_scope");
    }

    @Test
    void callWithoutTokenIs401WithEmptyBodyAndChallenge() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(simulator.webApiUrl() + "WhoAmI"))
                .GET()
                .build());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer authorization_uri=https://login.microsoftonline.com/" + simulator.tenantId()
                        + "/oauth2/authorize, resource_id=" + simulator.environmentUrl() + "/");
    }

    @Test
    void forgedTokenIs401() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(simulator.webApiUrl() + "WhoAmI"))
                .header("Authorization", "Bearer sim.forged")
                .GET()
                .build());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void tokenStopsWorkingWhenItsLifetimeHasPassed() {
        simulator.tokens().lifetime(Duration.ofSeconds(60));
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(59));
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(401);
    }

    @Test
    void shortLifetimeIsReportedInExpiresIn() {
        simulator.tokens().lifetime(Duration.ofSeconds(5));
        HttpResponse<String> response = client.tokenRequest(
                form(simulator.clientId(), simulator.clientSecret(), scope()), simulator.tenantId());
        assertThat(json(response.body()).get("expires_in").asInt()).isEqualTo(5);
    }

    @Test
    void revokedTokensAreRefusedAndANewOneWorks() {
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(200);
        simulator.tokens().revokeAll();
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(401);
        client.forgetToken();
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(200);
        assertThat(simulator.tokens().issuedCount()).isEqualTo(2);
    }

    @Test
    void expireAllEndsEveryTokenNow() {
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(200);
        simulator.tokens().expireAll();
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(401);
    }
}
