package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.endtoend.SimulatorLinks.Change;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.Fault;
import io.accessgov.dynamics.simulator.RecordedRequest;
import io.accessgov.dynamics.simulator.SimulatorState;
import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Granting and revoking through the API against the embedded simulator over HTTP (docs/api.md §5): the answer,
 * and the simulator's tables afterwards — exactly the intended change and nothing else, and no write at all when
 * the service refuses.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "dynamics.http.read-timeout=2s"})
class GrantChangesEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    ServiceHttp http;
    SimulatorState state;
    SimulatorLinks original;
    SimulatorLinks before;

    UUID root;
    UUID sales;
    UUID alex;
    UUID adele;
    UUID brian;
    UUID customizer;
    UUID customizerInSales;
    UUID salesperson;
    UUID salespersonInSales;
    UUID salesManager;
    UUID leadership;
    UUID keyAccounts;

    @BeforeEach
    void snapshot() {
        http = new ServiceHttp(port);
        state = simulator.state();
        original = SimulatorLinks.of(state);
        before = original;
        root = state.rootBusinessUnitId();
        sales = state.businessUnitId("Sales");
        alex = state.userIdByDomainName("alex.wilber@contoso.com");
        adele = state.userIdByDomainName("adele.vance@contoso.com");
        brian = state.userIdByDomainName("brian.johnson@contoso.com");
        customizer = state.roleCopy("System Customizer", root);
        customizerInSales = state.roleCopy("System Customizer", sales);
        salesperson = state.roleCopy("Salesperson", root);
        salespersonInSales = state.roleCopy("Salesperson", sales);
        salesManager = state.roleCopy("Sales Manager", root);
        leadership = state.teamId("Sales Leadership");
        keyAccounts = state.teamId("Key Account Collaboration");
        simulator.requests().clear();
    }

    @AfterEach
    void putBack() {
        original.restore(simulator);
    }

    // Roles of accounts

    @Test
    void grantsTheRoleCopyOfTheAccountsBusinessUnit() {
        HttpResponse<String> answer = grant("role", customizer, "account", alex);

        String id = "role:" + customizer + ":assigned:account:" + alex;
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Location")).contains("/api/v1/grants/" + id);
        JsonNode grant = ServiceHttp.parse(answer.body());
        assertThat(grant.get("id").asString()).isEqualTo(id);
        assertThat(grant.get("sources").toString()).isEqualTo("[{\"type\":\"direct\"}]");
        assertThat(grant.get("revocable").asBoolean()).isTrue();
        assertThat(changes()).isEqualTo(Change.userRoleAdded(new Link(alex, customizerInSales)));
    }

    @Test
    void aRoleNamedByAnyCopyIsGrantedAsTheLogicalRoleInTheAccountsBusinessUnit() {
        UUID customizerInIt = state.roleCopy("System Customizer", state.businessUnitId("IT"));

        HttpResponse<String> answer = grant("role", customizerInIt, "account", alex);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(ServiceHttp.parse(answer.body()).get("id").asString())
                .isEqualTo("role:" + customizer + ":assigned:account:" + alex);
        assertThat(changes()).isEqualTo(Change.userRoleAdded(new Link(alex, customizerInSales)));
    }

    @Test
    void assignsTheCopyOfTheBusinessUnitAskedForWhenOwnershipAcrossBusinessUnitsIsOn() {
        simulator.behaviour().ownershipAcrossBusinessUnits(true);
        UUID it = state.businessUnitId("IT");

        HttpResponse<String> answer = send(
                "POST",
                "/api/v1/grants",
                body("role", customizer, "account", alex).replace("}", ", \"businessUnitId\": \"" + it + "\"}"));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(changes()).isEqualTo(Change.userRoleAdded(new Link(alex, state.roleCopy("System Customizer", it))));
    }

    @Test
    void aCopyOfAnotherBusinessUnitRefusedByDataverseIsAConflictWithItsCode() {
        UUID it = state.businessUnitId("IT");

        HttpResponse<String> answer = send(
                "POST",
                "/api/v1/grants",
                body("role", customizer, "account", alex).replace("}", ", \"businessUnitId\": \"" + it + "\"}"));

        assertProblem(answer, 409, "role-in-other-business-unit");
        assertThat(ServiceHttp.parse(answer.body()).get("dataverseCode").asString())
                .isEqualTo("0x80041409");
        assertThat(changes()).isEqualTo(Change.NONE);
    }

    @Test
    void holdingAnyCopyOfTheRoleDirectlyIsAlreadyHoldingIt() {
        UUID customizerInIt = state.roleCopy("System Customizer", state.businessUnitId("IT"));
        state.addUserRole(alex, customizerInIt);
        before = SimulatorLinks.of(state);

        HttpResponse<String> answer = grant("role", customizer, "account", alex);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(ServiceHttp.parse(answer.body()).get("id").asString())
                .isEqualTo("role:" + customizer + ":assigned:account:" + alex);
        assertThat(simulator.requests().writes()).isEmpty();
        assertThat(changes()).isEqualTo(Change.NONE);
    }

    @Test
    void repeatingAGrantAnswers200AndChangesNothingMore() {
        assertThat(grant("role", customizer, "account", alex).statusCode()).isEqualTo(201);
        assertThat(grant("role", customizer, "account", alex).statusCode()).isEqualTo(200);

        assertThat(simulator.requests().writes()).hasSize(1);
        assertThat(changes()).isEqualTo(Change.userRoleAdded(new Link(alex, customizerInSales)));
    }

    @Test
    void identicalConcurrentGrantsEndWithOneChange() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> grant("role", customizer, "account", alex).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(201, 200);
            assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(simulator.requests().writes()).hasSize(1);
        assertThat(changes()).isEqualTo(Change.userRoleAdded(new Link(alex, customizerInSales)));
    }

    @Test
    void aThrottledWriteIsReadBackThenSentAgainAndCreatedOnce() {
        simulator
                .faults()
                .inject(Fault.throttled(Duration.ofSeconds(1)).onMethod("POST").onPath("/api/data/"));

        HttpResponse<String> answer = grant("role", customizer, "account", alex);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(simulator.requests().writes())
                .extracting(RecordedRequest::status)
                .containsExactly(429, 204);
        assertThat(changes()).isEqualTo(Change.userRoleAdded(new Link(alex, customizerInSales)));
    }

    @Test
    void aWriteThatTimedOutAfterDataverseAppliedItIsReportedCreatedAndNotSentAgain() {
        simulator
                .faults()
                .inject(Fault.answerLate(Duration.ofSeconds(4)).onMethod("POST").onPath("/api/data/"));

        HttpResponse<String> answer = grant("role", customizer, "account", alex);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(changes()).isEqualTo(Change.userRoleAdded(new Link(alex, customizerInSales)));
        assertThat(writesOnceTheLateAnswerIsLogged()).hasSize(1);
    }

    @Test
    void aDisabledAccountRefusedByDataverseIsAConflictWithItsCode() {
        UUID wanda = state.userIdByDomainName("wanda.nowak@contoso.com");

        HttpResponse<String> answer = grant("role", customizer, "account", wanda);

        assertProblem(answer, 409, "account-disabled");
        assertThat(ServiceHttp.parse(answer.body()).get("dataverseCode").asString())
                .isEqualTo("0x80048d35");
        assertThat(changes()).isEqualTo(Change.NONE);
    }

    @Test
    void aMissingPrivilegeOfTheServiceIsABadGatewayWithItsCode() {
        simulator.behaviour().privilegeDenied(true);

        HttpResponse<String> answer = grant("role", customizer, "account", alex);

        assertProblem(answer, 502, "dataverse-access-denied");
        assertThat(ServiceHttp.parse(answer.body()).get("dataverseCode").asString())
                .isEqualTo("0x80040220");
        assertThat(changes()).isEqualTo(Change.NONE);
    }

    @Test
    void accountsHiddenByTheSystemAccountToggleDoNotExistForGrants() {
        UUID hrSync = state.userIdByDomainName("hrsync@contoso.com");
        UUID support = state.userIdByDomainName("crmoln@microsoft.com");

        assertProblem(grant("role", customizer, "account", hrSync), 404, "account-not-found");
        assertProblem(grant("role", customizer, "account", support), 404, "account-not-found");
        assertProblem(
                send("DELETE", "/api/v1/grants/role:" + customizer + ":assigned:account:" + support, null),
                404,
                "account-not-found");
        assertThat(simulator.requests().writes()).isEmpty();
    }

    @Test
    void unknownRolesTeamsAndAccountsAreNotFoundAndNothingIsSent() {
        UUID nobody = UUID.fromString("00000000-0000-4000-8000-00000000beef");

        assertProblem(grant("role", nobody, "account", alex), 404, "role-not-found");
        assertProblem(grant("role", customizer, "account", nobody), 404, "account-not-found");
        assertProblem(grant("team", nobody, "account", alex), 404, "team-not-found");
        assertThat(simulator.requests().writes()).isEmpty();
    }

    // Roles of teams

    @Test
    void grantsTheRoleCopyOfTheTeamsBusinessUnit() {
        UUID escalations = state.teamId("Service Escalations");
        UUID customizerInService = state.roleCopy("System Customizer", state.businessUnitId("Service"));

        HttpResponse<String> answer = grant("role", customizer, "team", escalations);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(ServiceHttp.parse(answer.body()).get("id").asString())
                .isEqualTo("role:" + customizer + ":assigned:team:" + escalations);
        assertThat(changes()).isEqualTo(Change.teamRoleAdded(new Link(escalations, customizerInService)));
    }

    @Test
    void anAccessTeamCannotHoldRolesAndNothingIsSent() {
        HttpResponse<String> answer = grant("role", customizer, "team", keyAccounts);

        assertProblem(answer, 409, "access-team-cannot-hold-roles");
        assertThat(simulator.requests().writes()).isEmpty();
    }

    @Test
    void revokesARoleFromATeam() {
        HttpResponse<String> answer =
                send("DELETE", "/api/v1/grants/role:" + salesManager + ":assigned:team:" + leadership, null);

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(changes())
                .isEqualTo(Change.teamRoleRemoved(new Link(leadership, state.roleCopy("Sales Manager", sales))));
    }

    // Team memberships

    @Test
    void addsAnAccountToAnOwnerTeamAndToAnAccessTeam() {
        HttpResponse<String> owner = grant("team", leadership, "account", brian);
        assertThat(owner.statusCode()).isEqualTo(201);
        assertThat(ServiceHttp.parse(owner.body()).get("id").asString())
                .isEqualTo("team:" + leadership + ":member:account:" + brian);
        assertThat(changes()).isEqualTo(Change.membershipAdded(new Link(brian, leadership)));
        before = SimulatorLinks.of(state);

        HttpResponse<String> access = grant("team", keyAccounts, "account", brian);
        assertThat(access.statusCode()).isEqualTo(201);
        assertThat(changes()).isEqualTo(Change.membershipAdded(new Link(brian, keyAccounts)));
    }

    @Test
    void theDefaultTeamsMembersAreManagedByTheBusinessUnit() {
        UUID salesDefault = defaultTeamOf(sales);

        HttpResponse<String> add = grant("team", salesDefault, "account", brian);
        HttpResponse<String> remove =
                send("DELETE", "/api/v1/grants/team:" + salesDefault + ":member:account:" + alex, null);

        for (HttpResponse<String> answer : List.of(add, remove)) {
            assertProblem(answer, 409, "membership-managed-by-business-unit");
            JsonNode unit = ServiceHttp.parse(answer.body()).get("businessUnit");
            assertThat(unit.get("id").asString()).isEqualTo(sales.toString());
            assertThat(unit.get("name").asString()).isEqualTo("Sales");
        }
        assertThat(simulator.requests().writes()).isEmpty();
    }

    @Test
    void anEntraGroupTeamsMembersAreManagedByTheGroup() {
        UUID entraTeam = state.teamId("Dynamics Sales Users");
        Object group = state.row("teams", entraTeam).orElseThrow().get("azureactivedirectoryobjectid");

        HttpResponse<String> answer = grant("team", entraTeam, "account", adele);

        assertProblem(answer, 409, "membership-managed-by-entra-group");
        assertThat(ServiceHttp.parse(answer.body()).get("entraObjectId").asString())
                .isEqualTo(group.toString());
        assertThat(ServiceHttp.parse(answer.body()).get("detail").asString()).contains(group.toString());
        assertThat(simulator.requests().writes()).isEmpty();
    }

    @Test
    void removesAnAccountFromAnAccessTeam() {
        HttpResponse<String> answer =
                send("DELETE", "/api/v1/grants/team:" + keyAccounts + ":member:account:" + alex, null);

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(changes()).isEqualTo(Change.membershipRemoved(new Link(alex, keyAccounts)));
    }

    // Revoking roles of accounts

    @Test
    void revokingARoleHeldDirectlyAndThroughATeamRemovesTheDirectOneAndAnswersWhatRemains() {
        HttpResponse<String> answer =
                send("DELETE", "/api/v1/grants/role:" + salesperson + ":assigned:account:" + adele, null);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode grant = ServiceHttp.parse(answer.body());
        assertThat(grant.get("sources").toString())
                .isEqualTo("[{\"type\":\"team\",\"id\":\"" + leadership + "\",\"displayName\":\"Sales Leadership\"}]");
        assertThat(grant.get("revocable").asBoolean()).isFalse();
        assertThat(changes()).isEqualTo(Change.userRoleRemoved(new Link(adele, salespersonInSales)));
    }

    @Test
    void revokingARoleHeldOnlyThroughTeamsIsAConflictNamingTheTeams() {
        HttpResponse<String> answer =
                send("DELETE", "/api/v1/grants/role:" + salesManager + ":assigned:account:" + alex, null);

        assertProblem(answer, 409, "grant-inherited-only");
        JsonNode teams = ServiceHttp.parse(answer.body()).get("teams");
        assertThat(teams).hasSize(1);
        assertThat(teams.get(0).get("id").asString()).isEqualTo(leadership.toString());
        assertThat(teams.get(0).get("displayName").asString()).isEqualTo("Sales Leadership");
        assertThat(simulator.requests().writes()).isEmpty();
    }

    @Test
    void revokingARoleHeldOnlyDirectlyAnswers204AndRepeatingItToo() {
        UUID isaiah = state.userIdByDomainName("isaiah.langer@contoso.com");
        String id = "/api/v1/grants/role:" + salesperson + ":assigned:account:" + isaiah;

        assertThat(send("DELETE", id, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", id, null).statusCode()).isEqualTo(204);

        assertThat(simulator.requests().writes()).hasSize(1);
        assertThat(changes())
                .isEqualTo(Change.userRoleRemoved(
                        new Link(isaiah, state.roleCopy("Salesperson", state.businessUnitId("Sales Europe")))));
    }

    @Test
    void revokingAGrantNobodyHoldsAnswers204AndSendsNothing() {
        HttpResponse<String> answer =
                send("DELETE", "/api/v1/grants/role:" + customizer + ":assigned:account:" + alex, null);

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(simulator.requests().writes()).isEmpty();
    }

    @Test
    void aMalformedGrantIdIsABadRequest() {
        assertProblem(send("DELETE", "/api/v1/grants/role:nope", null), 400, "invalid-id");
        assertThat(simulator.requests().writes()).isEmpty();
    }

    // Helpers

    private HttpResponse<String> grant(String resourceType, UUID resourceId, String principalType, UUID principalId) {
        return send("POST", "/api/v1/grants", body(resourceType, resourceId, principalType, principalId));
    }

    private static String body(String resourceType, UUID resourceId, String principalType, UUID principalId) {
        return "{\"resourceType\": \"" + resourceType + "\", \"resourceId\": \"" + resourceId
                + "\", \"principalType\": \"" + principalType + "\", \"principalId\": \"" + principalId + "\"}";
    }

    private HttpResponse<String> send(String method, String path, String json) {
        return http.send(method, path, json);
    }

    private Change changes() {
        return before.since(state);
    }

    /** The simulator logs a request when its answer has gone out; the late answer takes a few seconds. */
    private List<RecordedRequest> writesOnceTheLateAnswerIsLogged() {
        long giveUp = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (simulator.requests().writes().isEmpty() && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return simulator.requests().writes();
    }

    private UUID defaultTeamOf(UUID unit) {
        for (Map<String, Object> team : state.rows("teams")) {
            if (Boolean.TRUE.equals(team.get("isdefault")) && unit.equals(team.get("_businessunitid_value"))) {
                return (UUID) team.get("teamid");
            }
        }
        throw new AssertionError("no default team in " + unit);
    }

    static void assertProblem(HttpResponse<String> answer, int status, String kind) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ServiceHttp.parse(answer.body()).get("type").asString())
                .isEqualTo("urn:dynamics365-connector:problem:" + kind);
    }
}
