package io.accessgov.dynamics.dataverse.internal;

import static io.accessgov.dynamics.dataverse.internal.FakeDataverse.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.EntraMembershipType;
import io.accessgov.dynamics.dataverse.InvalidContinuation;
import io.accessgov.dynamics.dataverse.RoleInheritance;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamQuery;
import io.accessgov.dynamics.dataverse.TeamType;
import io.accessgov.dynamics.dataverse.UserRoleLink;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectoryReadsTest {

    private static final String ROOT = "0b5c0000-0000-0000-0000-000000000001";
    private static final String COPY = "0b5c0000-0000-0000-0000-000000000002";
    private static final String BU = "a1b20000-0000-0000-0000-000000000001";
    private static final String TEAM = "7ea70000-0000-0000-0000-000000000001";

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
    void listsLogicalRolesAsRootCopiesWithSearchAsData() {
        dataverse.then(json(200, "{\"value\":[" + role(ROOT, null, ROOT) + "]}"));

        DataversePage<SecurityRole> page = dataverse.client().findLogicalRoles("Sales' or 1 eq 1", 20);

        assertThat(page.items()).singleElement().satisfies(role -> {
            assertThat(role.isRoot()).isTrue();
            assertThat(role.rootRoleId()).isEqualTo(UUID.fromString(ROOT));
            assertThat(role.inheritance()).isEqualTo(RoleInheritance.DIRECT_USER_AND_TEAM_PRIVILEGES);
            assertThat(role.autoAssigned()).isFalse();
            assertThat(role.businessUnitName()).isEqualTo("Contoso");
        });
        RecordedRequest request = dataverse.dataverseCalls.get(0);
        assertThat(request.getTarget())
                .startsWith("/api/data/v9.2/roles?$select=roleid,name,_businessunitid_value,"
                        + "_parentroleid_value,_parentrootroleid_value,_roletemplateid_value,description,ismanaged,"
                        + "isautoassigned,isinherited&$filter=");
        assertThat(filterOf(request)).isEqualTo("_parentroleid_value eq null and contains(name,'Sales'' or 1 eq 1')");
        assertThat(request.getHeaders().get("Prefer")).contains("odata.maxpagesize=20");
    }

    @Test
    void readsEveryCopyOfALogicalRoleFollowingAllPages() {
        String next = dataverse.apiBase() + "roles?$select=roleid&$skiptoken=%3Ccookie%20pagenumber=%222%22%20/%3E";
        dataverse
                .then(json(200, "{\"value\":[" + role(ROOT, null, ROOT) + "],\"@odata.nextLink\":\"" + next + "\"}"))
                .then(json(200, "{\"value\":[" + role(COPY, ROOT, ROOT) + "]}"));

        List<SecurityRole> copies = dataverse.client().roleCopies(UUID.fromString(ROOT));

        assertThat(copies).extracting(SecurityRole::id).containsExactly(UUID.fromString(ROOT), UUID.fromString(COPY));
        assertThat(filterOf(dataverse.dataverseCalls.get(0)))
                .isEqualTo("roleid eq " + ROOT + " or _parentrootroleid_value eq " + ROOT);
        assertThat(dataverse.dataverseCalls.get(0).getHeaders().get("Prefer")).contains("odata.maxpagesize=5000");
        assertThat(dataverse.dataverseCalls.get(1).getTarget())
                .isEqualTo(next.substring(dataverse.environmentUrl().length()));
    }

    @Test
    void refusesARoleContinuationThatLeadsToUsers() {
        assertThatThrownBy(() -> dataverse
                        .client()
                        .findLogicalRoles(new Continuation(dataverse.apiBase() + "systemusers?$skiptoken=x", 10)))
                .isInstanceOf(InvalidContinuation.class);
        assertThat(dataverse.server.getRequestCount()).isZero();
    }

    @Test
    void listsTeamsOfATypeAndReadsEntraGroupDetails() {
        dataverse.then(json(200, "{\"value\":[" + team(TEAM, 2, false, 1) + "]}"));

        DataversePage<Team> page =
                dataverse.client().findTeams(new TeamQuery(TeamType.ENTRA_SECURITY_GROUP, "EMEA"), 10);

        assertThat(page.items()).singleElement().satisfies(team -> {
            assertThat(team.type()).isEqualTo(TeamType.ENTRA_SECURITY_GROUP);
            assertThat(team.membershipType()).isEqualTo(EntraMembershipType.MEMBERS);
            assertThat(team.entraObjectId()).isNotNull();
            assertThat(team.defaultBusinessUnitTeam()).isFalse();
        });
        assertThat(filterOf(dataverse.dataverseCalls.get(0))).isEqualTo("teamtype eq 2 and contains(name,'EMEA')");
    }

    @Test
    void readsAUsersDirectRolesWithOneFilteredQuery() {
        String user = "2b7e0000-0000-0000-0000-000000000001";
        dataverse.then(json(
                200,
                "{\"value\":[{\"systemuserroleid\":\"" + UUID.randomUUID() + "\",\"systemuserid\":\"" + user
                        + "\",\"roleid\":\"" + COPY + "\"}]}"));

        List<UserRoleLink> links = dataverse.client().userRolesOfUser(UUID.fromString(user));

        assertThat(links).containsExactly(new UserRoleLink(UUID.fromString(user), UUID.fromString(COPY)));
        RecordedRequest request = dataverse.dataverseCalls.get(0);
        assertThat(request.getTarget())
                .startsWith(
                        "/api/data/v9.2/systemuserrolescollection?$select=systemuserroleid,systemuserid,roleid&$filter=");
        assertThat(filterOf(request)).isEqualTo("systemuserid eq " + user);
    }

    @Test
    void chunksLongIdListsSoUrlsStayShort() {
        List<UUID> teams =
                IntStream.range(0, 120).mapToObj(i -> new UUID(0x7ea7L, i)).toList();
        dataverse.fallback = request -> json(200, "{\"value\":[]}");

        dataverse.client().membershipsOfTeams(teams);

        assertThat(dataverse.dataverseCalls).hasSize(3);
        for (RecordedRequest request : dataverse.dataverseCalls) {
            assertThat(request.getTarget())
                    .startsWith("/api/data/v9.2/teammemberships?")
                    .hasSizeLessThan(4096);
        }
        List<String> asked = new ArrayList<>();
        dataverse.dataverseCalls.forEach(
                request -> asked.addAll(List.of(filterOf(request).split(" or "))));
        assertThat(asked).hasSize(120).doesNotHaveDuplicates().allMatch(part -> part.startsWith("teamid eq "));
    }

    @Test
    void anEmptyIdListAsksNothing() {
        assertThat(dataverse.client().teamRolesOfRoles(List.of())).isEmpty();
        assertThat(dataverse.server.getRequestCount()).isZero();
    }

    @Test
    void streamsAWholeTablePageByPageAtTheLargestPageSize() {
        String next = dataverse.apiBase() + "teamrolescollection?$skiptoken=%3Ccookie%20pagenumber=%222%22%20/%3E";
        dataverse
                .then(json(
                        200,
                        "{\"value\":[" + teamRole() + "," + teamRole() + "],\"@odata.nextLink\":\"" + next + "\"}"))
                .then(json(200, "{\"value\":[" + teamRole() + "]}"));
        List<Integer> pageSizes = new ArrayList<>();

        dataverse.client().readAll(DataverseTable.TEAM_ROLES, page -> pageSizes.add(page.size()));

        assertThat(pageSizes).containsExactly(2, 1);
        assertThat(dataverse.dataverseCalls.get(0).getTarget())
                .isEqualTo("/api/data/v9.2/teamrolescollection?$select=teamroleid,teamid,roleid");
        assertThat(dataverse.dataverseCalls.get(0).getHeaders().get("Prefer")).isEqualTo("odata.maxpagesize=5000");
    }

    @Test
    void readsRolesOnPlatformsWithoutNewerColumns() {
        dataverse
                .then(json(
                        400,
                        "{\"error\":{\"code\":\"0x80060888\",\"message\":\"Could not find a property named"
                                + " 'isautoassigned' on type 'Microsoft.Dynamics.CRM.role'.\"}}"))
                .then(json(200, "{\"value\":[]}"));

        dataverse.client().findLogicalRoles(null, 10);

        assertThat(dataverse.dataverseCalls.get(1).getTarget())
                .doesNotContain("isautoassigned")
                .contains("isinherited");
    }

    private static String filterOf(RecordedRequest request) {
        String target = request.getTarget();
        String raw = target.substring(target.indexOf("$filter=") + "$filter=".length());
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String role(String id, String parent, String root) {
        return """
                {"roleid":"%s","name":"Salesperson","_businessunitid_value":"%s",
                 "_businessunitid_value@OData.Community.Display.V1.FormattedValue":"Contoso",
                 "_parentroleid_value":%s,"_parentrootroleid_value":"%s","_roletemplateid_value":null,
                 "description":"Sells","ismanaged":true,"isautoassigned":0,"isinherited":1}""".formatted(id, BU, parent == null ? "null" : "\"" + parent + "\"", root);
    }

    private static String team(String id, int type, boolean isDefault, int membership) {
        return """
                {"teamid":"%s","name":"Sales EMEA","teamtype":%d,"_businessunitid_value":"%s","isdefault":%s,
                 "azureactivedirectoryobjectid":"%s","membershiptype":%d,
                 "_administratorid_value":"2b7e0000-0000-0000-0000-000000000001","description":null}""".formatted(id, type, BU, isDefault, UUID.randomUUID(), membership);
    }

    private static String teamRole() {
        return "{\"teamroleid\":\"" + UUID.randomUUID() + "\",\"teamid\":\"" + TEAM + "\",\"roleid\":\"" + COPY + "\"}";
    }
}
