package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GeneratedSecurityTest {

    static final int PEOPLE = 2_000;

    static DataverseSimulator simulator;
    static SimulatorState state;
    static SimulatorClient client;

    @BeforeAll
    static void start() {
        OrganisationSeed seed = OrganisationSeed.generated()
                .users(PEOPLE)
                .businessUnits(6)
                .logicalRoles(20)
                .teams(60)
                .userRoleLinks(5_000)
                .memberships(3_000)
                .customTables(40)
                .globalPrivilegeShare(0.05)
                .fieldSecurityProfiles(6)
                .profileMemberships(150)
                .build();
        simulator = DataverseSimulator.start(SimulatorOptions.defaults().withSeed(seed));
        state = simulator.state();
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** Role copy → its root role. */
    static Map<UUID, UUID> rootOfCopy() {
        Map<UUID, UUID> roots = new HashMap<>();
        state.rows("roles").forEach(r -> roots.put((UUID) r.get("roleid"), (UUID) r.get("_parentrootroleid_value")));
        return roots;
    }

    @Test
    void everyLogicalRoleHoldsPrivilegesAndCustomRolesHoldHundreds() {
        Map<UUID, UUID> roots = rootOfCopy();
        Set<UUID> rootRoles = new HashSet<>(roots.values());
        assertThat(rootRoles).hasSize(21);
        for (UUID root : rootRoles) {
            Map<String, Integer> held = state.rolePrivileges(root);
            assertThat(held).isNotEmpty();
            String name = (String) state.row("roles", root).orElseThrow().get("name");
            if (name.startsWith("Custom Role")) {
                assertThat(held.size()).isBetween(400, 650);
                assertThat(held.values()).allMatch(depth -> Set.of(1, 2, 4, 8).contains(depth));
            }
        }
        assertThat(state.count("privileges"))
                .isEqualTo(state.rolePrivileges(roots.keySet().stream()
                                .filter(r -> "System Administrator"
                                        .equals(state.row("roles", r)
                                                .orElseThrow()
                                                .get("name")))
                                .findFirst()
                                .orElseThrow())
                        .size());
        assertThat(client.get("privileges?$select=name&$filter=startswith(name,'prvReadcr6a1_Table')")
                        .body())
                .contains("prvReadcr6a1_Table040");
    }

    @Test
    void aboutFivePercentOfThePeopleDeleteAccountsAtGlobalDepthDirectlyOrThroughTeams() {
        Map<UUID, UUID> roots = rootOfCopy();
        Set<UUID> globalRoots = roots.values().stream()
                .distinct()
                .filter(root -> Objects.equals(state.rolePrivileges(root).get("prvDeleteAccount"), 8))
                .collect(Collectors.toSet());
        assertThat(globalRoots.stream()
                        .map(r -> state.row("roles", r).orElseThrow().get("name")))
                .containsExactlyInAnyOrder("System Administrator", "Data Steward");
        Set<UUID> holders = new HashSet<>();
        Set<UUID> direct = new HashSet<>();
        for (Link link : state.userRoles()) {
            if (globalRoots.contains(roots.get(link.right()))) {
                holders.add(link.left());
                direct.add(link.left());
            }
        }
        Set<UUID> teams = state.teamRoles().stream()
                .filter(link -> globalRoots.contains(roots.get(link.right())))
                .map(Link::left)
                .collect(Collectors.toSet());
        Set<UUID> throughTeams = new HashSet<>();
        for (Link membership : state.memberships()) {
            if (teams.contains(membership.right())) {
                holders.add(membership.left());
                throughTeams.add(membership.left());
            }
        }
        holders.remove(state.callerUserId());
        assertThat(holders).hasSize(PEOPLE / 20);
        assertThat(direct).hasSizeGreaterThan(PEOPLE / 50);
        assertThat(throughTeams).hasSizeGreaterThan(PEOPLE / 50);
        Set<UUID> administrators = state.userRoles().stream()
                .filter(l -> "System Administrator"
                        .equals(state.row("roles", l.right()).orElseThrow().get("name")))
                .map(Link::left)
                .collect(Collectors.toSet());
        assertThat(administrators).containsExactly(state.callerUserId());
    }

    @Test
    void profilesAreHeldByPeopleAndTeamsButNeverByAccessTeams() {
        assertThat(state.count("fieldsecurityprofiles")).isEqualTo(6);
        assertThat(state.userProfiles()).hasSize(150 + 1);
        Set<Object> accessTeams = state.rows("teams").stream()
                .filter(t -> Objects.equals(t.get("teamtype"), 1))
                .map(t -> t.get("teamid"))
                .collect(Collectors.toSet());
        assertThat(state.teamProfiles()).isNotEmpty().noneMatch(l -> accessTeams.contains(l.left()));
        JsonNode admin = json(client.get(
                                "fieldpermissions?$select=attributelogicalname&$filter=_fieldsecurityprofileid_value%20eq%20"
                                        + state.profileId("System Administrator"))
                        .body())
                .get("value");
        assertThat(admin.size()).isEqualTo(8 + 40);
    }
}
