package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Roles, teams and business units of the service against its embedded simulator, over HTTP on both sides, compared
 * with the simulator's own tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class CatalogEndToEndTest {

    private static final List<String> TEAM_TYPES =
            List.of("OWNER", "ACCESS", "ENTRA_SECURITY_GROUP", "ENTRA_OFFICE_GROUP");
    private static final List<String> MEMBERSHIP_TYPES = List.of("MEMBERS_AND_GUESTS", "MEMBERS", "OWNERS", "GUESTS");

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    ServiceHttp http;

    @BeforeEach
    void connect() {
        http = new ServiceHttp(port);
    }

    // Roles

    @Test
    void listsOneRolePerRootCopyAcrossPages() {
        List<Map<String, Object>> roots = rows("roles").stream()
                .filter(row -> row.get("_parentroleid_value") == null)
                .toList();

        ServiceHttp.Listing listing = http.listAll("/api/v1/roles", "pageSize=7");

        assertThat(roots).hasSizeGreaterThan(7);
        assertThat(rows("roles")).hasSizeGreaterThan(roots.size());
        assertThat(listing.ids())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        roots.stream().map(row -> text(row, "roleid")).toList());
        assertThat(listing.pages()).isEqualTo((roots.size() + 6) / 7);
        Map<String, Map<String, Object>> byId = byId(roots, "roleid");
        for (JsonNode role : listing.items()) {
            Map<String, Object> row = byId.get(role.get("id").asString());
            assertThat(role.has("copies")).as("copies in a list").isFalse();
            assertThat(role.get("name").asString()).isEqualTo(row.get("name"));
            assertThat(role.at("/businessUnit/id").asString()).isEqualTo(text(row, "_businessunitid_value"));
            assertThat(role.get("managed").asBoolean()).isEqualTo(row.get("ismanaged"));
            assertThat(role.get("autoAssigned").asBoolean())
                    .isEqualTo(Integer.valueOf(1).equals(row.get("isautoassigned")));
            assertThat(role.get("inheritance").asString())
                    .isEqualTo(
                            Integer.valueOf(0).equals(row.get("isinherited"))
                                    ? "TEAM_PRIVILEGES_ONLY"
                                    : "DIRECT_USER_AND_TEAM_PRIVILEGES");
        }
        assertThat(listing.items())
                .extracting(role -> role.get("inheritance").asString())
                .contains("TEAM_PRIVILEGES_ONLY", "DIRECT_USER_AND_TEAM_PRIVILEGES");
        assertThat(listing.items())
                .extracting(role -> role.get("autoAssigned").asBoolean())
                .contains(true, false);
        assertThat(listing.items())
                .extracting(role -> role.get("managed").asBoolean())
                .contains(true, false);
    }

    @Test
    void everyCopyResolvesToItsLogicalRoleWithAllItsCopies() {
        Map<String, Set<String>> copiesByRoot = new HashMap<>();
        for (Map<String, Object> row : rows("roles")) {
            copiesByRoot
                    .computeIfAbsent(text(row, "_parentrootroleid_value"), root -> new HashSet<>())
                    .add(text(row, "roleid") + "@" + text(row, "_businessunitid_value"));
        }
        int units = rows("businessunits").size();
        Map<String, Map<String, Object>> roles = byId(rows("roles"), "roleid");

        for (Map<String, Object> copy : rows("roles")) {
            String root = text(copy, "_parentrootroleid_value");
            JsonNode role = http.json("/api/v1/roles/" + copy.get("roleid"));

            assertThat(role.get("id").asString())
                    .as("role of copy %s", copy.get("roleid"))
                    .isEqualTo(root);
            assertThat(role.get("name").asString()).isEqualTo(copy.get("name"));
            assertThat(role.at("/businessUnit/id").asString())
                    .as("the root copy's business unit")
                    .isEqualTo(text(roles.get(root), "_businessunitid_value"));
            List<String> listed = new ArrayList<>();
            role.get("copies")
                    .forEach(each -> listed.add(each.get("roleId").asString() + "@"
                            + each.get("businessUnitId").asString()));
            assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(copiesByRoot.get(root));
            assertThat(role.at("/copies/0/roleId").asString()).isEqualTo(root);
            assertThat(listed).hasSizeLessThanOrEqualTo(units);
        }
        assertThat(copiesByRoot.values()).anyMatch(copies -> copies.size() > 1);
    }

    @Test
    void resolvingACopyTakesTwoDataverseReadsHoweverManyCopiesThereAre() {
        Map<String, Object> copy = rows("roles").stream()
                .filter(row -> row.get("_parentroleid_value") != null)
                .findFirst()
                .orElseThrow();
        simulator.requests().clear();

        http.json("/api/v1/roles/" + copy.get("roleid"));

        assertThat(simulator.requests().dataverse()).hasSize(2);
    }

    @Test
    void searchesRoleNamesCaseInsensitivelyAsData() {
        Set<String> expected = rows("roles").stream()
                .filter(row -> row.get("_parentroleid_value") == null)
                .filter(row ->
                        row.get("name").toString().toLowerCase(Locale.ROOT).contains("sales"))
                .map(row -> text(row, "roleid"))
                .collect(Collectors.toSet());

        assertThat(expected).isNotEmpty();
        assertThat(http.listAll("/api/v1/roles", "search=SALES&pageSize=2").ids())
                .containsExactlyInAnyOrderElementsOf(expected);
        for (String hostile : List.of("' or 1 eq 1 or '", "%27", ")", "$filter=", "%", "_")) {
            assertThat(http.json("/api/v1/roles?search=" + encode(hostile)).get("items"))
                    .as("search %s", hostile)
                    .isEmpty();
        }
    }

    @Test
    void anUnknownRoleIsNotFoundEvenWhenTheIdIsAnotherTablesRecord() {
        String teamId = text(rows("teams").get(0), "teamid");

        for (String id : List.of(UUID.randomUUID().toString(), teamId)) {
            HttpResponse<String> response = http.get("/api/v1/roles/" + id);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(ServiceHttp.parse(response.body()).get("type").asString())
                    .isEqualTo("urn:dynamics365-connector:problem:role-not-found");
        }
    }

    // Teams

    @Test
    void listsEveryTeamAcrossPagesWithWhoManagesItsMembers() {
        List<Map<String, Object>> teams = rows("teams");

        ServiceHttp.Listing listing = http.listAll("/api/v1/teams", "pageSize=5");

        assertThat(listing.ids())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        teams.stream().map(row -> text(row, "teamid")).toList());
        Map<String, Map<String, Object>> byId = byId(teams, "teamid");
        for (JsonNode team : listing.items()) {
            assertTeamMatchesItsRow(team, byId.get(team.get("id").asString()));
        }
        assertThat(listing.items())
                .extracting(team -> team.get("type").asString())
                .containsAll(TEAM_TYPES);
        assertThat(listing.items())
                .extracting(team -> team.get("membershipManagedBy").asString())
                .contains("DATAVERSE", "BUSINESS_UNIT", "ENTRA_GROUP");
    }

    @Test
    void filtersTeamsByTypeInDataverse() {
        for (String type : TEAM_TYPES) {
            Set<String> expected = rows("teams").stream()
                    .filter(row -> TEAM_TYPES.get((Integer) row.get("teamtype")).equals(type))
                    .map(row -> text(row, "teamid"))
                    .collect(Collectors.toSet());

            ServiceHttp.Listing listing = http.listAll("/api/v1/teams", "type=" + type + "&pageSize=2");

            assertThat(expected).as(type).isNotEmpty();
            assertThat(listing.ids()).as(type).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void anEntraGroupTeamCarriesItsGroupAndMembershipType() {
        Map<String, Object> row = rows("teams").stream()
                .filter(each -> (Integer) each.get("teamtype") >= 2)
                .findFirst()
                .orElseThrow();

        JsonNode team = http.json("/api/v1/teams/" + row.get("teamid"));

        assertThat(team.get("membershipManagedBy").asString()).isEqualTo("ENTRA_GROUP");
        assertThat(team.get("entraObjectId").asString()).isEqualTo(text(row, "azureactivedirectoryobjectid"));
        assertThat(team.get("membershipType").asString()).isIn(MEMBERSHIP_TYPES);
        assertTeamMatchesItsRow(team, row);
    }

    @Test
    void everyBusinessUnitHasADefaultTeamManagedByTheUnit() {
        Set<String> units = rows("businessunits").stream()
                .map(row -> text(row, "businessunitid"))
                .collect(Collectors.toSet());

        List<JsonNode> defaults = http.listAll("/api/v1/teams", "type=OWNER").items().stream()
                .filter(team -> team.get("defaultBusinessUnitTeam").asBoolean())
                .toList();

        assertThat(defaults)
                .extracting(team -> team.at("/businessUnit/id").asString())
                .containsExactlyInAnyOrderElementsOf(units);
        assertThat(defaults)
                .allMatch(team -> team.get("membershipManagedBy").asString().equals("BUSINESS_UNIT"));
    }

    @Test
    void anUnknownTeamIsNotFound() {
        HttpResponse<String> response = http.get("/api/v1/teams/" + UUID.randomUUID());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ServiceHttp.parse(response.body()).get("type").asString())
                .isEqualTo("urn:dynamics365-connector:problem:team-not-found");
    }

    // Business units

    @Test
    void theBusinessUnitTreeMatchesTheSimulators() {
        List<Map<String, Object>> units = rows("businessunits");

        ServiceHttp.Listing listing = http.listAll("/api/v1/business-units", "pageSize=2");

        assertThat(listing.pages()).isEqualTo((units.size() + 1) / 2);
        Map<String, String> parents = new HashMap<>();
        for (JsonNode unit : listing.items()) {
            JsonNode parent = unit.get("parentId");
            parents.put(unit.get("id").asString(), parent.isNull() ? null : parent.asString());
        }
        Map<String, String> expected = new HashMap<>();
        units.forEach(row -> expected.put(text(row, "businessunitid"), text(row, "_parentbusinessunitid_value")));
        assertThat(parents).isEqualTo(expected);
        assertThat(parents.values().stream().filter(Objects::isNull)).hasSize(1);
        assertThat(listing.ids()).isSorted();

        Map<String, Map<String, Object>> byId = byId(units, "businessunitid");
        for (JsonNode unit : listing.items()) {
            Map<String, Object> row = byId.get(unit.get("id").asString());
            assertThat(unit.get("name").asString()).isEqualTo(row.get("name"));
            assertThat(unit.get("disabled").asBoolean()).isEqualTo(row.get("isdisabled"));
        }
    }

    @Test
    void getsEachBusinessUnitAndNotAnUnknownOne() {
        for (Map<String, Object> row : rows("businessunits")) {
            JsonNode unit = http.json("/api/v1/business-units/" + row.get("businessunitid"));
            assertThat(unit.get("name").asString()).isEqualTo(row.get("name"));
            assertThat(unit.get("parentId").isNull()).isEqualTo(row.get("_parentbusinessunitid_value") == null);
        }

        HttpResponse<String> response = http.get("/api/v1/business-units/" + UUID.randomUUID());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ServiceHttp.parse(response.body()).get("type").asString())
                .isEqualTo("urn:dynamics365-connector:problem:business-unit-not-found");
    }

    // The OpenAPI document

    @Test
    void theOpenApiDocumentDescribesTheCatalogueWithExamplesAndItsOwnNotFoundProblems() {
        JsonNode document = http.json("/v3/api-docs");

        Map<String, String> operations = Map.of(
                "/api/v1/roles", "listRoles",
                "/api/v1/roles/{id}", "getRole",
                "/api/v1/teams", "listTeams",
                "/api/v1/teams/{id}", "getTeam",
                "/api/v1/business-units", "listBusinessUnits",
                "/api/v1/business-units/{id}", "getBusinessUnit");
        operations.forEach((path, operationId) -> {
            JsonNode get = document.get("paths").get(path).get("get");
            assertThat(get.get("operationId").asString()).isEqualTo(operationId);
            assertThat(get.at("/responses/200/content/application~1json/examples")
                            .size())
                    .as(path)
                    .isPositive();
            assertThat(get.at("/responses/503/$ref").asString()).isEqualTo("#/components/responses/ServiceUnavailable");
        });
        assertThat(document.at("/paths/~1api~1v1~1roles~1{id}/get/responses/404/content/application~1problem+json"
                                + "/examples/role-not-found/value/type")
                        .asString())
                .isEqualTo("urn:dynamics365-connector:problem:role-not-found");
        assertThat(document.at("/paths/~1api~1v1~1teams/get/parameters").toString())
                .contains("ENTRA_SECURITY_GROUP", "ENTRA_OFFICE_GROUP");
        assertThat(document.at("/components/schemas/Role/properties/inheritance/enum")
                        .toString())
                .contains("TEAM_PRIVILEGES_ONLY", "DIRECT_USER_AND_TEAM_PRIVILEGES");
        assertThat(document.at("/components/schemas/Team/properties/membershipManagedBy/enum")
                        .toString())
                .contains("DATAVERSE", "BUSINESS_UNIT", "ENTRA_GROUP");
    }

    private void assertTeamMatchesItsRow(JsonNode team, Map<String, Object> row) {
        String type = TEAM_TYPES.get((Integer) row.get("teamtype"));
        boolean isDefault = Boolean.TRUE.equals(row.get("isdefault"));
        boolean entra = type.startsWith("ENTRA_");
        String id = team.get("id").asString();

        assertThat(team.get("name").asString()).as(id).isEqualTo(row.get("name"));
        assertThat(team.get("type").asString()).as(id).isEqualTo(type);
        assertThat(team.at("/businessUnit/id").asString()).as(id).isEqualTo(text(row, "_businessunitid_value"));
        assertThat(team.get("defaultBusinessUnitTeam").asBoolean()).as(id).isEqualTo(isDefault);
        assertThat(team.get("membershipManagedBy").asString())
                .as(id)
                .isEqualTo(isDefault ? "BUSINESS_UNIT" : entra ? "ENTRA_GROUP" : "DATAVERSE");
        assertThat(nullableText(team.get("entraObjectId"))).as(id).isEqualTo(text(row, "azureactivedirectoryobjectid"));
        assertThat(nullableText(team.get("membershipType")))
                .as(id)
                .isEqualTo(entra ? MEMBERSHIP_TYPES.get((Integer) row.get("membershiptype")) : null);
        assertThat(nullableText(team.at("/administrator/id"))).as(id).isEqualTo(text(row, "_administratorid_value"));
    }

    private List<Map<String, Object>> rows(String entitySet) {
        return simulator.state().rows(entitySet);
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> rows, String key) {
        return rows.stream().collect(Collectors.toMap(row -> text(row, key), row -> row));
    }

    private static @Nullable String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }

    private static @Nullable String nullableText(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
