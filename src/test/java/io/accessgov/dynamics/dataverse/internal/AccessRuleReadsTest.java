package io.accessgov.dynamics.dataverse.internal;

import static io.accessgov.dynamics.dataverse.internal.FakeDataverse.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.FieldPermission;
import io.accessgov.dynamics.dataverse.Privilege;
import io.accessgov.dynamics.dataverse.PrivilegeAccess;
import io.accessgov.dynamics.dataverse.PrivilegeDepth;
import io.accessgov.dynamics.dataverse.RolePrivilege;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The door's reads of privileges and column security decode Dataverse's codes as docs/dataverse.md §14–§15 say. */
class AccessRuleReadsTest {

    private static final UUID READ_ACTIVITY = UUID.fromString("9e000000-0000-0000-0000-000000000001");
    private static final UUID DELETE_ACCOUNT = UUID.fromString("9e000000-0000-0000-0000-000000000002");
    private static final UUID ROLE = UUID.fromString("0b5c0000-0000-0000-0000-000000000001");
    private static final UUID PROFILE = UUID.fromString("5e100000-0000-0000-0000-000000000001");

    private FakeDataverse dataverse;

    @BeforeEach
    void start() throws Exception {
        dataverse = new FakeDataverse();
    }

    @AfterEach
    void stop() {
        dataverse.close();
    }

    @Test
    void mapsEachPrivilegeToTheTableWhoseDefinitionListsItPreferringActivityPointer() {
        dataverse.then(json(
                200,
                "{\"value\":["
                        + definition("email", READ_ACTIVITY)
                        + "," + definition("activitypointer", READ_ACTIVITY)
                        + "," + definition("phonecall", READ_ACTIVITY)
                        + "," + definition("account", DELETE_ACCOUNT)
                        + "]}"));

        Map<UUID, String> tables = dataverse.client().tablesOfPrivileges();

        assertThat(tables)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(READ_ACTIVITY, "activitypointer", DELETE_ACCOUNT, "account"));
        assertThat(dataverse.dataverseCalls.get(0).getTarget())
                .isEqualTo("/api/data/v9.2/EntityDefinitions?$select=LogicalName,Privileges");
    }

    @Test
    void asksForOneTablesPrivilegesAndSendsNothingForANameNoTableCanHave() {
        dataverse.then(json(200, definition("account", DELETE_ACCOUNT)));

        assertThat(dataverse.client().privilegesOfTable("account")).contains(java.util.Set.of(DELETE_ACCOUNT));
        assertThat(dataverse.client().privilegesOfTable("account') or (x")).isEmpty();

        assertThat(dataverse.dataverseCalls).singleElement().satisfies(request -> assertThat(request.getTarget())
                .isEqualTo("/api/data/v9.2/EntityDefinitions(LogicalName='account')?$select=LogicalName,Privileges"));
    }

    @Test
    void decodesAccessRightsAndLeavesOtherPrivilegesWithout() {
        dataverse.then(json(
                200,
                "{\"value\":["
                        + privilege(DELETE_ACCOUNT, "prvDeleteAccount", 65536)
                        + "," + privilege(READ_ACTIVITY, "prvExportToExcel", 0)
                        + "]}"));

        List<Privilege> privileges = dataverse.client().privileges();

        assertThat(privileges)
                .containsExactly(
                        new Privilege(DELETE_ACCOUNT, "prvDeleteAccount", PrivilegeAccess.DELETE),
                        new Privilege(READ_ACTIVITY, "prvExportToExcel", null));
    }

    @Test
    void theHighestDepthBitWinsAndAMaskWithoutAKnownDepthIsRefused() {
        dataverse.then(json(
                200,
                "{\"value\":[" + rolePrivilege(1) + "," + rolePrivilege(2) + "," + rolePrivilege(6) + ","
                        + rolePrivilege(15) + "]}"));

        List<RolePrivilege> held = dataverse.client().privilegesOfRoles(List.of(ROLE));

        assertThat(held)
                .extracting(RolePrivilege::depth)
                .containsExactly(
                        PrivilegeDepth.USER,
                        PrivilegeDepth.BUSINESS_UNIT,
                        PrivilegeDepth.PARENT_CHILD_BUSINESS_UNITS,
                        PrivilegeDepth.ORGANIZATION);
        assertThat(filterOf(dataverse.dataverseCalls.get(0))).isEqualTo("roleid eq " + ROLE);

        dataverse.then(json(200, "{\"value\":[" + rolePrivilege(16) + "]}"));
        assertThatThrownBy(() -> dataverse.client().privilegesOfRoles(List.of(ROLE)))
                .isInstanceOf(DataverseRejectedRequest.class)
                .hasMessageContaining("depth mask (16)");
    }

    @Test
    void readsColumnPermissionsAllowedAsFourAndUnmaskedForOneOrAllRecords() {
        dataverse.then(json(
                200,
                "{\"value\":[" + permission("governmentid", 4, 3, 0, 4) + "," + permission("birthdate", 4, 1, 4, 0)
                        + "," + permission("annualincome", 0, 0, 0, 0) + "," + permission("creditlimit", 4, null, 0, 0)
                        + "]}"));

        List<FieldPermission> permissions = dataverse.client().fieldPermissionsOfProfiles(List.of(PROFILE));

        assertThat(permissions)
                .containsExactly(
                        new FieldPermission(PROFILE, "contact", "governmentid", true, true, false, true),
                        new FieldPermission(PROFILE, "contact", "birthdate", true, true, true, false),
                        new FieldPermission(PROFILE, "contact", "annualincome", false, false, false, false),
                        new FieldPermission(PROFILE, "contact", "creditlimit", true, false, false, false));
        assertThat(filterOf(dataverse.dataverseCalls.get(0))).isEqualTo("_fieldsecurityprofileid_value eq " + PROFILE);
    }

    private static String definition(String table, UUID privilege) {
        return "{\"LogicalName\":\"" + table + "\",\"Privileges\":[{\"PrivilegeId\":\"" + privilege
                + "\",\"Name\":\"x\",\"PrivilegeType\":\"Read\"}],\"MetadataId\":\"" + UUID.randomUUID() + "\"}";
    }

    private static String privilege(UUID id, String name, int accessRight) {
        return "{\"privilegeid\":\"" + id + "\",\"name\":\"" + name + "\",\"accessright\":" + accessRight + "}";
    }

    private static String rolePrivilege(int mask) {
        return "{\"roleprivilegeid\":\"" + UUID.randomUUID() + "\",\"roleid\":\"" + ROLE + "\",\"privilegeid\":\""
                + DELETE_ACCOUNT + "\",\"privilegedepthmask\":" + mask + "}";
    }

    private static String permission(String column, int read, Integer unmasked, int create, int update) {
        return "{\"fieldpermissionid\":\"" + UUID.randomUUID() + "\",\"_fieldsecurityprofileid_value\":\"" + PROFILE
                + "\",\"entityname\":\"contact\",\"attributelogicalname\":\"" + column + "\",\"canread\":" + read
                + ",\"canreadunmasked\":" + unmasked + ",\"cancreate\":" + create + ",\"canupdate\":" + update + "}";
    }

    private static String filterOf(mockwebserver3.RecordedRequest request) {
        String target = request.getTarget();
        String raw = target.substring(target.indexOf("$filter=") + "$filter=".length());
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
