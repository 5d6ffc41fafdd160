package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Health over HTTP against the simulator in open demo mode: probes cannot be turned against Dataverse (the check
 * runs at most once per interval, counted in the simulator's request log), every health path shows the same
 * cached result, anonymous callers see its details, and an unknown health path is a problem.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "dynamics.health.interval=1h"})
class HealthEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    @Autowired
    @Qualifier("sandboxSimulator")
    DataverseSimulator sandbox;

    ServiceHttp http;

    @BeforeEach
    void connect() {
        http = new ServiceHttp(port);
    }

    @Test
    void fiftyRapidReadinessProbesReachDataverseAtMostOnce() {
        simulator.requests().clear();

        for (int i = 0; i < 50; i++) {
            assertThat(http.get("/readyz").statusCode()).isEqualTo(200);
        }

        assertThat(whoAmIRequests(simulator))
                .as("WhoAmI requests for 50 probes")
                .isLessThanOrEqualTo(1);
        assertThat(whoAmIRequests(sandbox)).as("WhoAmI requests of the sandbox").isLessThanOrEqualTo(1);
        assertThat(simulator.requests().tokenRequests()).hasSizeLessThanOrEqualTo(1);
        assertThat(dataverseComponent("/readyz").get("status").asString()).isEqualTo("UP");
        assertThat(dataverseComponent("/readyz")
                        .at("/details/environments/contoso-sandbox/status")
                        .asString())
                .isEqualTo("UP");
    }

    @Test
    void everyHealthPathShowsTheSameCachedCheck() {
        String checkedAt = dataverseComponent("/readyz")
                .at("/details/environments/contoso/checkedAt")
                .asString();
        simulator.requests().clear();

        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/readyz")) {
            assertThat(dataverseComponent(path)
                            .at("/details/environments/contoso/checkedAt")
                            .asString())
                    .as(path)
                    .isEqualTo(checkedAt);
        }
        assertThat(http.json("/actuator/health/dataverse-contoso")
                        .get("details")
                        .get("checkedAt")
                        .asString())
                .isEqualTo(checkedAt);
        assertThat(http.json("/actuator/health")
                        .at("/components/dataverse-contoso/details/checkedAt")
                        .asString())
                .isEqualTo(checkedAt);
        assertThat(http.json("/livez").path("components").has("dataverse"))
                .as("liveness never depends on Dataverse")
                .isFalse();
        assertThat(whoAmIRequests(simulator)).isZero();
    }

    @Test
    void anonymousCallersSeeTheDetailsInOpenDemoMode() {
        JsonNode health = http.json("/actuator/health");
        JsonNode details = health.get("components").get("dataverse-contoso").get("details");

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(details.get("mode").asString()).isEqualTo("simulator");
        assertThat(details.get("environmentUrl").asString())
                .isEqualTo(simulator.environmentUrl().toString());
        assertThat(details.get("userId").asString())
                .isEqualTo(simulator.state().callerUserId().toString());
        assertThat(details.has("latencyMs")).isTrue();
        assertThat(health.toString()).doesNotContain(simulator.clientSecret());
    }

    @Test
    void anUnknownHealthPathIsANotFoundProblem() {
        HttpResponse<String> response = http.get("/actuator/health/nope");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = ServiceHttp.parse(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:dynamics365-connector:problem:not-found");
        assertThat(problem.get("instance").asString()).isEqualTo("/actuator/health/nope");
    }

    private JsonNode dataverseComponent(String path) {
        HttpResponse<String> response = http.get(path);
        JsonNode component =
                ServiceHttp.parse(response.body()).path("components").path("dataverse");
        assertThat(component.isMissingNode())
                .as("%s: %s", path, response.body())
                .isFalse();
        return component;
    }

    private static long whoAmIRequests(DataverseSimulator simulator) {
        return simulator.requests().dataverse().stream()
                .filter(request ->
                        request.path().endsWith("/WhoAmI") || request.path().endsWith("/WhoAmI()"))
                .count();
    }
}
