package io.accessgov.dynamics.endtoend;

import static io.accessgov.dynamics.endtoend.GrantChangesEndToEndTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.endtoend.SimulatorLinks.Change;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.SimulatorState;
import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the system-account toggle on, service and system accounts exist for the API; platform-managed ones are still
 * never changed (409, and no request to Dataverse), while other service accounts can be provisioned.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "dynamics.include-system-accounts=true"})
class PlatformManagedGrantsEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    ServiceHttp http;
    SimulatorState state;
    SimulatorLinks original;
    UUID customizer;

    @BeforeEach
    void snapshot() {
        http = new ServiceHttp(port);
        state = simulator.state();
        original = SimulatorLinks.of(state);
        customizer = state.roleCopy("System Customizer", state.rootBusinessUnitId());
        simulator.requests().clear();
    }

    @AfterEach
    void putBack() {
        original.restore(simulator);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"SYSTEM", "INTEGRATION", "crmoln@microsoft.com", "crmoln2@microsoft.com", "bap_sa@microsoft.com"
            })
    void platformManagedAccountsAreNeverChangedAndNothingIsSent(String who) {
        UUID account = who.contains("@") ? state.userIdByDomainName(who) : userNamed(who);
        UUID salesLeadership = state.teamId("Sales Leadership");
        String anyRole = anyRoleOf(account);

        assertProblem(grant("role", customizer, account), 409, "platform-managed-account");
        assertProblem(grant("team", salesLeadership, account), 409, "platform-managed-account");
        UUID profile = state.profileId("Credit Control");
        assertProblem(grant("field-security-profile", profile, account), 409, "platform-managed-account");
        assertProblem(
                http.send(
                        "DELETE",
                        "/api/v1/grants/field-security-profile:" + profile + ":member:account:" + account,
                        null),
                409,
                "platform-managed-account");
        if (anyRole != null) {
            assertProblem(
                    http.send("DELETE", "/api/v1/grants/role:" + anyRole + ":assigned:account:" + account, null),
                    409,
                    "platform-managed-account");
        }
        assertThat(simulator.requests().writes()).isEmpty();
        assertThat(original.since(state)).isEqualTo(Change.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hrsync@contoso.com", "reporting.service@contoso.com"})
    void otherServiceAccountsCanBeProvisioned(String who) {
        UUID account = state.userIdByDomainName(who);
        UUID copy = state.roleCopy("System Customizer", state.businessUnitOf("systemusers", account));

        HttpResponse<String> answer = grant("role", customizer, account);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(original.since(state)).isEqualTo(Change.userRoleAdded(new Link(account, copy)));
    }

    private HttpResponse<String> grant(String resourceType, UUID resourceId, UUID account) {
        return http.send(
                "POST",
                "/api/v1/grants",
                "{\"resourceType\": \"" + resourceType + "\", \"resourceId\": \"" + resourceId
                        + "\", \"principalType\": \"account\", \"principalId\": \"" + account + "\"}");
    }

    private UUID userNamed(String fullName) {
        for (Map<String, Object> user : state.rows("systemusers")) {
            if (fullName.equals(user.get("fullname"))) {
                return (UUID) user.get("systemuserid");
            }
        }
        throw new AssertionError("no user " + fullName);
    }

    /** The root id of a role the account holds directly, or null. */
    private String anyRoleOf(UUID account) {
        for (Link link : state.userRoles()) {
            if (link.left().equals(account)) {
                return state.row("roles", link.right())
                        .orElseThrow()
                        .get("_parentrootroleid_value")
                        .toString();
            }
        }
        return null;
    }
}
