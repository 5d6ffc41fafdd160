package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.Fault;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.RecordedRequest;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * One service governing three independent Dataverse environments (docs/api.md §9), each a simulator of its own on
 * loopback with its own application registration (client id and secret) and data: {@code alpha} (the demo
 * organisation, the default), {@code beta} (the sandbox organisation) and {@code gamma} (a small generated one, given
 * a wrong secret). Every environment answers from its own Dataverse only, and one environment's trouble leaves the
 * others alone.
 */
class EnvironmentsEndToEndTest {

    private static final String ALPHA_CLIENT = "a1a1a1a1-0000-4000-8000-00000000000a";
    private static final String BETA_CLIENT = "b2b2b2b2-0000-4000-8000-00000000000b";
    private static final String GAMMA_CLIENT = "c3c3c3c3-0000-4000-8000-00000000000c";

    private static DataverseSimulator alpha;
    private static DataverseSimulator beta;
    private static DataverseSimulator gamma;
    private static ConfigurableApplicationContext service;
    private static ServiceHttp http;

    @BeforeAll
    static void start() {
        alpha = DataverseSimulator.start(SimulatorOptions.defaults());
        beta = DataverseSimulator.start(SimulatorOptions.defaults().withSeed(OrganisationSeed.sandbox()));
        gamma = DataverseSimulator.start(SimulatorOptions.defaults()
                .withSeed(OrganisationSeed.generated()
                        .users(40)
                        .businessUnits(3)
                        .logicalRoles(5)
                        .teams(6)
                        .userRoleLinks(60)
                        .memberships(40)
                        .randomSeed(3)
                        .build()));
        alpha.tokens().registerClient(ALPHA_CLIENT, "alpha-secret");
        beta.tokens().registerClient(BETA_CLIENT, "beta-secret");
        gamma.tokens().registerClient(GAMMA_CLIENT, "gamma-secret");
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--connector.security.allow-anonymous=true",
                "--connector.data-dir=target/environments-e2e-" + System.nanoTime(),
                "--dynamics.default-environment=alpha",
                "--dynamics.http.max-attempts=2",
                "--dynamics.http.deadline=5s"));
        args.addAll(environment("alpha", alpha, ALPHA_CLIENT, "alpha-secret"));
        args.addAll(environment("beta", beta, BETA_CLIENT, "beta-secret"));
        args.addAll(environment("gamma", gamma, GAMMA_CLIENT, "not-gammas-secret"));
        service = new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
        http = new ServiceHttp(
                ((WebServerApplicationContext) service).getWebServer().getPort());
    }

    private static List<String> environment(String name, DataverseSimulator simulator, String client, String secret) {
        String prefix = "--dynamics.environments." + name + ".";
        return List.of(
                prefix + "environment-url=" + simulator.environmentUrl(),
                prefix + "authority-url=" + simulator.authorityUrl(),
                prefix + "tenant-id=" + simulator.tenantId(),
                prefix + "client-id=" + client,
                prefix + "client-secret=" + secret);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        for (DataverseSimulator simulator : new DataverseSimulator[] {alpha, beta, gamma}) {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    @BeforeEach
    void clean() {
        for (DataverseSimulator simulator : List.of(alpha, beta, gamma)) {
            simulator.faults().clear();
            simulator.requests().clear();
        }
    }

    @Test
    void theEnvironmentsAreListedWithTheStatusOfTheirOwnHealthCheck() {
        JsonNode items = http.json("/api/v1/environments").get("items");

        assertThat(items).extracting(item -> item.get("name").asString()).containsExactly("alpha", "beta", "gamma");
        assertThat(items).extracting(item -> item.get("default").asBoolean()).containsExactly(true, false, false);
        assertThat(items.get(0).get("status").asString()).isEqualTo("UP");
        assertThat(items.get(1).get("status").asString()).isEqualTo("UP");
        assertThat(items.get(2).get("status").asString()).isEqualTo("DOWN");
        assertThat(items.get(2).get("detail").asString()).contains("secret");
        assertThat(http.get("/readyz").statusCode())
                .as("readiness fails only when every environment is DOWN")
                .isEqualTo(200);
    }

    @Test
    void theUnprefixedPathsAnswerExactlyWhatTheDefaultEnvironmentsAnswer() {
        for (String list : List.of("accounts", "roles", "teams", "business-units")) {
            assertThat(http.listAll("/api/v1/" + list, "pageSize=7").items())
                    .as(list)
                    .isEqualTo(http.listAll("/api/v1/environments/alpha/" + list, "pageSize=7")
                            .items());
        }
        String someone =
                http.json("/api/v1/accounts?pageSize=1").at("/items/0/id").asString();
        assertThat(http.json("/api/v1/grants?principalType=account&principalId=" + someone))
                .isEqualTo(http.json("/api/v1/environments/alpha/grants?principalType=account&principalId=" + someone));
    }

    @Test
    void anEnvironmentAnswersWhatASingleEnvironmentServicePointedAtItsDataverseAnswers() {
        ConfigurableApplicationContext single = new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--connector.security.allow-anonymous=true",
                        "--connector.data-dir=target/environments-e2e-single-" + System.nanoTime(),
                        "--dynamics.environment-url=" + beta.environmentUrl(),
                        "--dynamics.authority-url=" + beta.authorityUrl(),
                        "--dynamics.tenant-id=" + beta.tenantId(),
                        "--dynamics.client-id=" + BETA_CLIENT,
                        "--dynamics.client-secret=beta-secret");
        try {
            ServiceHttp alone = new ServiceHttp(
                    ((WebServerApplicationContext) single).getWebServer().getPort());
            for (String list : List.of("accounts", "roles", "teams", "business-units")) {
                List<JsonNode> items =
                        alone.listAll("/api/v1/" + list, "pageSize=9").items();
                assertThat(http.listAll("/api/v1/environments/beta/" + list, "pageSize=9")
                                .items())
                        .as(list)
                        .isEqualTo(items);
                String first = items.get(0).get("id").asString();
                assertThat(http.json("/api/v1/environments/beta/" + list + "/" + first))
                        .as(list + "/" + first)
                        .isEqualTo(alone.json("/api/v1/" + list + "/" + first));
            }
            for (JsonNode account :
                    alone.listAll("/api/v1/accounts", "pageSize=100").items()) {
                String query =
                        "principalType=account&principalId=" + account.get("id").asString();
                assertThat(http.listAll("/api/v1/environments/beta/grants", query)
                                .items())
                        .isEqualTo(alone.listAll("/api/v1/grants", query).items());
            }
        } finally {
            single.close();
        }
    }

    @Test
    void eachEnvironmentAnswersFromItsOwnDataverseOnly() {
        Set<String> betaAccounts = Set.copyOf(http.listAll("/api/v1/environments/beta/accounts", "pageSize=50")
                .ids());

        Set<String> betaHumans = beta.state().rows("systemusers").stream()
                .filter(row -> row.get("applicationid") == null
                        && row.get("azureactivedirectoryobjectid") != null
                        && !"crmoln@microsoft.com".equals(row.get("domainname")))
                .map(row -> row.get("systemuserid").toString())
                .collect(Collectors.toSet());
        assertThat(betaAccounts).isEqualTo(betaHumans);
        assertThat(alpha.requests().dataverse())
                .as("nothing of beta reached alpha")
                .isEmpty();
        assertThat(gamma.requests().all()).as("nothing of beta reached gamma").isEmpty();
        assertThat(beta.requests().dataverse())
                .extracting(RecordedRequest::hasAuthorization)
                .containsOnly(true);
    }

    @Test
    void idsTokensAndSyncsDoNotCrossEnvironments() {
        String alphaAccount = http.json("/api/v1/environments/alpha/accounts?pageSize=1")
                .at("/items/0/id")
                .asString();
        assertThat(http.get("/api/v1/environments/beta/accounts/" + alphaAccount)
                        .statusCode())
                .isEqualTo(404);

        String token = http.json("/api/v1/environments/alpha/accounts?pageSize=2")
                .get("nextPageToken")
                .asString();
        HttpResponse<String> crossed = http.get(
                "/api/v1/environments/beta/accounts?pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(crossed.statusCode()).isEqualTo(400);
        assertThat(crossed.body()).contains("invalid-page-token").contains("\"environment\":\"beta\"");

        HttpResponse<String> started = http.send("POST", "/api/v1/environments/beta/syncs", null);
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).startsWith("/api/v1/environments/beta/syncs/"));
        String sync = ServiceHttp.parse(started.body()).get("id").asString();
        assertThat(http.get("/api/v1/syncs/" + sync).statusCode())
                .as("a sync of beta is not one of alpha")
                .isEqualTo(404);
        assertThat(http.json("/api/v1/environments/beta/syncs/" + sync)
                        .get("environment")
                        .asString())
                .isEqualTo("beta");
    }

    @Test
    void anUnknownEnvironmentIsANotFoundProblemNamingTheConfiguredOnes() {
        HttpResponse<String> unknown = http.get("/api/v1/environments/delta/accounts");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ServiceHttp.parse(unknown.body()).get("type").asString())
                .isEqualTo("urn:dynamics365-connector:problem:environment-not-found");
        assertThat(unknown.body()).contains("alpha").contains("beta").contains("gamma");
        assertThat(List.of(alpha, beta, gamma))
                .allSatisfy(simulator ->
                        assertThat(simulator.requests().dataverse()).isEmpty());
    }

    @Test
    void oneEnvironmentsThrottlingAndWrongSecretLeaveTheOthersAlone() {
        alpha.faults().inject(Fault.throttled(Duration.ofSeconds(30)).times(100));

        HttpResponse<String> throttled = http.get("/api/v1/environments/alpha/accounts");
        long started = System.nanoTime();
        HttpResponse<String> betaAnswer = http.get("/api/v1/environments/beta/accounts");
        Duration betaTook = Duration.ofNanos(System.nanoTime() - started);
        HttpResponse<String> gammaAnswer = http.get("/api/v1/environments/gamma/accounts");

        assertThat(throttled.statusCode()).isEqualTo(503);
        assertThat(throttled.body()).contains("\"environment\":\"alpha\"");
        assertThat(betaAnswer.statusCode()).isEqualTo(200);
        assertThat(betaTook).as("beta does not wait out alpha's Retry-After").isLessThan(Duration.ofSeconds(10));
        assertThat(gammaAnswer.statusCode()).isEqualTo(502);
        assertThat(gammaAnswer.body()).contains("dataverse-sign-in-failed").contains("\"environment\":\"gamma\"");
        assertThat(beta.requests().dataverse())
                .extracting(RecordedRequest::status)
                .containsOnly(200);
    }
}
