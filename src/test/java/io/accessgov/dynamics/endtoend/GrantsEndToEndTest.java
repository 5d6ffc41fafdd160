package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.endtoend.ExpectedGrants.Expected;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Who has what, through the API, against a computation straight from the simulator's tables. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class GrantsEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    ServiceHttp http;
    ExpectedGrants expected;

    @BeforeEach
    void connect() {
        http = new ServiceHttp(port);
        expected = ExpectedGrants.of(simulator.state(), false);
    }

    @Test
    void everyHumanAccountsGrantsEqualTheTables() {
        for (String account : humans()) {
            assertThat(grants("principalType=account&principalId=" + account))
                    .as("grants of account %s", account)
                    .isEqualTo(expected.where(id -> id.endsWith(":account:" + account)));
        }
    }

    @Test
    void everyLogicalRolesHoldersEqualTheTables() {
        for (String root : rootRoles()) {
            assertThat(grants("resourceType=role&resourceId=" + root))
                    .as("holders of role %s", root)
                    .isEqualTo(expected.where(id -> id.startsWith("role:" + root + ":")));
        }
    }

    @Test
    void everyTeamsMembersAndRolesEqualTheTables() {
        for (Map<String, Object> team : simulator.state().rows("teams")) {
            String id = team.get("teamid").toString();
            assertThat(grants("resourceType=team&resourceId=" + id))
                    .as("members of team %s", team.get("name"))
                    .isEqualTo(expected.where(grant -> grant.startsWith("team:" + id + ":")));
            assertThat(grants("principalType=team&principalId=" + id))
                    .as("roles of team %s", team.get("name"))
                    .isEqualTo(expected.where(grant -> grant.endsWith(":team:" + id)));
        }
    }

    @Test
    void aRoleHeldDirectlyAndThroughTwoTeamsIsOneGrantWithThreeSources() {
        Expected mixed = expected.all().values().stream()
                .filter(grant ->
                        grant.sources().contains("direct") && grant.sources().size() >= 3)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo organisation should have such a grant"));

        JsonNode grant = http.json("/api/v1/grants/" + mixed.id());

        assertThat(sources(grant)).isEqualTo(mixed.sources()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(grant.get("revocable").asBoolean()).isTrue();
    }

    @Test
    void aRoleHeldOnlyThroughATeamIsNotRevocable() {
        Expected inherited = expected.all().values().stream()
                .filter(grant -> grant.id().contains(":account:") && grant.id().startsWith("role:"))
                .filter(grant -> !grant.sources().contains("direct"))
                .findFirst()
                .orElseThrow();

        JsonNode grant = http.json("/api/v1/grants/" + inherited.id());

        assertThat(grant.get("revocable").asBoolean()).isFalse();
        assertThat(sources(grant)).allMatch(source -> source.startsWith("team:"));
    }

    @Test
    void anyCopysIdNamesTheLogicalRole() {
        String root = mostHeldRole();
        Map<String, Expected> holders = expected.where(id -> id.startsWith("role:" + root + ":"));
        List<String> copies = simulator.state().rows("roles").stream()
                .filter(role -> role.get("_parentrootroleid_value").toString().equals(root))
                .map(role -> role.get("roleid").toString())
                .toList();

        assertThat(copies).hasSizeGreaterThan(1);
        for (String copy : copies) {
            assertThat(grants("resourceType=role&resourceId=" + copy))
                    .as("copy %s", copy)
                    .isEqualTo(holders);
        }
    }

    @Test
    void aGrantIsFoundByTheIdOfAnyCopyOfItsRoleAndAnswersWithTheRootsId() {
        String root = mostHeldRole();
        List<String> copies = copiesOf(root);
        Expected held = expected.where(id -> id.startsWith("role:" + root + ":")).values().stream()
                .filter(grant -> grant.id().contains(":account:"))
                .findFirst()
                .orElseThrow();
        Expected heldByTeam = expected.all().values().stream()
                .filter(grant -> grant.id().startsWith("role:") && grant.id().contains(":team:"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo organisation should have a team holding a role"));
        String teamsRoot = heldByTeam.id().split(":")[1];

        assertThat(copies).hasSizeGreaterThan(1).contains(root);
        for (String copy : copies) {
            JsonNode grant = http.json("/api/v1/grants/" + held.id().replace(root, copy));
            assertThat(grant.get("id").asString()).as("copy %s", copy).isEqualTo(held.id());
            assertThat(grant.get("resource").get("id").asString()).isEqualTo(root);
            assertThat(sources(grant)).isEqualTo(held.sources());
        }
        for (String copy : copiesOf(teamsRoot)) {
            assertThat(http.json("/api/v1/grants/" + heldByTeam.id().replace(teamsRoot, copy))
                            .get("id")
                            .asString())
                    .as("team's role by copy %s", copy)
                    .isEqualTo(heldByTeam.id());
        }
    }

    @Test
    void aRoleCopyTheAccountDoesNotHoldIsStillNotFound() {
        String root = mostHeldRole();
        String nonHolder = humans().stream()
                .filter(account -> !expected.all().containsKey("role:" + root + ":assigned:account:" + account))
                .findFirst()
                .orElseThrow();
        String copy = copiesOf(root).stream()
                .filter(id -> !id.equals(root))
                .findFirst()
                .orElseThrow();

        var response = http.get("/api/v1/grants/role:" + copy + ":assigned:account:" + nonHolder);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("problem:grant-not-found");
    }

    @Test
    void aRoleWithMoreHoldersThanOnePagePagesCorrectly() {
        String root = mostHeldRole();
        Map<String, Expected> holders = expected.where(id -> id.startsWith("role:" + root + ":"));

        ServiceHttp.Listing listing =
                http.listAll("/api/v1/grants", "resourceType=role&resourceId=" + root + "&pageSize=2");

        assertThat(holders).hasSizeGreaterThan(4);
        assertThat(listing.pages()).isEqualTo((holders.size() + 1) / 2);
        assertThat(listing.ids()).doesNotHaveDuplicates().containsExactlyElementsOf(holders.keySet());
    }

    @Test
    void excludedSystemAccountsNeverAppear() {
        Set<String> excluded = simulator.state().rows("systemusers").stream()
                .filter(user -> !ExpectedAccounts.typeOf(user, Set.of()).equals("HUMAN"))
                .map(user -> user.get("systemuserid").toString())
                .collect(Collectors.toSet());
        for (String root : rootRoles()) {
            assertThat(http.listAll("/api/v1/grants", "resourceType=role&resourceId=" + root)
                            .items())
                    .noneMatch(grant ->
                            excluded.contains(grant.get("principal").get("id").asString()));
        }
        String system = excluded.iterator().next();
        assertThat(http.get("/api/v1/grants?principalType=account&principalId=" + system)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedOnesAreBadRequests() {
        String nobody = "00000000-0000-0000-0000-0000000000aa";
        assertThat(http.get("/api/v1/grants?principalType=account&principalId=" + nobody)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/grants?resourceType=role&resourceId=" + nobody)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/grants?resourceType=team&resourceId=" + nobody)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/grants/role:" + nobody + ":assigned:account:" + humans().get(0))
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/grants?principalType=account&principalId=%27%20or%201%20eq%201")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/grants?principalType=user&principalId=" + nobody)
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/grants").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/grants/role:..%2F..%2Fx").statusCode()).isEqualTo(400);
    }

    private Map<String, Expected> grants(String query) {
        Map<String, Expected> grants = new TreeMap<>();
        for (JsonNode grant :
                http.listAll("/api/v1/grants", query + "&pageSize=1000").items()) {
            String id = grant.get("id").asString();
            assertThat(grants).as("grant %s listed twice", id).doesNotContainKey(id);
            grants.put(
                    id, new Expected(id, sources(grant), grant.get("revocable").asBoolean()));
        }
        return grants;
    }

    private static Set<String> sources(JsonNode grant) {
        Set<String> sources = new TreeSet<>();
        grant.get("sources")
                .forEach(source -> sources.add(
                        source.get("type").asString().equals("direct")
                                ? "direct"
                                : "team:" + source.get("id").asString()));
        return sources;
    }

    private List<String> humans() {
        return simulator.state().rows("systemusers").stream()
                .filter(user -> ExpectedAccounts.typeOf(user, Set.of()).equals("HUMAN"))
                .map(user -> user.get("systemuserid").toString())
                .sorted()
                .toList();
    }

    private List<String> rootRoles() {
        return simulator.state().rows("roles").stream()
                .filter(role -> role.get("_parentroleid_value") == null)
                .map(role -> role.get("roleid").toString())
                .toList();
    }

    private List<String> copiesOf(String root) {
        return simulator.state().rows("roles").stream()
                .filter(role -> role.get("_parentrootroleid_value").toString().equals(root))
                .map(role -> role.get("roleid").toString())
                .toList();
    }

    private String mostHeldRole() {
        return rootRoles().stream()
                .max(Comparator.comparingInt((String root) -> expected.where(id -> id.startsWith("role:" + root + ":"))
                        .size()))
                .orElseThrow();
    }
}
