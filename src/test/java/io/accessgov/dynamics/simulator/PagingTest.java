package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.errorMessage;
import static io.accessgov.dynamics.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PagingTest {

    static DataverseSimulator simulator;
    static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = DataverseSimulator.start(0);
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** Follows every nextLink verbatim and returns the ids of all rows, in order. */
    static List<String> readAll(String first, String keyColumn, int pageSize) {
        List<String> ids = new ArrayList<>();
        HttpResponse<String> response = client.get(first, "Prefer", "odata.maxpagesize=" + pageSize);
        while (true) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json(response.body());
            assertThat(body.get("value").size()).isLessThanOrEqualTo(pageSize);
            body.get("value").forEach(row -> ids.add(row.get(keyColumn).stringValue()));
            JsonNode next = body.get("@odata.nextLink");
            if (next == null) {
                return ids;
            }
            response = client.getUrl(next.stringValue(), "Prefer", "odata.maxpagesize=" + pageSize);
        }
    }

    @Test
    void followingNextLinksVerbatimReadsEveryRowOnce() {
        List<String> ids = readAll("systemusers?$select=fullname", "systemuserid", 7);
        assertThat(ids)
                .doesNotHaveDuplicates()
                .isSorted()
                .hasSize(simulator.state().count("systemusers"));
    }

    @Test
    void pagingKeepsTheFilter() {
        List<String> ids = readAll("systemusers?$select=fullname&$filter=isdisabled%20eq%20false", "systemuserid", 4);
        long enabled = simulator.state().rows("systemusers").stream()
                .filter(row -> Boolean.FALSE.equals(row.get("isdisabled")))
                .count();
        assertThat(ids).doesNotHaveDuplicates().hasSize((int) enabled);
    }

    @Test
    void nextLinkIsAbsoluteRepeatsTheQueryAndCarriesTheReferenceCookie() {
        HttpResponse<String> response = client.get(
                "systemusers?$select=fullname&$filter=isdisabled%20eq%20false", "Prefer", "odata.maxpagesize=5");
        assertThat(response.headers().firstValue("Preference-Applied")).contains("odata.maxpagesize=5");
        String next = json(response.body()).get("@odata.nextLink").stringValue();
        String expectedStart = simulator.webApiUrl()
                + "systemusers?$select=fullname&$filter=isdisabled%20eq%20false"
                + "&$skiptoken=%3Ccookie%20pagenumber=%222%22%20pagingcookie=%22%253ccookie%2520page%253d"
                + "%25221%2522%253e%253csystemuserid%2520last%253d%2522%257b";
        assertThat(next).startsWith(expectedStart);
        assertThat(next).endsWith("%22%20istracking=%22False%22%20/%3E");
        String third = json(client.getUrl(next, "Prefer", "odata.maxpagesize=5").body())
                .get("@odata.nextLink")
                .stringValue();
        assertThat(third).contains("pagenumber=%223%22", "page%253d%25222%2522");
    }

    @Test
    void reEncodedNextLinkIsRefused() {
        String next = json(client.get("systemusers?$select=fullname", "Prefer", "odata.maxpagesize=5")
                        .body())
                .get("@odata.nextLink")
                .stringValue();
        HttpResponse<String> reEncoded = client.getUrl(next.replace("%", "%25"), "Prefer", "odata.maxpagesize=5");
        assertThat(reEncoded.statusCode()).isEqualTo(400);
        HttpResponse<String> partly = client.getUrl(next.replace("%3C", "%253C"), "Prefer", "odata.maxpagesize=5");
        assertThat(partly.statusCode()).isEqualTo(400);
        assertThat(errorMessage(partly)).contains("$skiptoken");
    }

    @Test
    void alteredCookieOrMovedQueryIsRefused() {
        String next = json(client.get("systemusers?$select=fullname", "Prefer", "odata.maxpagesize=5")
                        .body())
                .get("@odata.nextLink")
                .stringValue();
        int at = next.indexOf("last%253d%2522%257b") + "last%253d%2522%257b".length();
        char c = next.charAt(at);
        String altered = next.substring(0, at) + (c == '0' ? '1' : '0') + next.substring(at + 1);
        assertThat(client.getUrl(altered, "Prefer", "odata.maxpagesize=5").statusCode())
                .isEqualTo(400);
        String moved = next.replace("$select=fullname", "$select=fullname,title");
        assertThat(client.getUrl(moved, "Prefer", "odata.maxpagesize=5").statusCode())
                .isEqualTo(400);
    }

    @Test
    void skipIsNotSupported() {
        HttpResponse<String> response = client.get("systemusers?$select=fullname&$skip=10");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response)).isEqualTo("Skip Clause is not supported in CRM");
    }

    @Test
    void pageSizeAboveTheMaximumIsCapped() {
        HttpResponse<String> response = client.get("roles?$select=name", "Prefer", "odata.maxpagesize=50000");
        assertThat(response.headers().firstValue("Preference-Applied")).contains("odata.maxpagesize=5000");
        assertThat(json(response.body()).get("value").size())
                .isEqualTo(simulator.state().count("roles"));
    }

    @Test
    void topAloneReturnsTheFirstRowsWithoutALink() {
        JsonNode body = json(client.get("roles?$select=name&$top=3").body());
        assertThat(body.get("value").size()).isEqualTo(3);
        assertThat(body.has("@odata.nextLink")).isFalse();
    }

    @Test
    void topWithMaxPageSizeFollowsTheSwitch() {
        JsonNode ignored = json(client.get("roles?$select=name&$top=3", "Prefer", "odata.maxpagesize=10")
                .body());
        assertThat(ignored.get("value").size()).isEqualTo(10);
        assertThat(ignored.has("@odata.nextLink")).isTrue();
        simulator.behaviour().topWithMaxPageSize(Behaviour.TopWithMaxPageSize.TOP_WINS);
        try {
            JsonNode wins = json(client.get("roles?$select=name&$top=3", "Prefer", "odata.maxpagesize=10")
                    .body());
            assertThat(wins.get("value").size()).isEqualTo(3);
            assertThat(wins.has("@odata.nextLink")).isFalse();
        } finally {
            simulator.behaviour().topWithMaxPageSize(Behaviour.TopWithMaxPageSize.TOP_IGNORED);
        }
    }

    @Test
    void countTellsTheTotalOnEveryPage() {
        JsonNode body = json(client.get("teams?$select=name&$count=true", "Prefer", "odata.maxpagesize=2")
                .body());
        assertThat(body.get("@odata.count").asInt()).isEqualTo(simulator.state().count("teams"));
        assertThat(body.get("value").size()).isEqualTo(2);
    }

    @Test
    void userRolesAreReadThroughTheNavigationProperty() {
        UUID alex = simulator.state().userIdByDomainName("alex.wilber@contoso.com");
        JsonNode body = json(client.get(
                        "systemusers(" + alex + ")/systemuserroles_association?$select=name," + "_businessunitid_value")
                .body());
        List<String> names = new ArrayList<>();
        body.get("value").forEach(role -> names.add(role.get("name").stringValue()));
        assertThat(names).containsExactlyInAnyOrder("Basic User", "Salesperson");
        assertThat(body.get("value").get(0).has("roleid")).isTrue();
        assertThat(body.get("@odata.context").stringValue()).endsWith("$metadata#roles(name,_businessunitid_value)");
    }

    @Test
    void teamMembersAndTeamRolesAreReadThroughNavigation() {
        UUID leadership = simulator.state().teamId("Sales Leadership");
        JsonNode members = json(client.get("teams(" + leadership + ")/teammembership_association?$select=fullname")
                        .body())
                .get("value");
        assertThat(members.size()).isEqualTo(5);
        JsonNode roles = json(client.get("teams(" + leadership + ")/teamroles_association?$select=name")
                        .body())
                .get("value");
        assertThat(roles.findValuesAsString("name")).containsExactlyInAnyOrder("Salesperson", "Sales Manager");
        UUID alex = simulator.state().userIdByDomainName("alex.wilber@contoso.com");
        JsonNode teams = json(client.get("systemusers(" + alex + ")/teammembership_association?$select=name")
                        .body())
                .get("value");
        assertThat(teams.findValuesAsString("name")).contains("Sales", "Sales Leadership", "Dynamics Sales Users");
    }

    @Test
    void holdersOfARolePageThroughNavigation() {
        UUID sales = simulator.state().businessUnitId("Sales Europe");
        UUID basicUser = simulator.state().roleCopy("Basic User", sales);
        List<String> holders =
                readAll("roles(" + basicUser + ")/systemuserroles_association?$select=fullname", "systemuserid", 2);
        long expected = simulator.state().userRoles().stream()
                .filter(l -> l.right().equals(basicUser))
                .count();
        assertThat(holders).hasSize((int) expected).doesNotHaveDuplicates();
        assertThat(expected).isGreaterThan(2);
    }

    @Test
    void navigationFromAMissingRecordIs404() {
        HttpResponse<String> response = client.get("teams(" + UUID.randomUUID() + ")/teammembership_association");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errorMessage(response)).startsWith("team With Id = ");
        assertThat(client.get("teams(" + simulator.state().teamId("Sales Leadership") + ")/members")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void intersectSetsAreReadDirectlyWithPlainIdColumns() {
        UUID alex = simulator.state().userIdByDomainName("alex.wilber@contoso.com");
        JsonNode rows = json(client.get(
                                "systemuserrolescollection?$select=systemuserid,roleid&$filter=systemuserid%20eq%20"
                                        + alex)
                        .body())
                .get("value");
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).has("systemuserroleid")).isTrue();
        assertThat(rows.get(0).get("systemuserid").stringValue()).isEqualTo(alex.toString());
    }

    @Test
    void expandOfRolesOnASingleUserListsThem() {
        UUID alex = simulator.state().userIdByDomainName("alex.wilber@contoso.com");
        JsonNode user = json(client.get("systemusers(" + alex + ")?$select=fullname"
                        + "&$expand=systemuserroles_association($select=name,_businessunitid_value)")
                .body());
        assertThat(user.get("systemuserroles_association").findValuesAsString("name"))
                .containsExactlyInAnyOrder("Basic User", "Salesperson");
        assertThat(user.get("systemuserroles_association").get(0).has("roleid")).isTrue();
    }

    @Test
    void expandOnASetFiltersInsideAndRefusesNesting() {
        UUID leadership = simulator.state().teamId("Sales Leadership");
        JsonNode teams = json(client.get(
                        "teams?$select=name&$filter=teamid%20eq%20" + leadership
                                + "&$expand=teammembership_association($select=fullname;"
                                + "$filter=startswith(fullname,'A'))",
                        "Prefer",
                        "odata.maxpagesize=1")
                .body());
        assertThat(teams.get("value").get(0).get("teammembership_association").findValuesAsString("fullname"))
                .containsExactlyInAnyOrder("Alex Wilber", "Adele Vance");
        HttpResponse<String> nested =
                client.get("teams?$expand=teammembership_association($expand=systemuserroles_association)");
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(client.get("teams?$expand=nothing").statusCode()).isEqualTo(400);
    }
}
