package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.errorCode;
import static io.accessgov.dynamics.simulator.SimulatorClient.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WritesTest {

    DataverseSimulator simulator;
    SimulatorClient client;
    SimulatorState state;
    Set<Link> userRolesBefore;
    Set<Link> membershipsBefore;
    Set<Link> teamRolesBefore;

    @BeforeEach
    void start() {
        simulator = DataverseSimulator.start(0);
        client = new SimulatorClient(simulator);
        state = simulator.state();
        userRolesBefore = new HashSet<>(state.userRoles());
        membershipsBefore = new HashSet<>(state.memberships());
        teamRolesBefore = new HashSet<>(state.teamRoles());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    UUID user(String upn) {
        return state.userIdByDomainName(upn);
    }

    UUID copy(String role, String unit) {
        return state.roleCopy(role, state.businessUnitId(unit));
    }

    String ref(String set, UUID id) {
        return "{\"@odata.id\":\"" + simulator.webApiUrl() + set + "(" + id + ")\"}";
    }

    void assertNothingChanged() {
        assertThat(state.userRoles()).isEqualTo(userRolesBefore);
        assertThat(state.memberships()).isEqualTo(membershipsBefore);
        assertThat(state.teamRoles()).isEqualTo(teamRolesBefore);
    }

    static Set<Link> added(Set<Link> before, Set<Link> after) {
        Set<Link> difference = new HashSet<>(after);
        difference.removeAll(before);
        return difference;
    }

    @Test
    void associatingARoleCopyOfTheUsersUnitAddsExactlyThatLink() {
        UUID miriam = user("miriam.graham@contoso.com");
        UUID auditor = copy("Contoso Auditor", "Finance");
        HttpResponse<String> response =
                client.post("systemusers(" + miriam + ")/systemuserroles_association/$ref", ref("roles", auditor));
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(added(userRolesBefore, state.userRoles())).containsExactly(new Link(miriam, auditor));
        assertThat(state.memberships()).isEqualTo(membershipsBefore);
        assertThat(state.teamRoles()).isEqualTo(teamRolesBefore);
        assertThat(client.get("systemusers(" + miriam + ")/systemuserroles_association?$select=name")
                        .body())
                .contains("Contoso Auditor");
    }

    @Test
    void relativeReferencesAndTheOtherSideWorkToo() {
        UUID miriam = user("miriam.graham@contoso.com");
        UUID delegate = copy("Delegate", "Finance");
        UUID customizer = copy("System Customizer", "Finance");
        assertThat(client.post(
                                "systemusers(" + miriam + ")/systemuserroles_association/$ref",
                                "{\"@odata.id\":\"roles(" + delegate + ")\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(client.post(
                                "roles(" + customizer + ")/systemuserroles_association/$ref",
                                "{\"@odata.id\":\"/api/data/v9.2/systemusers(" + miriam + ")\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(added(userRolesBefore, state.userRoles()))
                .containsExactlyInAnyOrder(new Link(miriam, delegate), new Link(miriam, customizer));
    }

    @Test
    void roleCopyOfAnotherUnitIsRefusedUnlessOwnershipAcrossUnitsIsOn() {
        UUID miriam = user("miriam.graham@contoso.com");
        UUID salesAuditor = copy("Contoso Auditor", "Sales");
        HttpResponse<String> response =
                client.post("systemusers(" + miriam + ")/systemuserroles_association/$ref", ref("roles", salesAuditor));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("0x80041409");
        assertThat(errorMessage(response))
                .startsWith("Cannot associate security role because the security role's "
                        + "Business Unit is not the same as the user's Business Unit.");
        assertNothingChanged();
        simulator.behaviour().ownershipAcrossBusinessUnits(true);
        assertThat(client.post(
                                "systemusers(" + miriam + ")/systemuserroles_association/$ref",
                                ref("roles", salesAuditor))
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void duplicateAssociationIs412OrIgnoredBySwitch() {
        UUID alex = user("alex.wilber@contoso.com");
        UUID salesperson = copy("Salesperson", "Sales");
        HttpResponse<String> response =
                client.post("systemusers(" + alex + ")/systemuserroles_association/$ref", ref("roles", salesperson));
        assertThat(response.statusCode()).isEqualTo(412);
        assertThat(errorCode(response)).isEqualTo("0x80040237");
        simulator.behaviour().duplicateLink(Behaviour.DuplicateLink.IGNORE);
        assertThat(client.post("systemusers(" + alex + ")/systemuserroles_association/$ref", ref("roles", salesperson))
                        .statusCode())
                .isEqualTo(204);
        assertNothingChanged();
    }

    @Test
    void disassociateWorksInBothUrlForms() {
        UUID alex = user("alex.wilber@contoso.com");
        UUID salesperson = copy("Salesperson", "Sales");
        UUID basic = copy("Basic User", "Sales");
        assertThat(client.delete("systemusers(" + alex + ")/systemuserroles_association(" + salesperson + ")/$ref")
                        .statusCode())
                .isEqualTo(204);
        assertThat(client.delete("systemusers(" + alex + ")/systemuserroles_association/$ref?$id="
                                + simulator.webApiUrl() + "roles(" + basic + ")")
                        .statusCode())
                .isEqualTo(204);
        Set<Link> removed = new HashSet<>(userRolesBefore);
        removed.removeAll(state.userRoles());
        assertThat(removed).containsExactlyInAnyOrder(new Link(alex, salesperson), new Link(alex, basic));
        assertThat(state.userRoles()).hasSize(userRolesBefore.size() - 2);
    }

    @Test
    void removingAMissingLinkFollowsTheSwitch() {
        UUID alex = user("alex.wilber@contoso.com");
        UUID delegate = copy("Delegate", "Sales");
        String path = "systemusers(" + alex + ")/systemuserroles_association(" + delegate + ")/$ref";
        assertThat(client.delete(path).statusCode()).isEqualTo(204);
        simulator.behaviour().missingLink(Behaviour.MissingLink.REJECT);
        HttpResponse<String> response = client.delete(path);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errorCode(response)).isEqualTo("0x80040217");
        assertNothingChanged();
    }

    @Test
    void missingTargetOrSourceIs404NamingTheEntity() {
        UUID alex = user("alex.wilber@contoso.com");
        UUID ghost = UUID.fromString("6d3c1a2b-0000-4000-8000-00000000beef");
        HttpResponse<String> noRole =
                client.post("systemusers(" + alex + ")/systemuserroles_association/$ref", ref("roles", ghost));
        assertThat(noRole.statusCode()).isEqualTo(404);
        assertThat(errorMessage(noRole)).isEqualTo("role With Id = " + ghost + " Does Not Exist");
        HttpResponse<String> noUser = client.post(
                "systemusers(" + ghost + ")/systemuserroles_association/$ref",
                ref("roles", copy("Salesperson", "Sales")));
        assertThat(noUser.statusCode()).isEqualTo(404);
        assertThat(errorMessage(noUser)).isEqualTo("systemuser With Id = " + ghost + " Does Not Exist");
        assertNothingChanged();
    }

    @Test
    void referenceToAnotherHostOrSetIsRefused() {
        UUID alex = user("alex.wilber@contoso.com");
        UUID role = copy("Delegate", "Sales");
        assertThat(client.post(
                                "systemusers(" + alex + ")/systemuserroles_association/$ref",
                                "{\"@odata.id\":\"https://evil.example/api/data/v9.2/roles(" + role + ")\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(client.post(
                                "systemusers(" + alex + ")/systemuserroles_association/$ref",
                                ref("teams", state.teamId("Sales Leadership")))
                        .statusCode())
                .isEqualTo(400);
        assertThat(client.post("systemusers(" + alex + ")/systemuserroles_association/$ref", "not json")
                        .statusCode())
                .isEqualTo(400);
        assertNothingChanged();
    }

    @Test
    void accessTeamsCannotHoldRoles() {
        UUID access = state.teamId("Key Account Collaboration");
        HttpResponse<String> response = client.post(
                "teams(" + access + ")/teamroles_association/$ref", ref("roles", copy("Salesperson", "Sales")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("0x80048331");
        assertNothingChanged();
    }

    @Test
    void teamRoleMustBeTheCopyOfTheTeamsUnit() {
        UUID leadership = state.teamId("Sales Leadership");
        HttpResponse<String> wrong = client.post(
                "teams(" + leadership + ")/teamroles_association/$ref", ref("roles", copy("Delegate", "Finance")));
        assertThat(errorCode(wrong)).isEqualTo("0x8004140D");
        UUID right = copy("Delegate", "Sales");
        assertThat(client.post("teams(" + leadership + ")/teamroles_association/$ref", ref("roles", right))
                        .statusCode())
                .isEqualTo(204);
        assertThat(added(teamRolesBefore, state.teamRoles())).containsExactly(new Link(leadership, right));
    }

    @Test
    void ownerTeamMembershipChangesThroughRef() {
        UUID leadership = state.teamId("Sales Leadership");
        UUID brian = user("brian.johnson@contoso.com");
        assertThat(client.post("teams(" + leadership + ")/teammembership_association/$ref", ref("systemusers", brian))
                        .statusCode())
                .isEqualTo(204);
        assertThat(added(membershipsBefore, state.memberships())).containsExactly(new Link(brian, leadership));
        assertThat(client.delete("teams(" + leadership + ")/teammembership_association(" + brian + ")/$ref")
                        .statusCode())
                .isEqualTo(204);
        assertNothingChanged();
    }

    @Test
    void defaultTeamMembershipCannotBeChanged() {
        UUID salesTeam = state.teamId("Sales");
        UUID grady = user("grady.archie@contoso.com");
        HttpResponse<String> add =
                client.post("teams(" + salesTeam + ")/teammembership_association/$ref", ref("systemusers", grady));
        assertThat(errorCode(add)).isEqualTo("0x8004830B");
        assertThat(errorMessage(add))
                .isEqualTo("Can't add members to the default business unit team (TeamId = " + salesTeam + ").");
        UUID alex = user("alex.wilber@contoso.com");
        HttpResponse<String> remove =
                client.delete("teams(" + salesTeam + ")/teammembership_association(" + alex + ")/$ref");
        assertThat(errorCode(remove)).isEqualTo("0x8004830C");
        assertNothingChanged();
    }

    @Test
    void entraGroupTeamMembershipIsManagedInEntra() {
        UUID group = state.teamId("Dynamics Sales Users");
        UUID grady = user("grady.archie@contoso.com");
        HttpResponse<String> response =
                client.post("teams(" + group + ")/teammembership_association/$ref", ref("systemusers", grady));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("0x80040208");
        assertNothingChanged();
        simulator.behaviour().entraTeamMembershipCode(null);
        assertThat(client.post("teams(" + group + ")/teammembership_association/$ref", ref("systemusers", grady))
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void addAndRemoveMembersTeamActions() {
        UUID phoenix = state.teamId("Project Phoenix");
        UUID emily = user("emily.braun@contoso.com");
        UUID raul = user("raul.razo@contoso.com");
        HttpResponse<String> add = client.post(
                "teams(" + phoenix + ")/Microsoft.Dynamics.CRM.AddMembersTeam",
                "{\"Members\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.systemuser\",\"ownerid\":\"" + emily + "\"},"
                        + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.systemuser\",\"systemuserid\":\"" + raul
                        + "\"}]}");
        assertThat(add.statusCode()).isEqualTo(204);
        assertThat(added(membershipsBefore, state.memberships()))
                .containsExactlyInAnyOrder(new Link(emily, phoenix), new Link(raul, phoenix));
        HttpResponse<String> remove = client.post(
                "teams(" + phoenix + ")/Microsoft.Dynamics.CRM.RemoveMembersTeam",
                "{\"Members\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.systemuser\",\"ownerid\":\"" + emily + "\"},"
                        + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.systemuser\",\"ownerid\":\"" + raul + "\"}]}");
        assertThat(remove.statusCode()).isEqualTo(204);
        assertNothingChanged();
    }

    @Test
    void memberWithoutKeyIsRefusedAndNothingChanges() {
        UUID phoenix = state.teamId("Project Phoenix");
        UUID emily = user("emily.braun@contoso.com");
        HttpResponse<String> response = client.post(
                "teams(" + phoenix + ")/Microsoft.Dynamics.CRM.AddMembersTeam",
                "{\"Members\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.systemuser\",\"ownerid\":\"" + emily + "\"},"
                        + "{\"@odata.type\":\"Microsoft.Dynamics.CRM.systemuser\"}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response)).isEqualTo("EdmEntityObject passed should have the key property value set.");
        assertNothingChanged();
    }

    @Test
    void addMembersToADefaultTeamIsRefused() {
        UUID salesTeam = state.teamId("Sales");
        HttpResponse<String> response = client.post(
                "teams(" + salesTeam + ")/Microsoft.Dynamics.CRM.AddMembersTeam",
                "{\"Members\":[{\"@odata.type\":\"Microsoft.Dynamics.CRM.systemuser\",\"ownerid\":\""
                        + user("grady.archie@contoso.com") + "\"}]}");
        assertThat(errorCode(response)).isEqualTo("0x8004830B");
        assertNothingChanged();
    }

    @Test
    void specialUsersCannotBeChanged() {
        UUID system = state.rows("systemusers").stream()
                .filter(u -> "SYSTEM".equals(u.get("fullname")))
                .map(u -> (UUID) u.get("systemuserid"))
                .findFirst()
                .orElseThrow();
        UUID root = state.rootBusinessUnitId();
        HttpResponse<String> response = client.post(
                "systemusers(" + system + ")/systemuserroles_association/$ref",
                ref("roles", state.roleCopy("Delegate", root)));
        assertThat(errorCode(response)).isEqualTo("0x80041D33");
        HttpResponse<String> support = client.post(
                "systemusers(" + user("crmoln@microsoft.com") + ")/systemuserroles_association/$ref",
                ref("roles", state.roleCopy("Delegate", root)));
        assertThat(errorCode(support)).isEqualTo("0x80041D51");
        assertNothingChanged();
    }

    @Test
    void disabledUsersGetNoRolesUnlessAllowed() {
        UUID thomas = user("thomas.becker@contoso.com");
        UUID delegate = copy("Delegate", "Sales");
        String path = "systemusers(" + thomas + ")/systemuserroles_association/$ref";
        HttpResponse<String> response = client.post(path, ref("roles", delegate));
        assertThat(errorCode(response)).isEqualTo("0x80048d35");
        assertNothingChanged();
        simulator.behaviour().roleAssignmentOnDisabledUsers(true);
        assertThat(client.post(path, ref("roles", delegate)).statusCode()).isEqualTo(204);
    }

    @Test
    void missingPrivilegeIs403() {
        simulator.behaviour().privilegeDenied(true);
        UUID miriam = user("miriam.graham@contoso.com");
        HttpResponse<String> response = client.post(
                "systemusers(" + miriam + ")/systemuserroles_association/$ref",
                ref("roles", copy("Delegate", "Finance")));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorCode(response)).isEqualTo("0x80040220");
        assertThat(errorMessage(response)).contains("prvAssignRole");
        assertThat(client.delete("systemusers(" + miriam + ")/systemuserroles_association("
                                + copy("Basic User", "Finance") + ")/$ref")
                        .statusCode())
                .isEqualTo(403);
        assertNothingChanged();
    }

    @Test
    void identicalConcurrentGrantsEndWithOneLink() throws Exception {
        UUID miriam = user("miriam.graham@contoso.com");
        UUID delegate = copy("Delegate", "Finance");
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> client.post(
                            "systemusers(" + miriam + ")/systemuserroles_association/$ref", ref("roles", delegate))
                    .statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> call : calls) {
            statuses.add(call.get());
        }
        assertThat(statuses).containsOnlyOnce(204).containsOnly(204, 412);
        assertThat(added(userRolesBefore, state.userRoles())).containsExactly(new Link(miriam, delegate));
    }

    @Test
    void unknownNavigationOrActionIs404() {
        UUID alex = user("alex.wilber@contoso.com");
        assertThat(client.post("systemusers(" + alex + ")/roles/$ref", "{}").statusCode())
                .isEqualTo(404);
        assertThat(client.post(
                                "teams(" + state.teamId("Sales Leadership") + ")/Microsoft.Dynamics.CRM.Frobnicate",
                                "{}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void teamPrivilegesOnlyRolesOnGroupTeamsFollowTheSwitch() {
        UUID group = state.teamId("Dynamics Sales Users");
        UUID salesManager = copy("Sales Manager", "Sales");
        String path = "teams(" + group + ")/teamroles_association/$ref";
        simulator.behaviour().groupTeamsNeedInheritableRoles(true);
        HttpResponse<String> refused = client.post(path, ref("roles", salesManager));
        assertThat(errorCode(refused)).isEqualTo("0x80048350");
        assertNothingChanged();
        simulator.behaviour().groupTeamsNeedInheritableRoles(false);
        assertThat(client.post(path, ref("roles", salesManager)).statusCode()).isEqualTo(204);
    }
}
