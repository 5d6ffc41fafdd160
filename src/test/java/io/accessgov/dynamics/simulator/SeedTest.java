package io.accessgov.dynamics.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeedTest {

    static DataverseSimulator simulator;
    static SimulatorState state;

    @BeforeAll
    static void start() {
        simulator = DataverseSimulator.start(0);
        state = simulator.state();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static List<Map<String, Object>> users() {
        return state.rows("systemusers");
    }

    static Map<String, Object> user(String domainName) {
        return state.row("systemusers", state.userIdByDomainName(domainName)).orElseThrow();
    }

    @Test
    void everyRoleIsCopiedIntoEveryBusinessUnitUnderOneRoot() {
        List<Map<String, Object>> units = state.rows("businessunits");
        Map<UUID, UUID> parentOf = new HashMap<>();
        units.forEach(u -> parentOf.put((UUID) u.get("businessunitid"), (UUID) u.get("_parentbusinessunitid_value")));
        List<Map<String, Object>> roles = state.rows("roles");
        Map<Object, List<Map<String, Object>>> byName =
                roles.stream().collect(Collectors.groupingBy(r -> r.get("name")));
        assertThat(byName).hasSizeGreaterThanOrEqualTo(12);
        byName.forEach((name, copies) -> {
            assertThat(copies).as(name.toString()).hasSize(units.size());
            Set<Object> rootIds =
                    copies.stream().map(r -> r.get("_parentrootroleid_value")).collect(Collectors.toSet());
            assertThat(rootIds).as(name.toString()).hasSize(1);
            Map<UUID, UUID> copyByUnit = new HashMap<>();
            copies.forEach(c -> copyByUnit.put((UUID) c.get("_businessunitid_value"), (UUID) c.get("roleid")));
            assertThat(copyByUnit.keySet()).hasSize(units.size());
            for (Map<String, Object> copy : copies) {
                UUID parentUnit = parentOf.get((UUID) copy.get("_businessunitid_value"));
                if (parentUnit == null) {
                    assertThat(copy.get("_parentrootroleid_value")).isEqualTo(copy.get("roleid"));
                    assertThat(copy.get("_parentroleid_value")).isNull();
                } else {
                    assertThat(copy.get("_parentroleid_value")).isEqualTo(copyByUnit.get(parentUnit));
                    assertThat(copy.get("_parentrootroleid_value"))
                            .isEqualTo(rootIds.iterator().next());
                }
            }
        });
    }

    @Test
    void businessUnitTreeHasOneRootAGrandchildLevelAndADisabledUnit() {
        List<Map<String, Object>> units = state.rows("businessunits");
        assertThat(units.stream().filter(u -> u.get("_parentbusinessunitid_value") == null))
                .hasSize(1);
        assertThat(units).anyMatch(u -> Boolean.TRUE.equals(u.get("isdisabled")));
        UUID root = state.rootBusinessUnitId();
        assertThat(units)
                .anyMatch(u -> u.get("_parentbusinessunitid_value") != null
                        && !root.equals(u.get("_parentbusinessunitid_value")));
    }

    @Test
    void everyBusinessUnitHasADefaultTeamHoldingEveryAccountOfTheUnit() {
        Set<Link> memberships = state.memberships();
        for (Map<String, Object> unit : state.rows("businessunits")) {
            UUID unitId = (UUID) unit.get("businessunitid");
            List<Map<String, Object>> defaults = state.rows("teams").stream()
                    .filter(t ->
                            unitId.equals(t.get("_businessunitid_value")) && Boolean.TRUE.equals(t.get("isdefault")))
                    .toList();
            assertThat(defaults).hasSize(1);
            assertThat(defaults.get(0).get("name")).isEqualTo(unit.get("name"));
            assertThat(defaults.get(0).get("teamtype")).isEqualTo(0);
            UUID team = (UUID) defaults.get(0).get("teamid");
            Set<UUID> expected = users().stream()
                    .filter(u -> unitId.equals(u.get("_businessunitid_value")))
                    .filter(u -> !Objects.equals(u.get("fullname"), "SYSTEM")
                            && !Objects.equals(u.get("fullname"), "INTEGRATION"))
                    .map(u -> (UUID) u.get("systemuserid"))
                    .collect(Collectors.toSet());
            Set<UUID> members = memberships.stream()
                    .filter(l -> l.right().equals(team))
                    .map(Link::left)
                    .collect(Collectors.toSet());
            assertThat(members).isEqualTo(expected);
        }
    }

    @Test
    void teamsOfEveryTypeExist() {
        Set<Object> types =
                state.rows("teams").stream().map(t -> t.get("teamtype")).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder(0, 1, 2, 3);
        state.rows("teams").stream()
                .filter(t -> (Integer) t.get("teamtype") >= 2)
                .forEach(t -> {
                    assertThat(t.get("azureactivedirectoryobjectid")).isNotNull();
                    assertThat(t.get("membershiptype")).isNotNull();
                });
        state.rows("teams")
                .forEach(t -> assertThat(t.get("_administratorid_value")).isNotNull());
    }

    @Test
    void everyKindOfSystemAccountIsPresent() {
        assertThat(users())
                .filteredOn(u -> "SYSTEM".equals(u.get("fullname")))
                .singleElement()
                .satisfies(
                        u -> assertThat(u.get("azureactivedirectoryobjectid")).isNull());
        assertThat(users())
                .filteredOn(u -> "INTEGRATION".equals(u.get("fullname")))
                .hasSize(1);
        assertThat(user("crmoln@microsoft.com").get("accessmode")).isEqualTo(3);
        assertThat(user("crmoln2@microsoft.com").get("accessmode")).isEqualTo(5);
        for (String platform : List.of("bap_sa@microsoft.com", "CAPPackageDeployerServiceDVClient@onmicrosoft.com")) {
            Map<String, Object> app = user(platform);
            assertThat(app.get("applicationid")).isNotNull();
            assertThat(app.get("firstname")).isEqualTo("#");
            assertThat(app.get("accessmode")).isEqualTo(4);
        }
        assertThat(user("hrsync@contoso.com").get("applicationid")).isNotNull();
        Map<String, Object> connector =
                state.row("systemusers", state.callerUserId()).orElseThrow();
        assertThat(connector.get("applicationid")).isEqualTo(UUID.fromString(simulator.clientId()));
        Map<String, Object> reporting = user("reporting.service@contoso.com");
        assertThat(reporting.get("accessmode")).isEqualTo(4);
        assertThat(reporting.get("applicationid")).isNull();
        assertThat(user("erp.integration@contoso.com").get("isintegrationuser")).isEqualTo(true);
        assertThat(user("legacy.import@contoso.com").get("systemmanagedusertype"))
                .isEqualTo(2);
        assertThat(users()).anyMatch(u -> Objects.equals(u.get("azurestate"), 1));
        assertThat(users()).anyMatch(u -> Objects.equals(u.get("accessmode"), 1));
        assertThat(users()).anyMatch(u -> Objects.equals(u.get("accessmode"), 2));
        assertThat(users().stream().filter(u -> Boolean.TRUE.equals(u.get("isdisabled"))))
                .hasSizeGreaterThan(1);
    }

    @Test
    void aboutFiftyPeopleWithContosoNames() {
        long humans = users().stream()
                .filter(u -> u.get("applicationid") == null
                        && Objects.equals(u.get("accessmode"), 0)
                        && String.valueOf(u.get("domainname")).endsWith("@contoso.com")
                        && Boolean.TRUE.equals(u.get("issyncwithdirectory"))
                        && !Boolean.TRUE.equals(u.get("isintegrationuser")))
                .count();
        assertThat(humans).isBetween(45L, 60L);
    }

    @Test
    void someoneHoldsARoleDirectlyAndThroughTwoTeams() {
        UUID alex = state.userIdByDomainName("alex.wilber@contoso.com");
        UUID salesperson = state.roleCopy("Salesperson", state.businessUnitId("Sales"));
        assertThat(state.userRoles()).contains(new Link(alex, salesperson));
        Set<UUID> teamsOfAlex = state.memberships().stream()
                .filter(l -> l.left().equals(alex))
                .map(Link::right)
                .collect(Collectors.toSet());
        long teamsGranting = state.teamRoles().stream()
                .filter(l -> l.right().equals(salesperson) && teamsOfAlex.contains(l.left()))
                .count();
        assertThat(teamsGranting).isEqualTo(2);
    }

    @Test
    void someRolesAreHeldOnlyThroughTeams() {
        Set<UUID> direct = state.userRoles().stream().map(Link::right).collect(Collectors.toSet());
        Map<UUID, Object> roleNames = new HashMap<>();
        state.rows("roles").forEach(r -> roleNames.put((UUID) r.get("roleid"), r.get("name")));
        Set<Object> directNames = direct.stream().map(roleNames::get).collect(Collectors.toSet());
        Set<Object> teamOnly = state.teamRoles().stream()
                .map(l -> roleNames.get(l.right()))
                .filter(name -> !directNames.contains(name))
                .collect(Collectors.toSet());
        assertThat(teamOnly).contains("Sales Manager", "Marketing Professional");
    }

    @Test
    void entraGroupTeamsHaveMembers() {
        UUID group = state.teamId("Dynamics Sales Users");
        assertThat(state.memberships().stream().filter(l -> l.right().equals(group)))
                .hasSizeGreaterThan(2);
    }

    @Test
    void roleCopiesOnLinksBelongToTheHoldersBusinessUnit() {
        for (Link link : state.userRoles()) {
            assertThat(state.businessUnitOf("roles", link.right()))
                    .isEqualTo(state.businessUnitOf("systemusers", link.left()));
        }
        for (Link link : state.teamRoles()) {
            assertThat(state.businessUnitOf("roles", link.right()))
                    .isEqualTo(state.businessUnitOf("teams", link.left()));
        }
    }

    @Test
    void theDemoOrganisationIsDeterministic() {
        try (DataverseSimulator other = DataverseSimulator.start(0)) {
            assertThat(other.state().rows("systemusers").stream()
                            .map(u -> u.get("systemuserid"))
                            .toList())
                    .isEqualTo(users().stream().map(u -> u.get("systemuserid")).toList());
            assertThat(other.state().userRoles().size())
                    .isEqualTo(state.userRoles().size());
        }
    }

    @Test
    void generatedOrganisationHasTheAskedSizeAndInvariants() {
        OrganisationSeed seed = OrganisationSeed.generated()
                .users(2_000)
                .businessUnits(6)
                .logicalRoles(20)
                .teams(60)
                .userRoleLinks(5_000)
                .memberships(3_000)
                .randomSeed(3)
                .build();
        try (DataverseSimulator generated =
                DataverseSimulator.start(SimulatorOptions.defaults().withSeed(seed))) {
            SimulatorState s = generated.state();
            assertThat(s.count("businessunits")).isEqualTo(6);
            assertThat(s.count("roles")).isEqualTo(120);
            assertThat(s.count("teams")).isEqualTo(60);
            assertThat(s.count("systemusers")).isEqualTo(2_000 + 4);
            assertThat(s.count("systemuserrolescollection")).isEqualTo(5_000 + 1);
            assertThat(s.count("teammemberships")).isEqualTo(3_000 + 2_000 + 2);
            Set<Link> links = new HashSet<>(s.userRoles());
            assertThat(links).hasSize(s.count("systemuserrolescollection"));
            for (Link link : s.userRoles()) {
                assertThat(s.businessUnitOf("roles", link.right()))
                        .isEqualTo(s.businessUnitOf("systemusers", link.left()));
            }
        }
    }

    @Test
    void largeOrganisationOfTheBenchmarkCanBeBuilt() {
        try (DataverseSimulator large =
                DataverseSimulator.start(SimulatorOptions.defaults().withSeed(OrganisationSeed.large()))) {
            SimulatorState s = large.state();
            assertThat(s.count("systemusers")).isEqualTo(100_004);
            assertThat(s.count("businessunits")).isEqualTo(40);
            assertThat(s.count("roles")).isEqualTo(2_400);
            assertThat(s.count("teams")).isEqualTo(3_000);
            assertThat(s.count("systemuserrolescollection")).isEqualTo(300_001);
            assertThat(s.count("teammemberships")).isEqualTo(250_000 + 100_002);
        }
    }
}
