package io.accessgov.dynamics.scim;

import static io.accessgov.dynamics.scim.ScimDiscoveryEndToEndTest.assertScimError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * PATCH of a Group's members and a User's roles changes exactly the links asked for, once, through grant/: with the
 * REST API's rules, idempotence and refusals, as SCIM errors (docs/scim.md, "PATCH").
 */
@ExtendWith(OutputCaptureExtension.class)
class ScimPatchEndToEndTest {

    private ScimService service;

    @BeforeEach
    void start() {
        service = ScimService.open();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void addingAMemberJoinsTheTeamOnceAndRemovingItLeavesIt() {
        String team = dataverseManagedTeam();
        String account = humanNotIn(team);
        String grant = "/api/v1/grants/team:" + team + ":member:account:" + account;
        service.contoso.requests().clear();

        HttpResponse<String> added = patch("/scim/v2/Groups/" + team, addMembers(account), null);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(ScimGroupsEndToEndTest.memberIdsOf(ScimService.parse(added.body())))
                .contains(account);
        assertThat(service.get(grant).statusCode()).isEqualTo(200);
        assertThat(service.contoso.requests().writes()).hasSize(1);

        service.contoso.requests().clear();
        HttpResponse<String> again = patch("/scim/v2/Groups/" + team, addMembers(account), null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(service.contoso.requests().writes())
                .as("already a member: nothing written")
                .isEmpty();

        HttpResponse<String> removed = patch("/scim/v2/Groups/" + team, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "remove", "path": "members[value eq \\"%s\\"]"}]}""".formatted(account), null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(ScimGroupsEndToEndTest.memberIdsOf(ScimService.parse(removed.body())))
                .doesNotContain(account);
        assertThat(service.get(grant).statusCode()).isEqualTo(404);
    }

    @Test
    void aChangeIsOneAuditEventAsForTheRestApiAndAPatchThatChangesNothingIsNone(CapturedOutput output) {
        String team = dataverseManagedTeam();
        String account = humanNotIn(team);
        String grantId = "team:" + team + ":member:account:" + account;

        patch("/scim/v2/Groups/" + team, addMembers(account), null);
        patch("/scim/v2/Groups/" + team, addMembers(account), null);

        List<JsonNode> events = output.getOut()
                .lines()
                .filter(line -> line.startsWith("{"))
                .map(ScimService::parse)
                .filter(line -> "io.accessgov.dynamics.audit"
                        .equals(line.path("log").path("logger").asString()))
                .map(line -> line.get("audit"))
                .filter(audit -> grantId.equals(audit.path("grantId").asString()))
                .toList();
        assertThat(events).extracting(audit -> audit.get("action").asString()).containsExactly("grant");
        assertThat(events.get(0).get("outcome").asString()).isEqualTo("created");
        assertThat(events.get(0).get("status").asInt()).isEqualTo(201);
    }

    @Test
    void entraStyleRemovalWithAValueLeavesTheTeam() {
        String team = dataverseManagedTeam();
        String account = humanNotIn(team);
        assertThat(patch("/scim/v2/Groups/" + team, addMembers(account), null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> removed = patch("/scim/v2/Groups/" + team, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Remove", "path": "members", "value": [{"value": "%s"}]}]}""".formatted(account), null);

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(service.get("/api/v1/grants/team:" + team + ":member:account:" + account)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aBusinessUnitsDefaultTeamRefusesWithTheRestReason() {
        JsonNode defaultTeam = null;
        for (JsonNode team : service.json("/api/v1/teams?pageSize=1000").get("items")) {
            if (team.get("defaultBusinessUnitTeam").asBoolean()) {
                defaultTeam = team;
            }
        }
        String team = defaultTeam.get("id").asString();
        String account = humanNotIn(team);
        service.contoso.requests().clear();

        JsonNode error = assertScimError(patch("/scim/v2/Groups/" + team, addMembers(account), null), 409, null);

        assertThat(error.get("detail").asString())
                .contains(defaultTeam.at("/businessUnit/name").asString());
        assertThat(service.contoso.requests().writes()).isEmpty();
    }

    @Test
    void aStaleVersionChangesNothing() {
        String team = dataverseManagedTeam();
        String account = humanNotIn(team);
        String version =
                service.json("/scim/v2/Groups/" + team).at("/meta/version").asString();
        String other = humanNotIn(team, account);
        assertThat(patch("/scim/v2/Groups/" + team, addMembers(other), version).statusCode())
                .isEqualTo(200);
        service.contoso.requests().clear();

        assertScimError(patch("/scim/v2/Groups/" + team, addMembers(account), version), 412, null);

        assertThat(service.contoso.requests().writes()).isEmpty();
        assertThat(service.get("/api/v1/grants/team:" + team + ":member:account:" + account)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void addingARoleAssignsItDirectlyAndRemovingItRevokesIt() {
        JsonNode account = ScimUsersEndToEndTest.accountWithRoles(service);
        String id = account.get("id").asString();
        String role = roleNotHeldBy(id);
        String user = "/scim/v2/Users/" + id;
        String version = service.json(user).at("/meta/version").asString();

        HttpResponse<String> added = patch(user, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "add", "path": "roles", "value": [{"value": "%s"}]}]}""".formatted(role), version);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(ScimUsersEndToEndTest.roles(ScimService.parse(added.body()))).containsEntry(role, "direct");
        assertThat(added.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(version);
        assertThat(service.get("/api/v1/grants/role:" + role + ":assigned:account:" + id)
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> removed = patch(user, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "remove", "path": "roles[value eq \\"%s\\"]"}]}""".formatted(role), null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(ScimUsersEndToEndTest.roles(ScimService.parse(removed.body())))
                .doesNotContainKey(role);
    }

    @Test
    void removingARoleHeldOnlyThroughATeamIsRefusedNamingTheTeam() {
        JsonNode account = ScimUsersEndToEndTest.accountWithRoles(service);
        String id = account.get("id").asString();
        String inherited = null;
        for (Map.Entry<String, String> role :
                ScimUsersEndToEndTest.restRoles(service, id).entrySet()) {
            if (role.getValue().equals("inherited")) {
                inherited = role.getKey();
            }
        }
        service.contoso.requests().clear();

        JsonNode error = assertScimError(patch("/scim/v2/Users/" + id, """
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "remove", "path": "roles[value eq \\"%s\\"]"}]}""".formatted(inherited), null), 409, null);

        JsonNode grant = service.json("/api/v1/grants/role:" + inherited + ":assigned:account:" + id);
        assertThat(error.get("detail").asString())
                .contains(grant.at("/sources/0/displayName").asString());
        assertThat(service.contoso.requests().writes()).isEmpty();
    }

    @Test
    void attributesOtherThanRolesAndMembersAreReadOnly() {
        String id = ScimUsersEndToEndTest.accountWithRoles(service).get("id").asString();

        assertScimError(patch("/scim/v2/Users/" + id, """
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "replace", "path": "displayName", "value": "Someone Else"}]}""", null), 400, "mutability");
    }

    @Test
    void unknownRolesAndMalformedPatchesAreRefusedBeforeAnythingChanges() {
        String id = ScimUsersEndToEndTest.accountWithRoles(service).get("id").asString();
        service.contoso.requests().clear();

        assertScimError(patch("/scim/v2/Users/" + id, """
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "add", "path": "roles",
                                         "value": [{"value": "00000000-0000-4000-8000-000000000001"}]}]}""", null), 400, "invalidValue");
        assertScimError(patch("/scim/v2/Users/" + id, """
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "add", "path": "roles", "value": [{"value": "admin"}]}]}""", null), 400, "invalidValue");
        assertScimError(patch("/scim/v2/Users/" + id, "{\"Operations\": []}", null), 400, "invalidSyntax");
        assertScimError(patch("/scim/v2/Users/" + id, "not json", null), 400, "invalidSyntax");
        assertThat(service.contoso.requests().writes()).isEmpty();
    }

    private HttpResponse<String> patch(String path, String body, String ifMatch) {
        return service.send("PATCH", path, body, ifMatch);
    }

    private static String addMembers(String account) {
        return """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "add", "path": "members", "value": [{"value": "%s"}]}]}""".formatted(account);
    }

    private String dataverseManagedTeam() {
        for (JsonNode team : service.json("/api/v1/teams?pageSize=1000").get("items")) {
            if (team.get("membershipManagedBy").asString().equals("DATAVERSE")
                    && team.get("type").asString().equals("OWNER")) {
                return team.get("id").asString();
            }
        }
        throw new AssertionError("the demo organisation has an owner team managed in Dataverse");
    }

    private String humanNotIn(String team, String... except) {
        Set<String> members = new HashSet<>(ScimGroupsEndToEndTest.restMembers(service, team));
        members.addAll(Set.of(except));
        for (JsonNode account : service.json("/api/v1/accounts?status=ENABLED&accountType=HUMAN&pageSize=1000")
                .get("items")) {
            if (!members.contains(account.get("id").asString())) {
                return account.get("id").asString();
            }
        }
        throw new AssertionError("an enabled human outside the team");
    }

    private String roleNotHeldBy(String account) {
        Set<String> held = ScimUsersEndToEndTest.restRoles(service, account).keySet();
        String businessUnit = service.json("/api/v1/accounts/" + account)
                .at("/businessUnit/id")
                .asString();
        for (JsonNode role : service.json("/api/v1/roles?pageSize=1000").get("items")) {
            String id = role.get("id").asString();
            if (held.contains(id)) {
                continue;
            }
            for (JsonNode copy : service.json("/api/v1/roles/" + id).get("copies")) {
                if (copy.get("businessUnitId").asString().equals(businessUnit)) {
                    return id;
                }
            }
        }
        throw new AssertionError("a role with a copy in the account's business unit that it does not hold");
    }
}
