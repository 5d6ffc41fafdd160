package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.errorCode;
import static io.accessgov.dynamics.simulator.SimulatorClient.errorMessage;
import static io.accessgov.dynamics.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PrivilegesTest {

    DataverseSimulator simulator;
    SimulatorClient client;
    SimulatorState state;

    @BeforeEach
    void start() {
        simulator = DataverseSimulator.start(0);
        client = new SimulatorClient(simulator);
        state = simulator.state();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** Every row of a read, following nextLinks verbatim at the given page size. */
    List<JsonNode> readAll(String first, int pageSize) {
        List<JsonNode> rows = new ArrayList<>();
        HttpResponse<String> response = client.get(first, "Prefer", "odata.maxpagesize=" + pageSize);
        while (true) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json(response.body());
            assertThat(page.get("value").size()).isLessThanOrEqualTo(pageSize);
            page.get("value").forEach(rows::add);
            JsonNode next = page.get("@odata.nextLink");
            if (next == null) {
                return rows;
            }
            response = client.getUrl(next.stringValue(), "Prefer", "odata.maxpagesize=" + pageSize);
        }
    }

    JsonNode privilege(String name) {
        List<JsonNode> found = readAll("privileges?$filter=name%20eq%20'" + name + "'", 5000);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    UUID root(String role) {
        return state.roleCopy(role, state.rootBusinessUnitId());
    }

    /** privilegeid → depth of the role's rows in roleprivilegescollection, read over HTTP. */
    Map<String, Integer> privilegesOf(UUID roleId) {
        Map<String, Integer> held = new HashMap<>();
        for (JsonNode row : readAll(
                "roleprivilegescollection?$select=privilegeid,privilegedepthmask&$filter=roleid%20eq%20" + roleId,
                5000)) {
            held.put(
                    row.get("privilegeid").stringValue(),
                    row.get("privilegedepthmask").asInt());
        }
        return held;
    }

    @Test
    void privilegesCarryTheirOutOfBoxNamesAccessRightsAndDepths() {
        JsonNode delete = privilege("prvDeleteAccount");
        assertThat(delete.get("accessright").asInt()).isEqualTo(65_536);
        assertThat(delete.get("canbebasic").asBoolean()).isTrue();
        assertThat(delete.get("canbeglobal").asBoolean()).isTrue();
        assertThat(privilege("prvAssignRole").get("accessright").asInt()).isEqualTo(524_288);
        assertThat(privilege("prvShareContact").get("accessright").asInt()).isEqualTo(262_144);
        assertThat(privilege("prvReadUser").get("canbebasic").asBoolean()).isFalse();
        JsonNode product = privilege("prvReadProduct");
        assertThat(product.get("canbelocal").asBoolean()).isFalse();
        assertThat(product.get("canbeglobal").asBoolean()).isTrue();
        JsonNode export = privilege("prvExportToExcel");
        assertThat(export.get("accessright").asInt()).isZero();
        assertThat(export.get("canbebasic").asBoolean()).isFalse();
        assertThat(export.get("canbeglobal").asBoolean()).isTrue();
        assertThat(privilege("prvReadOrder").get("privilegeid").stringValue())
                .isEqualTo(state.privilegeId("prvReadOrder").toString());
    }

    @Test
    void everyAccessRightBitAndTheNonTablePrivilegesAreThere() {
        List<JsonNode> all = readAll("privileges?$select=name,accessright", 50);
        assertThat(all).hasSize(state.count("privileges")).hasSizeGreaterThan(200);
        Set<Integer> rights =
                all.stream().map(p -> p.get("accessright").asInt()).collect(Collectors.toSet());
        assertThat(rights).containsExactlyInAnyOrder(0, 1, 2, 4, 16, 32, 65_536, 262_144, 524_288);
        Set<String> names = all.stream().map(p -> p.get("name").stringValue()).collect(Collectors.toSet());
        assertThat(names)
                .contains(
                        "prvReadUser",
                        "prvReadNote",
                        "prvReadActivity",
                        "prvCreateLead",
                        "prvAppendToOpportunity",
                        "prvWriteBusinessUnit",
                        "prvReadAuditSummary",
                        "prvBulkDelete")
                .doesNotContain("prvReadEmail", "prvReadSystemUser");
    }

    @Test
    void privilegesBelongToRootRolesAndCopiesShareTheRootsSet() {
        Set<String> roots = new HashSet<>();
        for (JsonNode role : readAll("roles?$select=_parentrootroleid_value", 5000)) {
            if (role.get("roleid")
                    .stringValue()
                    .equals(role.get("_parentrootroleid_value").stringValue())) {
                roots.add(role.get("roleid").stringValue());
            }
        }
        List<JsonNode> rows = readAll("roleprivilegescollection?$select=roleid,privilegeid,privilegedepthmask", 1000);
        assertThat(rows).hasSize(state.count("roleprivilegescollection"));
        assertThat(rows).allMatch(r -> roots.contains(r.get("roleid").stringValue()));
        assertThat(rows.stream().map(r -> r.get("roleid").stringValue()).collect(Collectors.toSet()))
                .isEqualTo(roots);
        assertThat(privilegesOf(state.roleCopy("Salesperson", state.businessUnitId("Sales"))))
                .isEmpty();
    }

    @Test
    void copiesListTheRootsPrivilegesWhenSwitchedOn() {
        simulator.behaviour().rolePrivilegesOnCopies(true);
        UUID copy = state.roleCopy("Salesperson", state.businessUnitId("Sales Europe"));
        Map<String, Integer> ofCopy = privilegesOf(copy);
        assertThat(ofCopy).isNotEmpty().isEqualTo(privilegesOf(root("Salesperson")));
        List<JsonNode> rows = readAll("roleprivilegescollection?$select=roleid", 5000);
        assertThat(rows).hasSize(state.count("roleprivilegescollection") * state.count("businessunits"));
        assertThat(rows.stream().map(r -> r.get("roleprivilegeid").stringValue()))
                .doesNotHaveDuplicates()
                .isSorted();
        String anyCopyRow = readAll("roleprivilegescollection?$filter=roleid%20eq%20" + copy, 5000)
                .get(0)
                .get("roleprivilegeid")
                .stringValue();
        assertThat(client.get("roleprivilegescollection(" + anyCopyRow + ")").statusCode())
                .isEqualTo(200);
    }

    @Test
    void systemAdministratorHoldsEveryPrivilegeAtGlobalDepth() {
        Map<String, Integer> held = privilegesOf(root("System Administrator"));
        assertThat(held).hasSize(state.count("privileges"));
        assertThat(held.values()).containsOnly(8);
    }

    @Test
    void onlyAdministratorsAndDataStewardsDeleteAccountsAtGlobalDepth() {
        String privilege = state.privilegeId("prvDeleteAccount").toString();
        Set<String> roles = readAll(
                        "roleprivilegescollection?$select=roleid&$filter=privilegeid%20eq%20" + privilege
                                + "%20and%20privilegedepthmask%20eq%208",
                        5000)
                .stream()
                .map(r -> r.get("roleid").stringValue())
                .collect(Collectors.toSet());
        assertThat(roles)
                .containsExactlyInAnyOrder(
                        root("System Administrator").toString(),
                        root("Data Steward").toString());
    }

    @Test
    void dataStewardIsHeldOnlyThroughTheOwnerTeamDataQuality() {
        UUID sales = state.businessUnitId("Sales");
        UUID stewardInSales = state.roleCopy("Data Steward", sales);
        Set<String> copies = readAll("roles?$select=name&$filter=name%20eq%20'Data%20Steward'", 5000).stream()
                .map(r -> r.get("roleid").stringValue())
                .collect(Collectors.toSet());
        assertThat(copies).hasSize(state.count("businessunits"));
        for (String copy : copies) {
            assertThat(readAll("systemuserrolescollection?$filter=roleid%20eq%20" + copy, 5000))
                    .isEmpty();
        }
        List<JsonNode> teams = readAll("roles(" + stewardInSales + ")/teamroles_association?$select=name,teamtype", 50);
        assertThat(teams).hasSize(1);
        assertThat(teams.get(0).get("name").stringValue()).isEqualTo("Data Quality");
        assertThat(teams.get(0).get("teamtype").asInt()).isZero();
        List<JsonNode> members = readAll(
                "teams(" + teams.get(0).get("teamid").stringValue() + ")/teammembership_association?$select=fullname",
                50);
        assertThat(members.stream().map(m -> m.get("fullname").stringValue()))
                .containsExactlyInAnyOrder("Ian MacLeod", "Delia Dennis", "Emily Braun");
        assertThat(state.rolePrivileges(stewardInSales))
                .containsEntry("prvDeleteAccount", 8)
                .containsEntry("prvDeleteContact", 8);
    }

    @Test
    void aTeamPrivilegesOnlyRoleWithPrivilegesIsHeldByAnOwnerTeam() {
        UUID sales = state.businessUnitId("Sales");
        UUID manager = state.roleCopy("Sales Manager", sales);
        JsonNode role = json(
                client.get("roles(" + manager + ")?$select=isinherited", "Prefer", "odata.include-annotations=\"*\"")
                        .body());
        assertThat(role.get("isinherited").asInt()).isZero();
        assertThat(role.get("isinherited@OData.Community.Display.V1.FormattedValue")
                        .stringValue())
                .isEqualTo("Team privileges only");
        assertThat(state.teamRoles()).contains(new SimulatorState.Link(state.teamId("Sales Leadership"), manager));
        assertThat(privilegesOf(root("Sales Manager")))
                .containsEntry(state.privilegeId("prvDeleteOpportunity").toString(), 2);
    }

    @Test
    void roleAndPrivilegeIntersectsAreReadOnlyAndColumnsAreChecked() {
        HttpResponse<String> create = client.post(
                "roleprivilegescollection", "{\"roleid\":\"" + root("Delegate") + "\",\"privilegedepthmask\":8}");
        assertThat(create.statusCode()).isEqualTo(400);
        assertThat(errorCode(create)).isEqualTo("0x80040800");
        assertThat(errorMessage(create)).contains("'roleprivileges'");
        HttpResponse<String> unknown = client.get("privileges?$select=PrivilegeName");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(errorMessage(unknown))
                .isEqualTo(
                        "Could not find a property named 'PrivilegeName' on type 'Microsoft.Dynamics.CRM.privilege'.");
        simulator.behaviour().olderPlatform(true);
        assertThat(client.get("roleprivilegescollection?$select=recordfilterid").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aTestCanChangeARolesPrivilegesAndItReadsBackOverHttp() {
        UUID anyCopy = state.roleCopy("Delegate", state.businessUnitId("IT"));
        state.setRolePrivilege(anyCopy, "prvReadAccount", 2);
        assertThat(privilegesOf(root("Delegate")))
                .containsEntry(state.privilegeId("prvReadAccount").toString(), 2);
        state.setRolePrivilege(anyCopy, "prvReadAccount", 8);
        assertThat(privilegesOf(root("Delegate")))
                .containsEntry(state.privilegeId("prvReadAccount").toString(), 8);
        assertThat(state.removeRolePrivilege(anyCopy, "prvReadAccount")).isTrue();
        assertThat(state.removeRolePrivilege(anyCopy, "prvReadAccount")).isFalse();
        assertThat(privilegesOf(root("Delegate")))
                .doesNotContainKey(state.privilegeId("prvReadAccount").toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> state.setRolePrivilege(anyCopy, "prvReadProduct", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
