package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.SimulatorState;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * On a platform version without the columns that tell Microsoft-managed accounts apart, reading still works (the
 * client drops the missing columns), but no account is changed: the service cannot rule out a platform-managed one.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "dynamics.http.max-attempts=5"})
@DirtiesContext
class OlderPlatformGrantsEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    @AfterEach
    void newerPlatformAgain() {
        simulator.behaviour().olderPlatform(false);
    }

    @Test
    void withoutTheClassificationColumnsNoAccountIsChangedAndNothingIsSent() {
        simulator.behaviour().olderPlatform(true);
        SimulatorState state = simulator.state();
        ServiceHttp http = new ServiceHttp(port);
        String account = http.json("/api/v1/accounts?search=henrietta")
                .get("items")
                .get(0)
                .get("id")
                .asString();
        UUID role = state.roleCopy("Delegate", state.rootBusinessUnitId());
        simulator.requests().clear();

        HttpResponse<String> grant = http.send(
                "POST",
                "/api/v1/grants",
                "{\"resourceType\":\"role\",\"resourceId\":\"" + role + "\",\"principalType\":\"account\","
                        + "\"principalId\":\"" + account + "\"}");

        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(409);
        assertThat(ServiceHttp.parse(grant.body()).get("type").asString())
                .isEqualTo("urn:dynamics365-connector:problem:platform-managed-account");
        assertThat(simulator.requests().writes()).isEmpty();
    }
}
