package io.accessgov.dynamics.dataverse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.AccountType;
import io.accessgov.dynamics.dataverse.DataverseConnectionInfo;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamQuery;
import io.accessgov.dynamics.dataverse.UserQuery;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** The client against the embedded simulator over HTTP: the whole read surface and the classifier on its seed. */
class SimulatorContractTest {

    private static DataverseSimulator simulator;
    private static WebApiDataverseClient client;
    private static final AccountClassifier CLASSIFIER = new AccountClassifier(Set.of());

    @BeforeAll
    static void start() {
        simulator = DataverseSimulator.start(0);
        DataverseConnection connection = DataverseConnection.of(
                DataverseConnectionInfo.Mode.SIMULATOR,
                simulator.environmentUrl(),
                simulator.authorityUrl(),
                simulator.tenantId(),
                simulator.clientId(),
                simulator.clientSecret());
        client = DataverseWiring.client(
                connection,
                new DynamicsProperties.Http(
                        8,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(10),
                        4,
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(5),
                        new DynamicsProperties.Background(4, Duration.ofSeconds(30))),
                WebClient.builder(),
                new SimpleMeterRegistry(),
                CLASSIFIER,
                Clock.systemUTC(),
                duration -> {});
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void signsInAndAsksWhoAmI() {
        assertThat(client.whoAmI().userId()).isNotNull();
    }

    @Test
    void theDataverseFilterAndTheJavaRuleAgreeOnTheSeed() {
        List<SystemUser> everyone = new ArrayList<>();
        client.readAll(DataverseTable.USERS, everyone::addAll);
        assertThat(everyone).hasSizeGreaterThan(40);
        Map<AccountType, Set<UUID>> expected = everyone.stream()
                .collect(Collectors.groupingBy(
                        CLASSIFIER::classify, Collectors.mapping(SystemUser::id, Collectors.toSet())));
        assertThat(expected.keySet()).containsExactlyInAnyOrder(AccountType.values());
        for (AccountType type : AccountType.values()) {
            assertThat(pagedIds(new UserQuery(null, Set.of(type), null), 7))
                    .as(type.name())
                    .isEqualTo(expected.get(type));
        }
        Set<UUID> humanOrService = new HashSet<>(expected.get(AccountType.HUMAN));
        humanOrService.addAll(expected.get(AccountType.SERVICE));
        assertThat(pagedIds(new UserQuery(null, EnumSet.of(AccountType.HUMAN, AccountType.SERVICE), null), 5))
                .isEqualTo(humanOrService);
    }

    @Test
    void listsEveryAccountExactlyOnceAcrossPages() {
        List<UUID> ids = new ArrayList<>();
        DataversePage<SystemUser> page =
                client.findUsers(new UserQuery(null, EnumSet.allOf(AccountType.class), null), 3);
        page.items().forEach(user -> ids.add(user.id()));
        while (page.next() != null) {
            page = client.findUsers(page.next());
            page.items().forEach(user -> ids.add(user.id()));
        }
        List<SystemUser> everyone = new ArrayList<>();
        client.readAll(DataverseTable.USERS, everyone::addAll);
        assertThat(ids).doesNotHaveDuplicates().hasSize(everyone.size());
    }

    @Test
    void searchTextIsDataEvenWithQuotesAndWildcards() {
        for (String search : List.of("' or 1 eq 1", "%27", ")", "$filter=", "%", "_", "[", "O'")) {
            DataversePage<SystemUser> page =
                    client.findUsers(new UserQuery(null, EnumSet.allOf(AccountType.class), search), 50);
            for (SystemUser user : page.items()) {
                String haystack = (user.fullName() + " " + user.domainName() + " " + user.email()).toLowerCase();
                assertThat(haystack).as(search).contains(search.toLowerCase());
            }
        }
    }

    @Test
    void readsRolesTeamsBusinessUnitsAndLinks() {
        var units = client.businessUnits();
        assertThat(units).isNotEmpty();
        DataversePage<SecurityRole> roles = client.findLogicalRoles(null, 100);
        assertThat(roles.items()).isNotEmpty().allMatch(SecurityRole::isRoot);
        SecurityRole role = roles.items().get(0);
        List<SecurityRole> copies = client.roleCopies(role.id());
        assertThat(copies).hasSize(units.size()).allMatch(copy -> copy.rootRoleId()
                .equals(role.id()));
        assertThat(client.findRole(copies.get(copies.size() - 1).id())).isPresent();
        DataversePage<Team> teams = client.findTeams(new TeamQuery(null, null), 100);
        assertThat(teams.items()).anyMatch(Team::defaultBusinessUnitTeam).anyMatch(team -> team.type()
                .isEntraGroup());
        List<UUID> teamIds = teams.items().stream().map(Team::id).toList();
        assertThat(client.membershipsOfTeams(teamIds)).isNotEmpty();
        assertThat(client.teamRolesOfTeams(teamIds)).isNotEmpty();
        List<UUID> copyIds = copies.stream().map(SecurityRole::id).toList();
        var holders = client.userRolesOfRoles(copyIds);
        if (!holders.isEmpty()) {
            assertThat(client.userRolesOfUser(holders.get(0).userId())).contains(holders.get(0));
        }
        List<Object> everything = new ArrayList<>();
        client.readAll(DataverseTable.TEAM_MEMBERSHIPS, everything::addAll);
        client.readAll(DataverseTable.USER_ROLES, everything::addAll);
        client.readAll(DataverseTable.TEAM_ROLES, everything::addAll);
        client.readAll(DataverseTable.ROLES, everything::addAll);
        client.readAll(DataverseTable.TEAMS, everything::addAll);
        client.readAll(DataverseTable.BUSINESS_UNITS, everything::addAll);
        assertThat(everything).isNotEmpty();
    }

    private Set<UUID> pagedIds(UserQuery query, int pageSize) {
        Set<UUID> ids = new HashSet<>();
        DataversePage<SystemUser> page = client.findUsers(query, pageSize);
        page.items().forEach(user -> ids.add(user.id()));
        while (page.next() != null) {
            page = client.findUsers(page.next());
            page.items().forEach(user -> assertThat(ids.add(user.id())).isTrue());
        }
        return ids;
    }
}
