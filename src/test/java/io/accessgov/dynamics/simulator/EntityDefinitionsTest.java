package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.errorCode;
import static io.accessgov.dynamics.simulator.SimulatorClient.errorMessage;
import static io.accessgov.dynamics.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EntityDefinitionsTest {

    DataverseSimulator simulator;
    SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = DataverseSimulator.start(0);
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    JsonNode definitions(String query) {
        HttpResponse<String> response = client.get("EntityDefinitions" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    /** privilege name → logical names of the tables whose metadata lists it. */
    Map<String, List<String>> tablesByPrivilege() {
        Map<String, List<String>> tables = new HashMap<>();
        for (JsonNode table : definitions("?$select=LogicalName,Privileges").get("value")) {
            for (JsonNode privilege : table.get("Privileges")) {
                tables.computeIfAbsent(privilege.get("Name").stringValue(), k -> new ArrayList<>())
                        .add(table.get("LogicalName").stringValue());
            }
        }
        return tables;
    }

    @Test
    void privilegesMapToTheirTablesThroughTheMetadataNotTheirNames() {
        Map<String, List<String>> tables = tablesByPrivilege();
        assertThat(tables.get("prvReadUser")).containsExactly("systemuser");
        assertThat(tables.get("prvReadNote")).containsExactly("annotation");
        assertThat(tables.get("prvReadActivity")).containsExactly("activitypointer");
        assertThat(tables.get("prvReadOrder")).containsExactly("salesorder");
        assertThat(tables.get("prvAssignRole")).containsExactly("role");
        assertThat(tables).doesNotContainKey("prvExportToExcel");
    }

    @Test
    void everyTablePrivilegeOfThePrivilegesSetIsListedWithItsIdAndType() {
        Map<String, JsonNode> listed = new HashMap<>();
        for (JsonNode table : definitions("?$select=LogicalName,Privileges").get("value")) {
            table.get("Privileges").forEach(p -> listed.put(p.get("Name").stringValue(), p));
        }
        JsonNode privileges = json(client.get(
                                "privileges?$select=name,accessright,canbebasic,canbelocal,canbedeep,canbeglobal")
                        .body())
                .get("value");
        int tablePrivileges = 0;
        for (JsonNode privilege : privileges) {
            JsonNode metadata = listed.get(privilege.get("name").stringValue());
            if (privilege.get("accessright").asInt() == 0) {
                assertThat(metadata).isNull();
                continue;
            }
            tablePrivileges++;
            assertThat(metadata.get("PrivilegeId").stringValue())
                    .isEqualTo(privilege.get("privilegeid").stringValue());
            assertThat(metadata.get("CanBeBasic").asBoolean())
                    .isEqualTo(privilege.get("canbebasic").asBoolean());
            assertThat(metadata.get("CanBeGlobal").asBoolean())
                    .isEqualTo(privilege.get("canbeglobal").asBoolean());
        }
        assertThat(listed).hasSize(tablePrivileges);
        assertThat(listed.get("prvDeleteAccount").get("PrivilegeType").stringValue())
                .isEqualTo("Delete");
        assertThat(listed.get("prvAppendToContact").get("PrivilegeType").stringValue())
                .isEqualTo("AppendTo");
    }

    @Test
    void answersLikeTheMetadataServiceWithMetadataIdAlwaysAndNoPaging() {
        JsonNode body = definitions("?$select=LogicalName,EntitySetName");
        assertThat(body.get("@odata.context").stringValue())
                .isEqualTo(simulator.webApiUrl() + "$metadata#EntityDefinitions(LogicalName,EntitySetName)");
        assertThat(body.has("@odata.nextLink")).isFalse();
        JsonNode first = body.get("value").get(0);
        assertThat(first.has("MetadataId")).isTrue();
        assertThat(first.has("@odata.etag")).isFalse();
        assertThat(first.has("ChangeTrackingEnabled")).isFalse();
        Map<String, String> sets = new HashMap<>();
        body.get("value")
                .forEach(t -> sets.put(
                        t.get("LogicalName").stringValue(),
                        t.get("EntitySetName").stringValue()));
        assertThat(sets)
                .containsEntry("systemuserroles", "systemuserrolescollection")
                .containsEntry("teammembership", "teammemberships")
                .containsEntry("roleprivileges", "roleprivilegescollection")
                .containsEntry("fieldsecurityprofile", "fieldsecurityprofiles")
                .containsEntry("systemuserprofiles", "systemuserprofilescollection")
                .containsEntry("teamprofiles", "teamprofilescollection")
                .containsEntry("opportunity", "opportunities");
    }

    @Test
    void changeTrackedTablesCanBeFilteredAndFollowTheSwitch() {
        Set<String> tracked = names(definitions("?$select=LogicalName&$filter=ChangeTrackingEnabled%20eq%20true"));
        assertThat(tracked)
                .contains(
                        "systemuser",
                        "team",
                        "role",
                        "businessunit",
                        "systemuserroles",
                        "teammembership",
                        "teamroles",
                        "roleprivileges")
                .doesNotContain("privilege", "fieldsecurityprofile", "teamprofiles");
        simulator.behaviour().changeTracking("teamroles", false).changeTracking("fieldsecurityprofile", true);
        Set<String> switched = names(definitions("?$select=LogicalName&$filter=ChangeTrackingEnabled%20eq%20true"));
        assertThat(switched).doesNotContain("teamroles").contains("fieldsecurityprofile");
        assertThat(
                        names(
                                definitions(
                                        "?$select=LogicalName&$filter=ChangeTrackingEnabled%20eq%20false%20and%20IsIntersect%20eq%20true")))
                .containsExactlyInAnyOrder("teamroles", "systemuserprofiles", "teamprofiles");
    }

    private static Set<String> names(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.get("value").forEach(t -> names.add(t.get("LogicalName").stringValue()));
        return names.stream().collect(Collectors.toSet());
    }

    @Test
    void aDefinitionIsFoundByLogicalNameOrMetadataId() {
        JsonNode account = definitions("(LogicalName='account')?$select=EntitySetName,PrimaryIdAttribute");
        assertThat(account.get("@odata.context").stringValue())
                .endsWith("$metadata#EntityDefinitions(EntitySetName,PrimaryIdAttribute)/$entity");
        assertThat(account.get("EntitySetName").stringValue()).isEqualTo("accounts");
        assertThat(account.get("PrimaryIdAttribute").stringValue()).isEqualTo("accountid");
        JsonNode same = definitions("(" + account.get("MetadataId").stringValue() + ")?$select=LogicalName");
        assertThat(same.get("LogicalName").stringValue()).isEqualTo("account");
        HttpResponse<String> missing = client.get("EntityDefinitions(LogicalName='nosuchtable')");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(errorMessage(missing)).contains("nosuchtable");
    }

    @Test
    void expandingPrivilegesIsRefusedAsTheRealServiceDoes() {
        HttpResponse<String> response = client.get("EntityDefinitions?$select=LogicalName&$expand=Privileges");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("0x80060888");
        assertThat(errorMessage(response)).contains("'Privileges'", "not a navigation property");
        HttpResponse<String> unknown = client.get("EntityDefinitions?$select=DisplayName");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(errorMessage(unknown))
                .isEqualTo(
                        "Could not find a property named 'DisplayName' on type 'Microsoft.Dynamics.CRM.EntityMetadata'.");
        assertThat(client.get("EntityDefinitions?$filter=Privileges%20eq%20null")
                        .statusCode())
                .isEqualTo(400);
        assertThat(client.get("EntityDefinitions?$top=2").statusCode()).isEqualTo(501);
    }

    @Test
    void activityTablesListTheActivityPrivilegesWhenSwitchedOn() {
        assertThat(tablesByPrivilege().get("prvReadActivity")).containsExactly("activitypointer");
        simulator.behaviour().activityPrivilegesOnActivityTables(true);
        assertThat(tablesByPrivilege().get("prvReadActivity"))
                .containsExactlyInAnyOrder("activitypointer", "email", "task", "phonecall", "appointment");
    }
}
