package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.errorCode;
import static io.accessgov.dynamics.simulator.SimulatorClient.errorMessage;
import static io.accessgov.dynamics.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChangeTrackingTest {

    static final String TRACK = "odata.track-changes";

    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    DataverseSimulator simulator;
    SimulatorClient client;
    SimulatorState state;

    @BeforeEach
    void start() {
        simulator = DataverseSimulator.start(SimulatorOptions.defaults().withClock(clock));
        client = new SimulatorClient(simulator);
        state = simulator.state();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** Every value of a read followed to its end, and the delta link of its last page. */
    record Read(List<JsonNode> values, String deltaLink, List<JsonNode> pages) {

        List<String> ids(String key) {
            return values.stream()
                    .map(v -> v.has(key)
                            ? v.get(key).stringValue()
                            : "deleted:" + v.get("id").stringValue())
                    .toList();
        }
    }

    /** Reads a set with Prefer: odata.track-changes, following every nextLink verbatim. */
    Read track(String first, int pageSize) {
        return follow(client.get(first, "Prefer", TRACK + ",odata.maxpagesize=" + pageSize), pageSize);
    }

    /** Follows a delta link (and its nextLinks) verbatim, without the track-changes preference. */
    Read delta(String deltaLink, int pageSize) {
        return follow(client.getUrl(deltaLink, "Prefer", "odata.maxpagesize=" + pageSize), pageSize);
    }

    Read follow(HttpResponse<String> response, int pageSize) {
        List<JsonNode> values = new ArrayList<>();
        List<JsonNode> pages = new ArrayList<>();
        while (true) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode page = json(response.body());
            pages.add(page);
            assertThat(page.get("value").size()).isLessThanOrEqualTo(pageSize);
            page.get("value").forEach(values::add);
            JsonNode next = page.get("@odata.nextLink");
            if (next == null) {
                return new Read(values, page.get("@odata.deltaLink").stringValue(), pages);
            }
            assertThat(page.has("@odata.deltaLink")).isFalse();
            response = client.getUrl(next.stringValue(), "Prefer", "odata.maxpagesize=" + pageSize);
        }
    }

    UUID user(String upn) {
        return state.userIdByDomainName(upn);
    }

    static String decodedToken(String deltaLink) {
        String encoded = deltaLink.substring(deltaLink.indexOf("$deltatoken=") + "$deltatoken=".length());
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    @Test
    void trackedReadAppliesThePreferenceAndEndsWithADeltaLinkOnItsLastPage() {
        HttpResponse<String> first =
                client.get("systemusers?$select=fullname", "Prefer", TRACK + ",odata.maxpagesize=20");
        assertThat(first.headers().firstValue("Preference-Applied").orElseThrow())
                .contains("odata.track-changes", "odata.maxpagesize=20");
        JsonNode page = json(first.body());
        String next = page.get("@odata.nextLink").stringValue();
        assertThat(URLDecoder.decode(next, StandardCharsets.UTF_8)).contains("istracking=\"True\"");
        assertThat(page.has("@odata.deltaLink")).isFalse();

        Read read = track("systemusers?$select=fullname", 20);
        assertThat(read.values()).hasSize(state.count("systemusers"));
        assertThat(read.deltaLink())
                .startsWith(simulator.webApiUrl() + "systemusers?$select=fullname&$deltatoken=")
                .doesNotContain("$skiptoken");
        assertThat(decodedToken(read.deltaLink())).matches("\\d+!03/02/2026 09:00:00");
    }

    @Test
    void deltaWithoutChangesIsEmptyAndHandsOnANewLink() {
        Read initial = track("teams?$select=name", 5000);
        Read delta = delta(initial.deltaLink(), 5000);
        assertThat(delta.values()).isEmpty();
        assertThat(delta.pages().get(0).get("@odata.context").stringValue())
                .isEqualTo(simulator.webApiUrl() + "$metadata#teams(name)/$delta");
        assertThat(delta.deltaLink()).contains("$deltatoken=");
    }

    @Test
    void changedAndNewRowsComeInFullAndDeletionsLast() {
        Read initial = track("systemusers?$select=fullname,isdisabled", 5000);
        UUID megan = user("megan.bowen@contoso.com");
        UUID lee = user("lee.gu@contoso.com");
        state.setUserDisabled(megan, true);
        UUID newcomer = state.addUser("Nora", "Quist", "nora.quist@contoso.com", state.businessUnitId("IT"));
        state.deleteUser(lee);

        Read delta = delta(initial.deltaLink(), 5000);

        assertThat(delta.ids("systemuserid")).containsExactly(megan.toString(), newcomer.toString(), "deleted:" + lee);
        JsonNode changed = delta.values().get(0);
        assertThat(changed.get("isdisabled").asBoolean()).isTrue();
        assertThat(changed.get("fullname").stringValue()).isEqualTo("Megan Bowen");
        assertThat(changed.has("domainname")).isFalse();
        JsonNode deleted = delta.values().get(2);
        assertThat(deleted.get("@odata.context").stringValue())
                .isEqualTo(simulator.webApiUrl() + "$metadata#systemusers/$deletedEntity");
        assertThat(deleted.get("reason").stringValue()).isEqualTo("deleted");
        assertThat(deleted.size()).isEqualTo(3);
        assertThat(delta(delta.deltaLink(), 5000).values()).isEmpty();
    }

    @Test
    void theEtagOfAChangedRowIsItsNewVersionNumber() {
        Read initial = track("roles?$select=name", 5000);
        UUID root = state.rootRole(state.roleCopy("Delegate", state.rootBusinessUnitId()));
        state.renameRole(root, "Personal Assistant");
        Read delta = delta(initial.deltaLink(), 5000);
        assertThat(delta.values()).hasSize(state.count("businessunits"));
        for (JsonNode role : delta.values()) {
            assertThat(role.get("name").stringValue()).isEqualTo("Personal Assistant");
            long version = json(client.get("roles(" + role.get("roleid").stringValue() + ")?$select=versionnumber")
                            .body())
                    .get("versionnumber")
                    .asLong();
            assertThat(role.get("@odata.etag").stringValue()).isEqualTo("W/\"" + version + "\"");
        }
    }

    @Test
    void aRemovedLinkIsADeletionOfTheLinkRowsOwnId() {
        Read initial = track("systemuserrolescollection?$select=systemuserid,roleid", 5000);
        UUID miriam = user("miriam.graham@contoso.com");
        UUID basicUser = state.roleCopy("Basic User", state.businessUnitId("Finance"));
        JsonNode link = initial.values().stream()
                .filter(v -> v.get("systemuserid").stringValue().equals(miriam.toString())
                        && v.get("roleid").stringValue().equals(basicUser.toString()))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> revoke =
                client.delete("systemusers(" + miriam + ")/systemuserroles_association(" + basicUser + ")/$ref");
        assertThat(revoke.statusCode()).isEqualTo(204);

        Read delta = delta(initial.deltaLink(), 5000);
        assertThat(delta.ids("systemuserroleid"))
                .containsExactly("deleted:" + link.get("systemuserroleid").stringValue());
    }

    @Test
    void aRemovedLinkCanBeReportedByItsFirstRecordsIdWhenSwitched() {
        simulator.behaviour().linkDeletionId(Behaviour.LinkDeletionId.FIRST_RECORD);
        Read initial = track("systemuserrolescollection?$select=systemuserid,roleid", 5000);
        UUID debra = user("debra.berger@contoso.com");
        assertThat(state.removeUserRole(debra, state.roleCopy("Delegate", state.rootBusinessUnitId())))
                .isTrue();
        Read delta = delta(initial.deltaLink(), 5000);
        assertThat(delta.ids("systemuserroleid")).containsExactly("deleted:" + debra);
        assertThat(initial.ids("systemuserroleid")).doesNotContain(debra.toString());
    }

    @Test
    void aLinkCreatedAndRemovedBetweenTwoDeltasIsReportedAsDeleted() {
        Read initial = track("teammemberships?$select=teamid,systemuserid", 5000);
        UUID team = state.teamId("Project Phoenix");
        UUID grady = user("grady.archie@contoso.com");
        UUID dana = user("dana.birkby@contoso.com");
        String body = "{\"@odata.id\":\"" + simulator.webApiUrl() + "systemusers(" + dana + ")\"}";
        assertThat(client.post("teams(" + team + ")/teammembership_association/$ref", body)
                        .statusCode())
                .isEqualTo(204);
        String created = state.rows("teammemberships").stream()
                .filter(r ->
                        r.get("teamid").equals(team) && r.get("systemuserid").equals(dana))
                .map(r -> r.get("teammembershipid").toString())
                .findFirst()
                .orElseThrow();
        assertThat(client.delete("teams(" + team + ")/teammembership_association(" + dana + ")/$ref")
                        .statusCode())
                .isEqualTo(204);
        state.removeMembership(grady, team);

        Read delta = delta(initial.deltaLink(), 5000);
        assertThat(delta.values()).allMatch(v -> v.get("reason").stringValue().equals("deleted"));
        assertThat(delta.ids("teammembershipid")).hasSize(2).contains("deleted:" + created);
    }

    @Test
    void aDeltaPagesItsChangesUpsertsInVersionOrderThenDeletions() {
        Read initial = track("teammemberships?$select=teamid", 5000);
        UUID team = state.teamId("Key Account Collaboration");
        List<String> expected = new ArrayList<>();
        for (String upn : List.of(
                "joni.sherman@contoso.com",
                "nestor.wilke@contoso.com",
                "raul.razo@contoso.com",
                "rosa.jimenez@contoso.com",
                "mateo.rossi@contoso.com")) {
            state.addMembership(user(upn), team);
        }
        for (Map<String, Object> row : state.rows("teammemberships")) {
            if (row.get("teamid").equals(team)
                    && !Set.of("alex.wilber@contoso.com", "isaiah.langer@contoso.com")
                            .contains(upnOf((UUID) row.get("systemuserid")))) {
                expected.add(row.get("teammembershipid").toString());
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String upn : List.of("alex.wilber@contoso.com", "isaiah.langer@contoso.com")) {
            UUID member = user(upn);
            deleted.add(state.rows("teammemberships").stream()
                    .filter(r -> r.get("teamid").equals(team)
                            && r.get("systemuserid").equals(member))
                    .map(r -> "deleted:" + r.get("teammembershipid"))
                    .findFirst()
                    .orElseThrow());
            state.removeMembership(member, team);
        }
        List<String> newRows = expected.stream()
                .filter(id -> initial.values().stream()
                        .noneMatch(v -> v.get("teammembershipid").stringValue().equals(id)))
                .toList();

        Read delta = delta(initial.deltaLink(), 3);

        assertThat(delta.pages()).hasSize(3);
        List<String> ids = delta.ids("teammembershipid");
        assertThat(ids.subList(0, 5)).containsExactlyInAnyOrderElementsOf(newRows);
        assertThat(ids.subList(5, 7)).containsExactlyElementsOf(deleted);
        List<Long> versions = delta.values().subList(0, 5).stream()
                .map(v -> Long.parseLong(v.get("@odata.etag").stringValue().replaceAll("\\D", "")))
                .toList();
        assertThat(versions).isSorted();
    }

    private String upnOf(UUID user) {
        return (String) state.row("systemusers", user).orElseThrow().get("domainname");
    }

    @Test
    void aChangeMadeWhileTheFirstReadPagesComesWithTheNextDelta() {
        HttpResponse<String> first =
                client.get("systemusers?$select=fullname", "Prefer", TRACK + ",odata.maxpagesize=10");
        JsonNode page = json(first.body());
        UUID alreadyRead =
                UUID.fromString(page.get("value").get(0).get("systemuserid").stringValue());
        state.setUserDisabled(alreadyRead, true);
        Read rest =
                follow(client.getUrl(page.get("@odata.nextLink").stringValue(), "Prefer", "odata.maxpagesize=10"), 10);

        Read delta = delta(rest.deltaLink(), 5000);
        assertThat(delta.ids("systemuserid")).containsExactly(alreadyRead.toString());
    }

    @Test
    void queryOptionsThatChangeTrackingDoesNotAllowAreRefused() {
        for (String option : List.of("$filter=isdisabled eq false", "$orderby=fullname", "$top=3")) {
            HttpResponse<String> response =
                    client.get("systemusers?$select=fullname&" + option.replace(" ", "%20"), "Prefer", TRACK);
            assertThat(response.statusCode()).isEqualTo(400);
            String name = option.substring(0, option.indexOf('='));
            assertThat(errorMessage(response))
                    .isEqualTo("The \"" + name + "\" query parameter isn't supported when Change Tracking is enabled.");
        }
        HttpResponse<String> expand = client.get(
                "systemusers?$select=fullname&$expand=systemuserroles_association($select=name)", "Prefer", TRACK);
        assertThat(expand.statusCode()).isEqualTo(400);
        assertThat(errorMessage(expand)).contains("\"$expand\" query parameter isn't supported");

        Read initial = track("systemusers?$select=fullname", 5000);
        HttpResponse<String> filteredDelta = client.getUrl(initial.deltaLink() + "&$filter=isdisabled%20eq%20true");
        assertThat(filteredDelta.statusCode()).isEqualTo(400);
        assertThat(errorMessage(filteredDelta)).contains("\"$filter\" query parameter isn't supported");
    }

    @Test
    void allTokensExpireAtOnceAndAFreshReadStartsOver() {
        Read initial = track("teams?$select=name", 5000);
        state.expireDeltaTokens();
        HttpResponse<String> expired = client.getUrl(initial.deltaLink());
        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(errorCode(expired)).isEqualTo("0x80044352");
        assertThat(errorMessage(expired))
                .isEqualTo("Version stamp associated with the client has expired. Please perform a full sync.");

        Read again = track("teams?$select=name", 5000);
        assertThat(delta(again.deltaLink(), 5000).values()).isEmpty();
    }

    @Test
    void aTokenOlderThanTheTrackingLifetimeExpires() {
        simulator.behaviour().deltaTokenLifetime(Duration.ofDays(7));
        Read initial = track("roles?$select=name", 5000);
        clock.advance(Duration.ofDays(6));
        client.forgetToken();
        Read sixDays = delta(initial.deltaLink(), 5000);
        assertThat(sixDays.values()).isEmpty();

        clock.advance(Duration.ofDays(2));
        client.forgetToken();
        HttpResponse<String> eightDays = client.getUrl(initial.deltaLink());
        assertThat(eightDays.statusCode()).isEqualTo(400);
        assertThat(errorCode(eightDays)).isEqualTo("0x80044352");
        assertThat(delta(sixDays.deltaLink(), 5000).values()).isEmpty();
    }

    @Test
    void theDeletionLogIsBoundedAndATokenItNoLongerReachesExpires() {
        simulator.behaviour().deletionsKeptPerTable(2);
        Read initial = track("teamrolescollection?$select=teamid,roleid", 5000);
        UUID sales = state.businessUnitId("Sales");
        UUID leadership = state.teamId("Sales Leadership");
        UUID entra = state.teamId("Dynamics Sales Users");
        state.removeTeamRole(leadership, state.roleCopy("Salesperson", sales));
        Read afterOne = delta(initial.deltaLink(), 5000);
        assertThat(afterOne.values()).hasSize(1);
        state.removeTeamRole(leadership, state.roleCopy("Sales Manager", sales));
        state.removeTeamRole(entra, state.roleCopy("Salesperson", sales));
        state.removeTeamRole(state.teamId("Data Quality"), state.roleCopy("Data Steward", sales));

        assertThat(state.trackedDeletions("teamrolescollection")).isEqualTo(2);
        HttpResponse<String> tooOld = client.getUrl(afterOne.deltaLink());
        assertThat(tooOld.statusCode()).isEqualTo(400);
        assertThat(errorCode(tooOld)).isEqualTo("0x80044352");
    }

    @Test
    void aTableWithoutChangeTrackingRefusesOrIgnoresThePreference() {
        HttpResponse<String> privileges = client.get("privileges?$select=name", "Prefer", TRACK);
        assertThat(privileges.statusCode()).isEqualTo(400);
        assertThat(errorCode(privileges)).isEqualTo("0x80072491");
        assertThat(errorMessage(privileges)).isEqualTo("Entity privilege isn't enabled for change tracking.");

        simulator.behaviour().changeTracking("teamroles", false);
        assertThat(errorCode(client.get("teamrolescollection?$select=teamid", "Prefer", TRACK)))
                .isEqualTo("0x80072491");

        simulator.behaviour().untrackedTable(Behaviour.UntrackedTable.IGNORE_PREFERENCE);
        HttpResponse<String> ignored = client.get("teamrolescollection?$select=teamid", "Prefer", TRACK);
        assertThat(ignored.statusCode()).isEqualTo(200);
        assertThat(ignored.headers().firstValue("Preference-Applied")).isEmpty();
        assertThat(json(ignored.body()).has("@odata.deltaLink")).isFalse();
    }

    @Test
    void anIntersectWhoseRelatedTablesAreBothUntrackedIsRefused() {
        simulator.behaviour().changeTracking("systemuserprofiles", true).changeTracking("systemuser", false);
        HttpResponse<String> response =
                client.get("systemuserprofilescollection?$select=systemuserid", "Prefer", TRACK);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("0x80072492");

        simulator.behaviour().changeTracking("systemuser", true);
        Read read = track("systemuserprofilescollection?$select=systemuserid", 5000);
        assertThat(read.values()).hasSize(state.count("systemuserprofilescollection"));
    }

    @Test
    void countingADeltaAnswersTheNumberOfChanges() {
        Read initial = track("systemusers?$select=fullname", 5000);
        state.setUserDisabled(user("lee.gu@contoso.com"), true);
        state.deleteUser(user("kenji.watanabe@contoso.com"));
        String token = initial.deltaLink().substring(initial.deltaLink().indexOf("$deltatoken="));
        HttpResponse<String> count = client.get("systemusers/$count?" + token);
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).isEqualTo("2");
    }

    @Test
    void movingAUserIsTrackedInTheUsersMembershipsAndRoles() {
        Read users = track("systemusers?$select=_businessunitid_value", 5000);
        Read memberships = track("teammemberships?$select=teamid,systemuserid", 5000);
        Read roles = track("systemuserrolescollection?$select=roleid", 5000);
        UUID alex = user("alex.wilber@contoso.com");
        UUID service = state.businessUnitId("Service");
        long rolesBefore =
                state.userRoles().stream().filter(l -> l.left().equals(alex)).count();

        state.moveUser(alex, service, false);

        JsonNode moved = delta(users.deltaLink(), 5000).values().get(0);
        assertThat(moved.get("_businessunitid_value").stringValue()).isEqualTo(service.toString());
        List<JsonNode> teamChanges = delta(memberships.deltaLink(), 5000).values();
        assertThat(teamChanges).hasSize(2);
        assertThat(teamChanges.get(0).get("teamid").stringValue())
                .isEqualTo(state.teamId("Service").toString());
        assertThat(teamChanges.get(1).get("reason").stringValue()).isEqualTo("deleted");
        assertThat(delta(roles.deltaLink(), 5000).values()).hasSize((int) rolesBefore);
        assertThat(state.userRoles()).noneMatch(l -> l.left().equals(alex));
    }

    @Test
    void aMalformedOrAlteredTokenOrCookieIsRefused() {
        HttpResponse<String> malformed = client.get("teams?$select=name&$deltatoken=yesterday");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(errorCode(malformed)).isEqualTo("0x80040203");
        HttpResponse<String> future =
                client.get("teams?$select=name&$deltatoken=999999999999%2101%2f01%2f2026%2000%3a00%3a00");
        assertThat(errorCode(future)).isEqualTo("0x80040203");

        Read initial = track("teammemberships?$select=teamid", 5000);
        UUID team = state.teamId("Project Phoenix");
        for (String upn : List.of("dana.birkby@contoso.com", "joni.sherman@contoso.com")) {
            state.addMembership(user(upn), team);
        }
        String next = json(client.getUrl(initial.deltaLink(), "Prefer", "odata.maxpagesize=1")
                        .body())
                .get("@odata.nextLink")
                .stringValue();
        assertThat(next).contains("version%253d%2522");
        HttpResponse<String> altered = client.getUrl(next.replace("version%253d%2522", "version%253d%25229"));
        assertThat(altered.statusCode()).isEqualTo(400);
        assertThat(errorCode(altered)).isEqualTo("0x80040203");
    }

    @Test
    void rowsOnRoleCopiesAreTrackedLikeTheRootsWhenSwitchedOn() {
        simulator.behaviour().rolePrivilegesOnCopies(true);
        Read initial = track("roleprivilegescollection?$select=roleid,privilegeid,privilegedepthmask", 5000);
        UUID delegate = state.roleCopy("Delegate", state.businessUnitId("Finance"));
        Map<UUID, String> rowOfRole = new HashMap<>();
        String privilege = state.privilegeId("prvActOnBehalfOfAnotherUser").toString();
        for (JsonNode row : initial.values()) {
            if (row.get("privilegeid").stringValue().equals(privilege)) {
                rowOfRole.put(
                        UUID.fromString(row.get("roleid").stringValue()),
                        row.get("roleprivilegeid").stringValue());
            }
        }
        Set<UUID> copies = state.rows("roles").stream()
                .filter(r -> r.get("_parentrootroleid_value").equals(state.rootRole(delegate)))
                .map(r -> (UUID) r.get("roleid"))
                .collect(Collectors.toSet());
        assertThat(rowOfRole.keySet()).containsAll(copies);

        state.setRolePrivilege(delegate, "prvActOnBehalfOfAnotherUser", 8);
        assertThat(delta(initial.deltaLink(), 5000).values()).isEmpty();
        state.removeRolePrivilege(delegate, "prvActOnBehalfOfAnotherUser");

        Read delta = delta(initial.deltaLink(), 5000);
        assertThat(delta.ids("roleprivilegeid"))
                .containsExactlyInAnyOrderElementsOf(
                        copies.stream().map(c -> "deleted:" + rowOfRole.get(c)).toList());
    }
}
