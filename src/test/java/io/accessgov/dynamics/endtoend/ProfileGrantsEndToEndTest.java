package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.SimulatorState;
import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Field security profile memberships as grants (docs/api.md §10): who holds a profile, as the simulator's link
 * tables say, and granting and revoking them with the rules of roles — exactly the intended link, idempotent,
 * nothing sent when refused, audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class ProfileGrantsEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    ServiceHttp http;
    SimulatorState state;
    Set<Link> userProfiles;
    Set<Link> teamProfiles;
    UUID identity;
    UUID credit;
    UUID alex;
    UUID diego;
    UUID escalations;
    UUID leadership;

    @BeforeEach
    void snapshot() {
        http = new ServiceHttp(port);
        state = simulator.state();
        userProfiles = state.userProfiles();
        teamProfiles = state.teamProfiles();
        identity = state.profileId("Identity Verification");
        credit = state.profileId("Credit Control");
        alex = state.userIdByDomainName("alex.wilber@contoso.com");
        diego = state.userIdByDomainName("diego.siciliani@contoso.com");
        escalations = state.teamId("Service Escalations");
        leadership = state.teamId("Sales Leadership");
        simulator.requests().clear();
    }

    @AfterEach
    void putBack() {
        state.userProfiles().stream()
                .filter(link -> !userProfiles.contains(link))
                .forEach(link -> state.removeUserProfile(link.left(), link.right()));
        userProfiles.stream()
                .filter(link -> !state.userProfiles().contains(link))
                .forEach(link -> state.addUserProfile(link.left(), link.right()));
        state.teamProfiles().stream()
                .filter(link -> !teamProfiles.contains(link))
                .forEach(link -> state.removeTeamProfile(link.left(), link.right()));
        teamProfiles.stream()
                .filter(link -> !state.teamProfiles().contains(link))
                .forEach(link -> state.addTeamProfile(link.left(), link.right()));
    }

    @Test
    void theHoldersOfAProfileAreItsUsersItsTeamsAndTheirMembers() {
        ServiceHttp.Listing grants = http.listAll(
                "/api/v1/grants", "resourceType=field-security-profile&resourceId=" + identity + "&pageSize=3");

        Set<String> expected = new TreeSet<>();
        for (Link link : state.userProfiles()) {
            if (link.right().equals(identity)) {
                expected.add("field-security-profile:" + identity + ":member:account:" + link.left() + " direct");
            }
        }
        for (Link teamLink : state.teamProfiles()) {
            if (teamLink.right().equals(identity)) {
                expected.add("field-security-profile:" + identity + ":member:team:" + teamLink.left() + " direct");
                for (Link membership : state.memberships()) {
                    if (membership.right().equals(teamLink.left())) {
                        expected.add("field-security-profile:" + identity + ":member:account:" + membership.left()
                                + " team:" + teamLink.left());
                    }
                }
            }
        }
        Set<String> answered = new TreeSet<>();
        for (JsonNode grant : grants.items()) {
            for (JsonNode source : grant.get("sources")) {
                answered.add(grant.get("id").asString() + " "
                        + (source.get("type").asString().equals("direct")
                                ? "direct"
                                : "team:" + source.get("id").asString()));
            }
        }
        assertThat(answered).isEqualTo(expected);
        assertThat(expected).anyMatch(line -> line.endsWith(" team:" + escalations));
        assertThat(simulator.requests().writes()).isEmpty();
    }

    @Test
    void anAccountsGrantsIncludeItsProfilesDirectAndThroughTeams() {
        JsonNode grants = http.json("/api/v1/grants?principalType=account&principalId=" + diego + "&pageSize=1000");

        JsonNode profile = grants.get("items")
                .valueStream()
                .filter(grant -> grant.get("id")
                        .asString()
                        .equals("field-security-profile:" + identity + ":member:account:" + diego))
                .findFirst()
                .orElseThrow();
        assertThat(profile.at("/resource/displayName").asString()).isEqualTo("Identity Verification");
        assertThat(profile.get("sources").toString())
                .isEqualTo(
                        "[{\"type\":\"team\",\"id\":\"" + escalations + "\",\"displayName\":\"Service Escalations\"}]");
        assertThat(profile.get("revocable").asBoolean()).isFalse();
    }

    @Test
    void grantingAProfileAddsExactlyThatLinkAndRepeatingItChangesNothing() {
        String since = java.time.Instant.now().minusMillis(1).toString();
        HttpResponse<String> first = grant(credit, "account", alex);
        HttpResponse<String> again = grant(credit, "account", alex);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(ServiceHttp.parse(first.body()).get("id").asString())
                .isEqualTo("field-security-profile:" + credit + ":member:account:" + alex);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(state.userProfiles()).containsAll(userProfiles).contains(new Link(alex, credit));
        assertThat(state.userProfiles()).hasSize(userProfiles.size() + 1);
        assertThat(state.teamProfiles()).isEqualTo(teamProfiles);
        assertThat(simulator.requests().writes()).hasSize(1);

        String id = "field-security-profile:" + credit + ":member:account:" + alex;
        assertThat(http.send("DELETE", "/api/v1/grants/" + id, null).statusCode())
                .isEqualTo(204);
        assertThat(http.send("DELETE", "/api/v1/grants/" + id, null).statusCode())
                .isEqualTo(204);
        assertThat(state.userProfiles()).isEqualTo(userProfiles);
        assertThat(simulator.requests().writes()).hasSize(2);

        JsonNode audit =
                http.json("/api/v1/audit-events?resourceId=" + credit + "&principalId=" + alex + "&since=" + since);
        assertThat(audit.get("items")
                        .valueStream()
                        .map(event -> event.get("outcome").asString())
                        .toList())
                .containsExactly("created", "already-held", "revoked", "already-absent");
    }

    @Test
    void givesATeamAProfileAndTakesItAway() {
        HttpResponse<String> answer = grant(credit, "team", leadership);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(state.teamProfiles()).hasSize(teamProfiles.size() + 1).contains(new Link(leadership, credit));
        HttpResponse<String> removed = http.send(
                "DELETE", "/api/v1/grants/field-security-profile:" + credit + ":member:team:" + leadership, null);
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(state.teamProfiles()).isEqualTo(teamProfiles);
    }

    @Test
    void anAccessTeamCannotHoldAProfileAndNothingIsSent() {
        UUID accessTeam = state.teamId("Key Account Collaboration");

        HttpResponse<String> answer = grant(identity, "team", accessTeam);

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("access-team-cannot-hold-profiles");
        assertThat(simulator.requests().writes()).isEmpty();
        assertThat(state.teamProfiles()).isEqualTo(teamProfiles);
    }

    @Test
    void aProfileHeldOnlyThroughATeamCannotBeRevokedFromTheAccount() {
        HttpResponse<String> answer = http.send(
                "DELETE", "/api/v1/grants/field-security-profile:" + identity + ":member:account:" + diego, null);

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("grant-inherited-only").contains("Service Escalations");
        assertThat(simulator.requests().writes()).isEmpty();
    }

    @Test
    void unknownProfilesAndBadRequestsChangeNothing() {
        assertThat(grant(UUID.randomUUID(), "account", alex).statusCode()).isEqualTo(404);
        HttpResponse<String> unit = http.send(
                "POST",
                "/api/v1/grants",
                "{\"resourceType\": \"field-security-profile\", \"resourceId\": \"" + credit
                        + "\", \"principalType\": \"account\", \"principalId\": \"" + alex
                        + "\", \"businessUnitId\": \"" + state.rootBusinessUnitId() + "\"}");
        assertThat(unit.statusCode()).isEqualTo(400);
        assertThat(simulator.requests().writes()).isEmpty();
        assertThat(state.userProfiles()).isEqualTo(userProfiles);
    }

    private HttpResponse<String> grant(UUID profile, String principalType, UUID principalId) {
        return http.send(
                "POST",
                "/api/v1/grants",
                "{\"resourceType\": \"field-security-profile\", \"resourceId\": \"" + profile
                        + "\", \"principalType\": \"" + principalType + "\", \"principalId\": \"" + principalId
                        + "\"}");
    }
}
