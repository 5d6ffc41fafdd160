package io.accessgov.dynamics.endtoend;

import static io.accessgov.dynamics.endtoend.GrantChangesEndToEndTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.RecordedRequest;
import io.accessgov.dynamics.simulator.SimulatorState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every change attempt writes exactly one audit event, as one JSON line (ECS) of the logger
 * {@code io.accessgov.dynamics.audit}: caller, action, grant, outcome, status, Dataverse request id, correlation id and
 * duration.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "dynamics.http.read-timeout=2s"})
class GrantAuditEndToEndTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("connector.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    ServiceHttp http;
    SimulatorState state;
    SimulatorLinks original;
    UUID customizer;
    UUID alex;

    @BeforeEach
    void snapshot() {
        http = new ServiceHttp(port);
        state = simulator.state();
        original = SimulatorLinks.of(state);
        customizer = state.roleCopy("System Customizer", state.rootBusinessUnitId());
        alex = state.userIdByDomainName("alex.wilber@contoso.com");
        simulator.requests().clear();
    }

    @AfterEach
    void putBack() {
        original.restore(simulator);
    }

    @Test
    void aCreatedGrantIsOneEventWithTheDataverseRequestId(CapturedOutput output) {
        String since = java.time.Instant.now().toString();
        HttpResponse<String> answer = grant(customizer, alex);

        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode audit = onlyEvent(output);
        assertThat(audit.get("action").asString()).isEqualTo("grant");
        assertThat(audit.get("grantId").asString()).isEqualTo("role:" + customizer + ":assigned:account:" + alex);
        assertThat(audit.get("outcome").asString()).isEqualTo("created");
        assertThat(audit.get("status").asInt()).isEqualTo(201);
        assertThat(audit.get("caller").asString()).isEqualTo("anonymous");
        RecordedRequest write = simulator.requests().writes().get(0);
        assertThat(audit.get("dataverseRequestId").asString()).isEqualTo(write.requestId());
        assertThat(audit.get("correlationId").asString()).isNotBlank();
        assertThat(audit.get("durationMs").asLong()).isNotNegative();

        JsonNode kept =
                http.json("/api/v1/audit-events?resourceId=" + customizer + "&principalId=" + alex + "&since=" + since);
        assertThat(kept.get("items")).hasSize(1);
        JsonNode event = kept.get("items").get(0);
        assertThat(event.get("correlationId").asString())
                .isEqualTo(audit.get("correlationId").asString());
        assertThat(event.get("outcome").asString()).isEqualTo("created");
        assertThat(event.get("environment").asString())
                .isEqualTo(audit.get("environment").asString());
        assertThat(event.get("dataverseRequestId").asString()).isEqualTo(write.requestId());
        assertThat(event.get("caller").asString()).isEqualTo("anonymous");
    }

    @Test
    void theAuditTrailPagesOldestFirstAndRefusesMalformedFilters() {
        UUID salesperson = state.roleCopy("Salesperson", state.rootBusinessUnitId());
        String since = java.time.Instant.now().toString();
        for (int i = 0; i < 3; i++) {
            assertThat(grant(salesperson, alex).statusCode()).isEqualTo(200);
        }

        ServiceHttp.Listing all =
                http.listAll("/api/v1/audit-events", "pageSize=2&outcome=already-held&since=" + since);

        assertThat(all.items()).hasSize(3);
        assertThat(all.pages()).isEqualTo(2);
        assertThat(all.items()).extracting(item -> item.get("id").asLong()).isSorted();
        assertProblem(http.get("/api/v1/audit-events?since=yesterday"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/audit-events?outcome=granted"), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/audit-events?principalId=alex"), 400, "invalid-id");
        assertProblem(http.get("/api/v1/audit-events?principal=" + alex), 400, "invalid-parameter");
    }

    @Test
    void aGrantAlreadyHeldIsOneEventWithoutARequestId(CapturedOutput output) {
        UUID salesperson = state.roleCopy("Salesperson", state.rootBusinessUnitId());

        assertThat(grant(salesperson, alex).statusCode()).isEqualTo(200);

        JsonNode audit = onlyEvent(output);
        assertThat(audit.get("outcome").asString()).isEqualTo("already-held");
        assertThat(audit.get("dataverseRequestId").isNull()).isTrue();
    }

    @Test
    void aRefusalIsOneEventNamingTheProblem(CapturedOutput output) {
        UUID keyAccounts = state.teamId("Key Account Collaboration");

        assertThat(http.send("POST", "/api/v1/grants", body("role", customizer, "team", keyAccounts))
                        .statusCode())
                .isEqualTo(409);

        JsonNode audit = onlyEvent(output);
        assertThat(audit.get("outcome").asString()).isEqualTo("refused");
        assertThat(audit.get("status").asInt()).isEqualTo(409);
        assertThat(audit.get("reason").asString()).isEqualTo("access-team-cannot-hold-roles");
        assertThat(audit.get("grantId").asString()).isEqualTo("role:" + customizer + ":assigned:team:" + keyAccounts);
    }

    @Test
    void aRefusalByDataverseIsOneEventWithItsRequestId(CapturedOutput output) {
        UUID wanda = state.userIdByDomainName("wanda.nowak@contoso.com");

        assertProblem(grant(customizer, wanda), 409, "account-disabled");

        JsonNode audit = onlyEvent(output);
        assertThat(audit.get("outcome").asString()).isEqualTo("refused");
        assertThat(audit.get("dataverseRequestId").asString())
                .isEqualTo(simulator.requests().writes().get(0).requestId());
    }

    @Test
    void aMissingPrivilegeIsOneFailedEvent(CapturedOutput output) {
        simulator.behaviour().privilegeDenied(true);

        assertProblem(grant(customizer, alex), 502, "dataverse-access-denied");

        JsonNode audit = onlyEvent(output);
        assertThat(audit.get("outcome").asString()).isEqualTo("failed");
        assertThat(audit.get("reason").asString()).contains("0x80040220");
    }

    @Test
    void aMalformedRequestIsOneRefusedEventWithoutAGrantId(CapturedOutput output) {
        assertThat(http.send("POST", "/api/v1/grants", "{\"resourceType\": \"role\"}")
                        .statusCode())
                .isEqualTo(400);

        JsonNode audit = onlyEvent(output);
        assertThat(audit.get("outcome").asString()).isEqualTo("refused");
        assertThat(audit.get("status").asInt()).isEqualTo(400);
        assertThat(audit.get("grantId").isNull()).isTrue();
    }

    @Test
    void aBodyThatIsNotJsonIsOneRefusedEvent(CapturedOutput output) {
        HttpResponse<String> answer =
                http.send("POST", "/api/v1/grants", body("role", customizer, "account", alex), "text/plain");

        assertProblem(answer, 415, "unsupported-media-type");
        JsonNode audit = onlyEvent(output);
        assertThat(audit.get("outcome").asString()).isEqualTo("refused");
        assertThat(audit.get("status").asInt()).isEqualTo(415);
        assertThat(simulator.requests().dataverse()).isEmpty();
    }

    @Test
    void revokingAndRevokingAgainAreTwoEvents(CapturedOutput output) {
        UUID salesperson = state.roleCopy("Salesperson", state.rootBusinessUnitId());
        UUID isaiah = state.userIdByDomainName("isaiah.langer@contoso.com");
        String path = "/api/v1/grants/role:" + salesperson + ":assigned:account:" + isaiah;

        assertThat(http.send("DELETE", path, null).statusCode()).isEqualTo(204);
        assertThat(http.send("DELETE", path, null).statusCode()).isEqualTo(204);

        List<JsonNode> events = events(output);
        assertThat(events).hasSize(2);
        assertThat(events)
                .extracting(event -> event.get("outcome").asString())
                .containsExactly("revoked", "already-absent");
        assertThat(events).extracting(event -> event.get("action").asString()).containsOnly("revoke");
    }

    private HttpResponse<String> grant(UUID role, UUID account) {
        return http.send("POST", "/api/v1/grants", body("role", role, "account", account));
    }

    private static String body(String resourceType, UUID resourceId, String principalType, UUID principalId) {
        return "{\"resourceType\": \"" + resourceType + "\", \"resourceId\": \"" + resourceId
                + "\", \"principalType\": \"" + principalType + "\", \"principalId\": \"" + principalId + "\"}";
    }

    private static JsonNode onlyEvent(CapturedOutput output) {
        List<JsonNode> events = events(output);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** The audit members of every JSON line the audit logger wrote. */
    private static List<JsonNode> events(CapturedOutput output) {
        return output.getOut()
                .lines()
                .filter(line -> line.startsWith("{"))
                .map(ServiceHttp::parse)
                .filter(line -> "io.accessgov.dynamics.audit"
                        .equals(line.path("log").path("logger").asString()))
                .map(line -> line.get("audit"))
                .toList();
    }
}
