package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.errorCode;
import static io.accessgov.dynamics.simulator.SimulatorClient.errorMessage;
import static io.accessgov.dynamics.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ColumnSecurityTest {

    DataverseSimulator simulator;
    SimulatorClient client;
    SimulatorState state;
    Set<Link> userProfilesBefore;
    Set<Link> teamProfilesBefore;

    @BeforeEach
    void start() {
        simulator = DataverseSimulator.start(0);
        client = new SimulatorClient(simulator);
        state = simulator.state();
        userProfilesBefore = new HashSet<>(state.userProfiles());
        teamProfilesBefore = new HashSet<>(state.teamProfiles());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    UUID user(String upn) {
        return state.userIdByDomainName(upn);
    }

    String ref(String set, UUID id) {
        return "{\"@odata.id\":\"" + simulator.webApiUrl() + set + "(" + id + ")\"}";
    }

    JsonNode values(String query, String... headers) {
        HttpResponse<String> response = client.get(query, headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).get("value");
    }

    void assertNothingChanged() {
        assertThat(state.userProfiles()).isEqualTo(userProfilesBefore);
        assertThat(state.teamProfiles()).isEqualTo(teamProfilesBefore);
    }

    @Test
    void theOutOfBoxSystemAdministratorProfileOpensEverySecuredColumn() {
        JsonNode profiles = values(
                "fieldsecurityprofiles?$select=name,ismanaged,modifiedon&$filter=name%20eq%20'System%20Administrator'");
        assertThat(profiles.size()).isEqualTo(1);
        assertThat(profiles.get(0).get("ismanaged").asBoolean()).isTrue();
        assertThat(profiles.get(0).get("modifiedon").stringValue()).endsWith("Z");
        String id = profiles.get(0).get("fieldsecurityprofileid").stringValue();
        JsonNode permissions = values("fieldpermissions?$select=entityname,attributelogicalname,canread,cancreate,"
                + "canupdate,canreadunmasked&$filter=_fieldsecurityprofileid_value%20eq%20" + id);
        assertThat(permissions.size()).isEqualTo(DemoSecurity.SECURED_COLUMNS.size());
        for (JsonNode permission : permissions) {
            assertThat(permission.get("canread").asInt()).isEqualTo(4);
            assertThat(permission.get("cancreate").asInt()).isEqualTo(4);
            assertThat(permission.get("canupdate").asInt()).isEqualTo(4);
            assertThat(permission.get("canreadunmasked").asInt()).isEqualTo(3);
        }
    }

    @Test
    void identityVerificationReadsTheGovernmentIdUnmaskedForAPersonAndATeam() {
        UUID profile = state.profileId("Identity Verification");
        JsonNode permission = values(
                        "fieldpermissions?$filter=_fieldsecurityprofileid_value%20eq%20" + profile,
                        "Prefer",
                        "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"")
                .get(0);
        assertThat(permission.get("entityname").stringValue()).isEqualTo("contact");
        assertThat(permission.get("attributelogicalname").stringValue()).isEqualTo("governmentid");
        assertThat(permission.get("canreadunmasked").asInt()).isEqualTo(3);
        assertThat(permission
                        .get("canreadunmasked@OData.Community.Display.V1.FormattedValue")
                        .stringValue())
                .isEqualTo("All Records");
        assertThat(permission
                        .get("canupdate@OData.Community.Display.V1.FormattedValue")
                        .stringValue())
                .isEqualTo("Not Allowed");
        assertThat(permission
                        .get("_fieldsecurityprofileid_value@OData.Community.Display.V1.FormattedValue")
                        .stringValue())
                .isEqualTo("Identity Verification");

        JsonNode people = values("systemuserprofilescollection?$filter=fieldsecurityprofileid%20eq%20" + profile);
        assertThat(people.size()).isEqualTo(1);
        assertThat(people.get(0).get("systemuserid").stringValue())
                .isEqualTo(user("julia.szabo@contoso.com").toString());
        JsonNode teams = values("fieldsecurityprofiles(" + profile + ")/teamprofiles_association?$select=name");
        assertThat(teams.size()).isEqualTo(1);
        assertThat(teams.get(0).get("name").stringValue()).isEqualTo("Service Escalations");
        JsonNode ofJulia = values(
                "systemusers(" + user("julia.szabo@contoso.com") + ")/systemuserprofiles_association?$select=name");
        assertThat(ofJulia.get(0).get("name").stringValue()).isEqualTo("Identity Verification");
    }

    @Test
    void noAccessTeamHoldsAProfile() {
        Set<String> accessTeams = values("teams?$select=name&$filter=teamtype%20eq%201")
                .valueStream()
                .map(t -> t.get("teamid").stringValue())
                .collect(Collectors.toSet());
        assertThat(accessTeams).isNotEmpty();
        assertThat(values("teamprofilescollection?$select=teamid").valueStream())
                .isNotEmpty()
                .noneMatch(link -> accessTeams.contains(link.get("teamid").stringValue()));
    }

    @Test
    void aProfileIsGivenToAndTakenFromAUserWithBothDisassociateForms() {
        UUID miriam = user("miriam.graham@contoso.com");
        UUID credit = state.profileId("Credit Control");
        String nav = "systemusers(" + miriam + ")/systemuserprofiles_association";
        HttpResponse<String> add = client.post(nav + "/$ref", ref("fieldsecurityprofiles", credit));
        assertThat(add.statusCode()).isEqualTo(204);
        assertThat(values("systemuserprofilescollection?$filter=systemuserid%20eq%20" + miriam)
                        .size())
                .isEqualTo(1);

        HttpResponse<String> again = client.post(nav + "/$ref", ref("fieldsecurityprofiles", credit));
        assertThat(again.statusCode()).isEqualTo(412);
        assertThat(errorCode(again)).isEqualTo("0x80040237");

        assertThat(client.delete(nav + "(" + credit + ")/$ref").statusCode()).isEqualTo(204);
        assertNothingChanged();
        assertThat(client.post(nav + "/$ref", ref("fieldsecurityprofiles", credit))
                        .statusCode())
                .isEqualTo(204);
        assertThat(client.delete(nav + "/$ref?$id=" + simulator.webApiUrl() + "fieldsecurityprofiles(" + credit + ")")
                        .statusCode())
                .isEqualTo(204);
        assertNothingChanged();

        assertThat(client.delete(nav + "(" + credit + ")/$ref").statusCode()).isEqualTo(204);
        simulator.behaviour().missingLink(Behaviour.MissingLink.REJECT);
        HttpResponse<String> missing = client.delete(nav + "(" + credit + ")/$ref");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(errorCode(missing)).isEqualTo("0x80040217");
    }

    @Test
    void aProfileIsGivenToAndTakenFromAnOwnerTeam() {
        UUID team = state.teamId("Sales Leadership");
        UUID compensation = state.profileId("Sales Compensation");
        String nav = "teams(" + team + ")/teamprofiles_association";
        assertThat(client.post(nav + "/$ref", ref("fieldsecurityprofiles", compensation))
                        .statusCode())
                .isEqualTo(204);
        assertThat(state.teamProfiles()).contains(new Link(team, compensation));
        assertThat(values("fieldsecurityprofiles(" + compensation + ")/teamprofiles_association?$select=name")
                        .valueStream()
                        .map(t -> t.get("name").stringValue()))
                .containsExactlyInAnyOrder("Sales Leadership", "Dynamics Sales Users");
        assertThat(client.delete(nav + "(" + compensation + ")/$ref").statusCode())
                .isEqualTo(204);
        assertNothingChanged();
    }

    @Test
    void anAccessTeamCannotHoldAProfile() {
        UUID access = state.teamId("Key Account Collaboration");
        HttpResponse<String> response = client.post(
                "teams(" + access + ")/teamprofiles_association/$ref",
                ref("fieldsecurityprofiles", state.profileId("Credit Control")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("0x80048331");
        assertThat(errorMessage(response)).contains("roles or profiles", access.toString());
        assertNothingChanged();
    }

    @Test
    void systemAndIntegrationUsersCannotBeGivenAProfile() {
        UUID system = UUID.fromString(values("systemusers?$select=fullname&$filter=fullname%20eq%20'SYSTEM'")
                .get(0)
                .get("systemuserid")
                .stringValue());
        HttpResponse<String> response = client.post(
                "systemusers(" + system + ")/systemuserprofiles_association/$ref",
                ref("fieldsecurityprofiles", state.profileId("Credit Control")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("0x80041D33");
        assertNothingChanged();
    }

    @Test
    void missingRecordsAreNotFoundAndNothingChanges() {
        UUID nobody = UUID.fromString("6b1c2a1e-0000-4000-8000-000000000001");
        HttpResponse<String> profile = client.post(
                "systemusers(" + user("lee.gu@contoso.com") + ")/systemuserprofiles_association/$ref",
                ref("fieldsecurityprofiles", nobody));
        assertThat(profile.statusCode()).isEqualTo(404);
        assertThat(errorCode(profile)).isEqualTo("0x80040217");
        assertThat(errorMessage(profile)).isEqualTo("fieldsecurityprofile With Id = " + nobody + " Does Not Exist");
        HttpResponse<String> team = client.post(
                "teams(" + nobody + ")/teamprofiles_association/$ref",
                ref("fieldsecurityprofiles", state.profileId("Credit Control")));
        assertThat(team.statusCode()).isEqualTo(404);
        assertThat(errorMessage(team)).startsWith("team With Id");
        HttpResponse<String> wrongSet = client.post(
                "systemusers(" + user("lee.gu@contoso.com") + ")/systemuserprofiles_association/$ref",
                ref("roles", state.roleCopy("Delegate", state.rootBusinessUnitId())));
        assertThat(wrongSet.statusCode()).isEqualTo(400);
        assertNothingChanged();
    }

    @Test
    void aMissingPrivilegeNamesTheFieldSecurityProfilePrivilege() {
        simulator.behaviour().privilegeDenied(true);
        HttpResponse<String> response = client.post(
                "systemusers(" + user("lee.gu@contoso.com") + ")/systemuserprofiles_association/$ref",
                ref("fieldsecurityprofiles", state.profileId("Credit Control")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorMessage(response)).contains("prvWriteFieldSecurityProfile");
        assertNothingChanged();
    }

    @Test
    void profileLinkSetsAreReadOnlyAndTheUnmaskedColumnIsMissingOnOlderPlatforms() {
        HttpResponse<String> create = client.post("systemuserprofilescollection", "{}");
        assertThat(create.statusCode()).isEqualTo(400);
        assertThat(errorCode(create)).isEqualTo("0x80040800");
        simulator.behaviour().olderPlatform(true);
        assertThat(client.get("fieldpermissions?$select=canreadunmasked").statusCode())
                .isEqualTo(400);
        assertThat(values("fieldpermissions").get(0).has("canreadunmasked")).isFalse();
    }

    @Test
    void profileLinksPageLikeTheOtherLinkTables() {
        List<String> ids = new java.util.ArrayList<>();
        HttpResponse<String> response =
                client.get("systemuserprofilescollection?$select=systemuserid", "Prefer", "odata.maxpagesize=2");
        while (true) {
            JsonNode page = json(response.body());
            page.get("value").forEach(v -> ids.add(v.get("systemuserprofileid").stringValue()));
            if (!page.has("@odata.nextLink")) {
                break;
            }
            response = client.getUrl(page.get("@odata.nextLink").stringValue(), "Prefer", "odata.maxpagesize=2");
        }
        assertThat(ids)
                .hasSize(state.count("systemuserprofilescollection"))
                .doesNotHaveDuplicates()
                .isSorted();
    }
}
