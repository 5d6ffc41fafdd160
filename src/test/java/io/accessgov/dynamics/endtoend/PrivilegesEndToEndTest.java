package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.SimulatorState;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Privileges over HTTP against the embedded simulator (docs/api.md §10), compared with a computation from the
 * simulator's own tables ({@link ExpectedPrivileges}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class PrivilegesEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    ServiceHttp http;
    SimulatorState state;

    @BeforeEach
    void connect() {
        http = new ServiceHttp(port);
        state = simulator.state();
    }

    @Test
    void aRoleListsItsPrivilegesWithTablesAndDepthsFromAnyCopy() {
        UUID sales = state.businessUnitId("Sales");
        UUID copy = state.roleCopy("Salesperson", sales);
        Map<String, String> expected = new HashMap<>();
        state.rolePrivileges(copy).forEach((name, mask) -> expected.put(name, ExpectedPrivileges.depth(mask)));

        ServiceHttp.Listing listing = http.listAll("/api/v1/roles/" + copy + "/privileges", "pageSize=7");

        assertThat(listing.pages()).isGreaterThan(1);
        Map<String, String> listed = listing.items().stream()
                .collect(Collectors.toMap(item -> item.get("name").asString(), item -> item.get("depth")
                        .asString()));
        assertThat(listed).isEqualTo(expected);
        JsonNode readAccount = item(listing, "prvReadAccount");
        assertThat(readAccount.get("table").asString()).isEqualTo("account");
        assertThat(readAccount.get("access").asString()).isEqualTo("READ");
        assertThat(item(listing, "prvReadContact").get("access").asString()).isEqualTo("READ");
        assertThat(http.listAll("/api/v1/roles/" + state.rootRole(copy) + "/privileges", "pageSize=1000")
                        .items())
                .isEqualTo(listing.items());
    }

    @Test
    void aTableIsTheOneItsDefinitionNamesAndRightsOnNoTableHaveNeither() {
        UUID admin = state.roleCopy("System Administrator", state.rootBusinessUnitId());

        ServiceHttp.Listing listing = http.listAll("/api/v1/roles/" + admin + "/privileges", "pageSize=1000");

        assertThat(item(listing, "prvReadUser").get("table").asString()).isEqualTo("systemuser");
        assertThat(item(listing, "prvDeleteAccount").get("access").asString()).isEqualTo("DELETE");
        JsonNode excel = item(listing, "prvExportToExcel");
        assertThat(excel.get("table").isNull()).isTrue();
        assertThat(excel.get("access").isNull()).isTrue();
    }

    @Test
    void anAccountsPrivilegesEqualTheComputationFromTheTablesWithEverySource() {
        ExpectedPrivileges expected = new ExpectedPrivileges(state);
        for (String person : new String[] {"emily.braun@contoso.com", "alex.wilber@contoso.com"}) {
            UUID user = state.userIdByDomainName(person);
            Map<String, ExpectedPrivileges.Held> held = expected.of(user);

            ServiceHttp.Listing listing = http.listAll("/api/v1/accounts/" + user + "/privileges", "pageSize=100");

            assertThat(listing.items()).hasSize(held.size());
            for (JsonNode item : listing.items()) {
                ExpectedPrivileges.Held want = held.get(item.get("name").asString());
                assertThat(want).as(item.get("name").asString()).isNotNull();
                assertThat(item.get("depth").asString())
                        .as(item.get("name").asString())
                        .isEqualTo(want.depth());
                assertThat(sources(item)).isEqualTo(want.sources());
            }
        }
    }

    @Test
    void aTeamRoleWithTeamPrivilegesOnlyIsScopedAndDoesNotRaiseTheDepth() {
        UUID team = state.teamId("Data Quality");
        UUID salesManager = state.roleCopy("Sales Manager", state.businessUnitId("Sales"));
        UUID emily = state.userIdByDomainName("emily.braun@contoso.com");
        state.addTeamRole(team, salesManager);
        try {
            Map<String, ExpectedPrivileges.Held> held = new ExpectedPrivileges(state).of(emily);
            ServiceHttp.Listing listing = http.listAll("/api/v1/accounts/" + emily + "/privileges", "pageSize=1000");

            long scoped = listing.items().stream()
                    .flatMap(item -> sources(item).stream())
                    .filter(source -> source.endsWith("|TEAM_OWNED_RECORDS"))
                    .count();
            assertThat(scoped).isPositive();
            for (JsonNode item : listing.items()) {
                ExpectedPrivileges.Held want = held.get(item.get("name").asString());
                assertThat(item.get("depth").asString()).isEqualTo(want.depth());
                assertThat(sources(item)).isEqualTo(want.sources());
            }
        } finally {
            state.removeTeamRole(team, salesManager);
        }
    }

    @Test
    void filtersAnAccountsPrivilegesByTableAndAccess() {
        UUID emily = state.userIdByDomainName("emily.braun@contoso.com");

        JsonNode page = http.json("/api/v1/accounts/" + emily + "/privileges?table=Account&access=DELETE");

        assertThat(page.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("name").asString()).isEqualTo("prvDeleteAccount");
            assertThat(item.get("depth").asString()).isEqualTo("ORGANIZATION");
            assertThat(sources(item)).contains("Data Steward|team:Data Quality|ORGANIZATION");
        });
    }

    @Test
    void theHoldersOfOrganisationWideAccountDeletionAreExactlyThoseTheTablesGive() {
        ExpectedPrivileges expected = new ExpectedPrivileges(state);
        Set<String> inScope = http.listAll("/api/v1/accounts", "pageSize=1000").items().stream()
                .map(account -> account.get("id").asString())
                .collect(Collectors.toSet());
        Set<String> want = new TreeSet<>();
        for (Map<String, Object> user : state.rows("systemusers")) {
            UUID id = (UUID) user.get("systemuserid");
            ExpectedPrivileges.Held held = expected.of(id).get("prvDeleteAccount");
            if (held != null
                    && ExpectedPrivileges.atLeast(held.depth(), "ORGANIZATION")
                    && inScope.contains(id.toString())) {
                want.add(id.toString());
            }
        }

        ServiceHttp.Listing holders = http.listAll(
                "/api/v1/privilege-holders", "table=account&access=DELETE&minDepth=ORGANIZATION&pageSize=2");

        assertThat(want)
                .contains(state.userIdByDomainName("emily.braun@contoso.com").toString());
        assertThat(holders.items())
                .extracting(holder -> holder.at("/account/id").asString())
                .containsExactlyElementsOf(want);
        assertThat(holders.items())
                .allSatisfy(holder -> assertThat(holder.get("depth").asString()).isEqualTo("ORGANIZATION"));
        assertThat(http.listAll("/api/v1/privilege-holders", "privilege=PRVDELETEACCOUNT&minDepth=ORGANIZATION")
                        .items())
                .isEqualTo(holders.items());
    }

    @Test
    void badQuestionsAreProblemsThatSendNothing() {
        UUID emily = state.userIdByDomainName("emily.braun@contoso.com");
        simulator.requests().clear();

        assertProblem(
                http.get("/api/v1/privilege-holders?table=account&access=DELETE&privilege=prvDeleteAccount"), 400);
        assertProblem(http.get("/api/v1/privilege-holders?table=account"), 400);
        assertProblem(http.get("/api/v1/privilege-holders?table=account&access=ERASE"), 400);
        assertProblem(http.get("/api/v1/privilege-holders?privilege=prvDeleteAccount&minDepth=GLOBAL"), 400);
        assertThat(simulator.requests().dataverse()).isEmpty();

        HttpResponse<String> unknownTable = http.get("/api/v1/privilege-holders?table=acount&access=DELETE");
        assertProblem(unknownTable, 400);
        assertThat(unknownTable.body()).contains("'acount'");
        assertProblem(http.get("/api/v1/privilege-holders?privilege=prvFlyToTheMoon"), 400);
        assertProblem(http.get("/api/v1/accounts/" + emily + "/privileges?table=nosuchtable"), 400);
        assertProblem(http.get("/api/v1/accounts/" + UUID.randomUUID() + "/privileges"), 404);
        assertProblem(http.get("/api/v1/roles/" + UUID.randomUUID() + "/privileges"), 404);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static JsonNode item(ServiceHttp.Listing listing, String name) {
        return listing.items().stream()
                .filter(item -> item.get("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    /** The sources as "role|via|depth|scope" strings, as {@link ExpectedPrivileges} writes them. */
    private static Set<String> sources(JsonNode item) {
        Set<String> sources = new TreeSet<>();
        for (JsonNode source : item.get("sources")) {
            JsonNode via = source.get("via");
            String how = via.get("type").asString().equals("direct")
                    ? "direct"
                    : "team:" + via.get("displayName").asString();
            JsonNode scope = source.get("scope");
            sources.add(source.at("/role/name").asString() + "|" + how + "|"
                    + source.get("depth").asString() + (scope == null || scope.isNull() ? "" : "|" + scope.asString()));
        }
        return sources;
    }
}
