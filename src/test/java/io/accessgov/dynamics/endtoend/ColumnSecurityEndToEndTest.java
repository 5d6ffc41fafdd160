package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.SimulatorState;
import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Field security profiles and column access over HTTP against the embedded simulator (docs/api.md §10), compared
 * with the simulator's own tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class ColumnSecurityEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    ServiceHttp http;
    SimulatorState state;

    @BeforeEach
    void connect() {
        http = new ServiceHttp(port);
        state = simulator.state();
    }

    @Test
    void listsEveryProfileWithThePermissionsItsRowsGive() {
        ServiceHttp.Listing listing = http.listAll("/api/v1/field-security-profiles", "pageSize=2");

        List<Map<String, Object>> rows = state.rows("fieldsecurityprofiles");
        assertThat(listing.pages()).isEqualTo((rows.size() + 1) / 2);
        assertThat(listing.items())
                .extracting(profile -> profile.get("name").asString())
                .containsExactlyInAnyOrderElementsOf(
                        rows.stream().map(row -> (String) row.get("name")).toList());
        for (JsonNode profile : listing.items()) {
            assertThat(permissions(profile))
                    .isEqualTo(expectedPermissions(
                            UUID.fromString(profile.get("id").asString())));
            assertThat(http.json("/api/v1/field-security-profiles/"
                            + profile.get("id").asString()))
                    .isEqualTo(profile);
        }
        JsonNode identity = listing.items().stream()
                .filter(profile -> profile.get("name").asString().equals("Identity Verification"))
                .findFirst()
                .orElseThrow();
        assertThat(identity.get("permissions")).singleElement().satisfies(permission -> {
            assertThat(permission.get("column").asString()).isEqualTo("governmentid");
            assertThat(permission.get("readUnmasked").asBoolean()).isTrue();
        });
    }

    @Test
    void whoReadsAColumnUnmaskedIsWhatTheProfileMembershipsGive() {
        for (String access : List.of("READ", "READ_UNMASKED", "CREATE", "UPDATE")) {
            ServiceHttp.Listing listing = http.listAll(
                    "/api/v1/column-access", "table=contact&column=governmentid&access=" + access + "&pageSize=2");

            Map<String, Set<String>> answered = new TreeMap<>();
            for (JsonNode holder : listing.items()) {
                Set<String> sources = new TreeSet<>();
                for (JsonNode source : holder.get("sources")) {
                    JsonNode via = source.get("via");
                    sources.add(source.at("/profile/name").asString() + "|"
                            + (via.get("type").asString().equals("direct")
                                    ? "direct"
                                    : "team:" + via.get("displayName").asString()));
                }
                answered.put(holder.at("/account/id").asString(), sources);
            }
            assertThat(answered).as(access).isEqualTo(expectedAccess("contact", "governmentid", access));
        }
        Map<String, Set<String>> unmasked = expectedAccess("contact", "governmentid", "READ_UNMASKED");
        assertThat(unmasked.get(
                        state.userIdByDomainName("julia.szabo@contoso.com").toString()))
                .contains("Identity Verification|direct");
        assertThat(unmasked.values().stream().flatMap(Set::stream)).anyMatch(source -> source.contains("|team:"));
    }

    @Test
    void badColumnQuestionsAreProblems() {
        UUID unknown = UUID.randomUUID();
        simulator.requests().clear();
        assertThat(http.get("/api/v1/column-access?table=contact&column=governmentid")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/column-access?table=contact&column=governmentid&access=DELETE")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/column-access?table=contact'&column=governmentid&access=READ")
                        .statusCode())
                .isEqualTo(400);
        assertThat(simulator.requests().dataverse()).isEmpty();

        HttpResponse<String> table = http.get("/api/v1/column-access?table=contacts&column=governmentid&access=READ");
        assertThat(table.statusCode()).isEqualTo(400);
        assertThat(table.body()).contains("'contacts'");
        HttpResponse<String> column = http.get("/api/v1/column-access?table=contact&column=fullname&access=READ");
        assertThat(column.statusCode()).isEqualTo(400);
        assertThat(column.body()).contains("not a secured column");
        HttpResponse<String> missing = http.get("/api/v1/field-security-profiles/" + unknown);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("field-security-profile-not-found");
    }

    /** Table, column and the four rights of each permission row of the profile. */
    private Set<String> expectedPermissions(UUID profile) {
        return state.rows("fieldpermissions").stream()
                .filter(row -> profile.equals(row.get("_fieldsecurityprofileid_value")))
                .map(row -> row.get("entityname") + "." + row.get("attributelogicalname") + " read="
                        + allowed(row, "canread")
                        + " unmasked=" + (((Number) row.getOrDefault("canreadunmasked", 0)).intValue() != 0)
                        + " create=" + allowed(row, "cancreate") + " update=" + allowed(row, "canupdate"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> permissions(JsonNode profile) {
        Set<String> permissions = new TreeSet<>();
        for (JsonNode p : profile.get("permissions")) {
            permissions.add(p.get("table").asString() + "." + p.get("column").asString() + " read="
                    + p.get("read").asBoolean() + " unmasked="
                    + p.get("readUnmasked").asBoolean() + " create="
                    + p.get("create").asBoolean() + " update=" + p.get("update").asBoolean());
        }
        return permissions;
    }

    private static boolean allowed(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).intValue() == 4;
    }

    /** Account id → "profile|via" of every profile allowing the access, for the accounts in scope. */
    private Map<String, Set<String>> expectedAccess(String table, String column, String access) {
        Map<UUID, String> allowing = new HashMap<>();
        for (Map<String, Object> row : state.rows("fieldpermissions")) {
            if (table.equals(row.get("entityname")) && column.equals(row.get("attributelogicalname"))) {
                int value =
                        switch (access) {
                            case "READ" -> ((Number) row.get("canread")).intValue() == 4 ? 1 : 0;
                            case "CREATE" -> ((Number) row.get("cancreate")).intValue() == 4 ? 1 : 0;
                            case "UPDATE" -> ((Number) row.get("canupdate")).intValue() == 4 ? 1 : 0;
                            default -> ((Number) row.getOrDefault("canreadunmasked", 0)).intValue();
                        };
                if (value != 0) {
                    UUID profile = (UUID) row.get("_fieldsecurityprofileid_value");
                    allowing.put(profile, (String) state.row("fieldsecurityprofiles", profile)
                            .orElseThrow()
                            .get("name"));
                }
            }
        }
        Set<String> inScope = http.listAll("/api/v1/accounts", "pageSize=1000").items().stream()
                .map(account -> account.get("id").asString())
                .collect(Collectors.toSet());
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Link link : state.userProfiles()) {
            if (allowing.containsKey(link.right())
                    && inScope.contains(link.left().toString())) {
                expected.computeIfAbsent(link.left().toString(), id -> new TreeSet<>())
                        .add(allowing.get(link.right()) + "|direct");
            }
        }
        for (Link teamProfile : state.teamProfiles()) {
            if (!allowing.containsKey(teamProfile.right())) {
                continue;
            }
            String teamName = (String)
                    state.row("teams", teamProfile.left()).orElseThrow().get("name");
            for (Link membership : state.memberships()) {
                if (membership.right().equals(teamProfile.left())
                        && inScope.contains(membership.left().toString())) {
                    expected.computeIfAbsent(membership.left().toString(), id -> new TreeSet<>())
                            .add(allowing.get(teamProfile.right()) + "|team:" + teamName);
                }
            }
        }
        return expected;
    }
}
