package io.accessgov.dynamics.scim;

import static io.accessgov.dynamics.scim.ScimDiscoveryEndToEndTest.assertScimError;
import static io.accessgov.dynamics.scim.ScimUsersEndToEndTest.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SCIM Groups equal the REST API's teams and their members its member grants (docs/scim.md). */
class ScimGroupsEndToEndTest {

    private static ScimService service;

    @BeforeAll
    static void start() {
        service = ScimService.open();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void everyRestTeamIsAGroupWithTheSameMembers() {
        List<JsonNode> teams = new ArrayList<>();
        service.json("/api/v1/teams?pageSize=1000").get("items").forEach(teams::add);

        JsonNode groups = service.json("/scim/v2/Groups?count=1000");

        assertThat(groups.get("totalResults").asInt()).isEqualTo(teams.size());
        for (int i = 0; i < teams.size(); i++) {
            JsonNode team = teams.get(i);
            JsonNode group = groups.get("Resources").get(i);
            assertThat(group.get("id").asString()).isEqualTo(team.get("id").asString());
            assertThat(group.get("displayName").asString())
                    .isEqualTo(team.get("name").asString());
            assertThat(group.path("externalId").asString(null))
                    .isEqualTo(
                            team.get("entraObjectId").isNull()
                                    ? null
                                    : team.get("entraObjectId").asString());
            assertThat(memberIds(group)).isEqualTo(restMembers(team.get("id").asString()));
        }
    }

    @Test
    void aPageOfGroupsReadsEveryTeamsMembersTogether() {
        service.json("/scim/v2/Groups?count=1000"); // signs in and counts the list: not the question here
        service.contoso.requests().clear();

        JsonNode groups = service.json("/scim/v2/Groups?count=1000");

        assertThat(groups.get("totalResults").asInt()).isGreaterThan(6);
        assertThat(service.contoso.requests().dataverse())
                .as("a few requests for the whole page, not a few per group")
                .hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void membersCarryTheirDisplayNameAndAReferenceToTheUser() {
        JsonNode group = groupWithMembers();
        JsonNode member = group.get("members").get(0);
        String id = member.get("value").asString();

        assertThat(member.get("$ref").asString()).isEqualTo(service.base() + "/scim/v2/Users/" + id);
        assertThat(member.get("display").asString())
                .isEqualTo(service.json("/api/v1/accounts/" + id)
                        .get("displayName")
                        .asString());
    }

    @Test
    void excludedAttributesMembersLeavesTheMembersOutAndDoesNotReadThem() {
        JsonNode group = groupWithMembers();
        service.contoso.requests().clear();

        JsonNode list = service.json("/scim/v2/Groups?excludedAttributes=members&filter="
                + encode("displayName eq \"" + group.get("displayName").asString() + "\""));

        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        assertThat(list.at("/Resources/0").has("members")).isFalse();
        assertThat(list.at("/Resources/0/displayName").asString())
                .isEqualTo(group.get("displayName").asString());
        assertThat(service.contoso.requests().dataverse())
                .as("the team alone is read")
                .hasSize(1);
    }

    @Test
    void anEntraGroupTeamIsFoundByItsGroupsObjectId() {
        JsonNode entraTeam = null;
        for (JsonNode team : service.json("/api/v1/teams?pageSize=1000").get("items")) {
            if (!team.get("entraObjectId").isNull()) {
                entraTeam = team;
            }
        }
        assertThat(entraTeam).isNotNull();

        JsonNode list = service.json("/scim/v2/Groups?filter="
                + encode("externalId eq \"" + entraTeam.get("entraObjectId").asString() + "\""));

        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        assertThat(list.at("/Resources/0/id").asString())
                .isEqualTo(entraTeam.get("id").asString());
    }

    @Test
    void aGroupIsReadByIdWithItsVersion() {
        JsonNode group = groupWithMembers();
        var response = service.get("/scim/v2/Groups/" + group.get("id").asString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag"))
                .hasValue(group.at("/meta/version").asString());
        assertThat(ScimService.parse(response.body()).at("/meta/resourceType").asString())
                .isEqualTo("Group");
    }

    @Test
    void groupFiltersThisServiceDoesNotUnderstandAreInvalidFilters() {
        assertScimError(service.get("/scim/v2/Groups?filter=" + encode("displayName co \"x\"")), 400, "invalidFilter");
        assertScimError(
                service.get("/scim/v2/Groups?filter=" + encode("members.value eq \"x\"")), 400, "invalidFilter");
        assertScimError(service.get("/scim/v2/Groups/not-a-guid"), 404, null);
    }

    static JsonNode groupWithMembers() {
        for (JsonNode group : service.json("/scim/v2/Groups?count=1000").get("Resources")) {
            if (group.path("members").size() > 1) {
                return group;
            }
        }
        throw new AssertionError("the demo organisation has a team with members");
    }

    static List<String> memberIdsOf(JsonNode group) {
        return memberIds(group);
    }

    static List<String> memberIds(JsonNode group) {
        List<String> ids = new ArrayList<>();
        group.path("members").forEach(member -> ids.add(member.get("value").asString()));
        return ids.stream().sorted().toList();
    }

    static List<String> restMembers(String teamId) {
        return restMembers(service, teamId);
    }

    static List<String> restMembers(ScimService service, String teamId) {
        List<String> ids = new ArrayList<>();
        service.json("/api/v1/grants?resourceType=team&pageSize=1000&resourceId=" + teamId)
                .get("items")
                .forEach(grant -> ids.add(grant.at("/principal/id").asString()));
        return ids.stream().sorted().toList();
    }
}
