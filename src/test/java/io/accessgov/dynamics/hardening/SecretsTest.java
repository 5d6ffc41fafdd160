package io.accessgov.dynamics.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The client secret appears in no output of the service: not in its logs (our packages, Spring's web and security
 * at DEBUG), problems, actuator endpoints (every one exposed, values shown, health with details), the OpenAPI
 * document, or exception messages. Run in live mode against a simulator that knows a recognisable secret, once
 * with that secret and once with a wrong one (which the service must not echo either).
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTest {

    /** Recognisable, with characters that change under URL and form encoding. */
    static final String SECRET = "Hardening~Secret.Q7x_Zp+/w=K3y";

    static final String WRONG_SECRET = "Wrong~Secret.R8y_Aq+/v=L4z";

    @Test
    void theSecretAppearsInNoOutputOfAWorkingService(CapturedOutput output) {
        List<String> answers = new ArrayList<>();
        try (DataverseSimulator simulator = DataverseSimulator.start(SimulatorOptions.defaults())) {
            simulator.tokens().registerClient(simulator.clientId(), SECRET);
            try (ConfigurableApplicationContext service = start(simulator, SECRET)) {
                Api api = new Api(port(service));
                JsonNode accounts = api.json("/api/v1/accounts?pageSize=3");
                assertThat(accounts.get("items")).hasSize(3); // it really signed in with the secret
                String account = accounts.get("items").get(0).get("id").asString();
                answers.addAll(everyOutput(api, account));
            }
        }
        assertSecretsAbsent(answers, output);
    }

    @Test
    void aWrongSecretAppearsInNoOutputEither(CapturedOutput output) {
        List<String> answers = new ArrayList<>();
        try (DataverseSimulator simulator = DataverseSimulator.start(SimulatorOptions.defaults())) {
            simulator.tokens().registerClient(simulator.clientId(), SECRET);
            try (ConfigurableApplicationContext service = start(simulator, WRONG_SECRET)) {
                Api api = new Api(port(service));
                HttpResponse<String> refused = api.get("/api/v1/accounts");
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
                assertThat(refused.body()).contains("dataverse-sign-in-failed");
                answers.addAll(everyOutput(api, "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d"));
                HttpResponse<String> health = api.get("/actuator/health");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).contains("dataverse");
            }
        }
        assertSecretsAbsent(answers, output);
    }

    private static ConfigurableApplicationContext start(DataverseSimulator simulator, String secret) {
        return new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--dynamics.environment-url=" + simulator.environmentUrl(),
                        "--dynamics.authority-url=" + simulator.authorityUrl(),
                        "--dynamics.tenant-id=" + simulator.tenantId(),
                        "--dynamics.client-id=" + simulator.clientId(),
                        "--dynamics.client-secret=" + secret,
                        "--connector.security.allow-anonymous=true",
                        "--logging.level.io.accessgov=DEBUG",
                        "--logging.level.org.springframework.web=DEBUG",
                        "--logging.level.org.springframework.security=DEBUG",
                        "--logging.level.org.springframework.boot.context.config=DEBUG",
                        // the most an operator could open up: every endpoint, values shown, health in detail
                        "--management.endpoints.web.exposure.include=*",
                        "--management.endpoint.env.show-values=ALWAYS",
                        "--management.endpoint.configprops.show-values=ALWAYS",
                        "--management.endpoint.health.show-details=ALWAYS",
                        "--management.endpoint.health.show-components=ALWAYS",
                        "--management.info.env.enabled=true");
    }

    private static int port(ConfigurableApplicationContext service) {
        return ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    /** Every answer worth searching: the API (good and bad calls), every actuator endpoint, the OpenAPI document. */
    private static List<String> everyOutput(Api api, String account) {
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        for (String target : List.of(
                "/api/v1/accounts",
                "/api/v1/accounts/" + account,
                "/api/v1/accounts/not-a-guid",
                "/api/v1/accounts?pageToken=forged",
                "/api/v1/roles",
                "/api/v1/teams",
                "/api/v1/business-units",
                "/api/v1/grants?principalType=account&principalId=" + account,
                "/api/v1/grants/bad",
                "/api/v1/nothing",
                "/v3/api-docs",
                "/v3/api-docs/swagger-config",
                "/swagger-ui/index.html",
                "/livez",
                "/readyz",
                "/actuator/env/dynamics.client-secret",
                "/actuator/env/DYNAMICS_CLIENT_SECRET")) {
            answers.put(target, api.get(target));
        }
        answers.put("POST /api/v1/grants", api.send("POST", "/api/v1/grants", "application/json", "{".getBytes()));
        JsonNode links = Api.parse(api.get("/actuator").body()).path("_links");
        assertThat(links.propertyNames()).contains("env", "configprops", "health", "info", "beans", "loggers");
        for (Map.Entry<String, JsonNode> link : links.properties()) {
            String href = link.getValue().path("href").asString();
            if (link.getKey().equals("heapdump") || href.contains("{")) {
                continue; // a heap dump holds every string in memory by design; templated links are covered above
            }
            String path = href.substring(href.indexOf("/actuator"));
            answers.put(path, api.get(path));
        }
        assertThat(answers.get("/actuator/env").statusCode()).isEqualTo(200);
        assertThat(answers.get("/actuator/configprops").statusCode()).isEqualTo(200);
        assertThat(answers.get("/actuator/configprops").body()).contains("clientSecret");
        List<String> texts = new ArrayList<>();
        answers.forEach((target, response) ->
                texts.add(target + " -> " + response.statusCode() + " " + response.headers() + " " + response.body()));
        return texts;
    }

    private static void assertSecretsAbsent(List<String> answers, CapturedOutput output) {
        assertThat(answers).hasSizeGreaterThan(25);
        assertThat(output.getAll()).as("the service logged at DEBUG").contains("DEBUG");
        for (String secret : List.of(SECRET, WRONG_SECRET)) {
            for (String form : forms(secret)) {
                assertThat(output.getAll()).as("logs").doesNotContain(form);
                for (String answer : answers) {
                    assertThat(answer)
                            .as(answer.substring(0, Math.min(80, answer.length())))
                            .doesNotContain(form);
                }
            }
        }
    }

    /** The secret as written, URL/form-encoded, in Basic credentials, and a distinctive fragment of it. */
    private static List<String> forms(String secret) {
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return List.of(
                secret,
                encoded,
                Base64.getEncoder()
                        .encodeToString(
                                (DataverseSimulator.DEMO_CLIENT_ID + ":" + encoded).getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder()
                        .encodeToString(
                                (DataverseSimulator.DEMO_CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8)),
                secret.substring(0, 16));
    }
}
