package io.accessgov.dynamics.dataverse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.ChangeToken;
import io.accessgov.dynamics.dataverse.ChangeTokenExpired;
import io.accessgov.dynamics.dataverse.ChangeTrackingRefused;
import io.accessgov.dynamics.dataverse.DataverseConnectionInfo;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.dataverse.InvalidContinuation;
import io.accessgov.dynamics.dataverse.ReadObserver;
import io.accessgov.dynamics.dataverse.RowChange;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.UserRoleLink;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.Fault;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import io.accessgov.dynamics.simulator.SimulatorState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** Reads with change tracking through the client, against the embedded simulator over HTTP (docs/dataverse.md §12). */
class ChangeTrackingReadsTest {

    private DataverseSimulator simulator;
    private WebApiDataverseClient client;
    private final AtomicInteger requests = new AtomicInteger();
    private final ReadObserver counting = new ReadObserver() {
        @Override
        public void exchanged() {
            requests.incrementAndGet();
        }

        @Override
        public void throttled(Duration waited) {}
    };

    @BeforeEach
    void start() {
        simulator = DataverseSimulator.start(0);
        client = clientOf(simulator);
    }

    private static WebApiDataverseClient clientOf(DataverseSimulator simulator) {
        DataverseConnection connection = DataverseConnection.of(
                DataverseConnectionInfo.Mode.SIMULATOR,
                simulator.environmentUrl(),
                simulator.authorityUrl(),
                simulator.tenantId(),
                simulator.clientId(),
                simulator.clientSecret());
        return DataverseWiring.client(
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
                new AccountClassifier(Set.of()),
                Clock.systemUTC(),
                duration -> {});
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void theDirectoryTablesAndRolePrivilegesAreTrackedByDefaultAndASwitchedOffOneIsNot() {
        assertThat(client.changeTrackedTables(counting))
                .containsExactlyInAnyOrder(
                        DataverseTable.BUSINESS_UNITS,
                        DataverseTable.USERS,
                        DataverseTable.ROLES,
                        DataverseTable.TEAMS,
                        DataverseTable.USER_ROLES,
                        DataverseTable.TEAM_MEMBERSHIPS,
                        DataverseTable.TEAM_ROLES,
                        DataverseTable.ROLE_PRIVILEGES);

        simulator.behaviour().changeTracking("teamroles", false);

        assertThat(client.changeTrackedTables(counting)).doesNotContain(DataverseTable.TEAM_ROLES);
    }

    @Test
    void aTrackedReadReturnsEveryRowUnderItsKeyAndATokenWithWhichAQuietTableCostsOneRequest() {
        List<RowChange<SystemUser>> rows = new ArrayList<>();
        Optional<ChangeToken> token = client.readAllTracked(DataverseTable.USERS, rows::addAll, counting);

        assertThat(token).isPresent();
        assertThat(rows).hasSize(simulator.state().count("systemusers"));
        assertThat(rows).allSatisfy(row -> assertThat(row.row().id()).isEqualTo(row.id()));

        requests.set(0);
        List<RowChange<SystemUser>> changes = new ArrayList<>();
        ChangeToken next = client.readChanges(DataverseTable.USERS, token.get(), changes::addAll, counting);

        assertThat(changes).isEmpty();
        assertThat(requests).hasValue(1);
        assertThat(client.readChanges(DataverseTable.USERS, next, changes::addAll, counting))
                .isNotNull();
        assertThat(changes).isEmpty();
    }

    @Test
    void theNextPageIsAskedForWhileTheLastIsStillBeingHandedOn() {
        stop();
        simulator = DataverseSimulator.start(SimulatorOptions.defaults().withMaxPageSize(10));
        client = clientOf(simulator);
        List<RowChange<SystemUser>> rows = new ArrayList<>();
        boolean[] nextAskedMeanwhile = {false};

        Optional<ChangeToken> token = client.readAllTracked(
                DataverseTable.USERS,
                page -> {
                    if (rows.isEmpty()) {
                        // a reader that handed pages on before asking for the next would never get past this
                        nextAskedMeanwhile[0] = waitFor(() -> usersRequests() >= 2);
                    }
                    rows.addAll(page);
                },
                counting);

        assertThat(nextAskedMeanwhile[0]).isTrue();
        assertThat(token).isPresent();
        assertThat(rows).hasSize(simulator.state().count("systemusers"));
        assertThat(usersRequests()).isGreaterThan(2);
    }

    @Test
    void aTrackedPageCutShortIsReadAgainAndEveryRowArrivesOnce() {
        stop();
        simulator = DataverseSimulator.start(SimulatorOptions.defaults().withMaxPageSize(10));
        client = clientOf(simulator);
        simulator.faults().inject(Fault.truncatedBody().onPath("/systemusers"));
        List<RowChange<SystemUser>> rows = new ArrayList<>();

        Optional<ChangeToken> token = client.readAllTracked(DataverseTable.USERS, rows::addAll, counting);

        assertThat(token).isPresent();
        assertThat(rows).hasSize(simulator.state().count("systemusers"));
        assertThat(rows.stream().map(RowChange::id).distinct()).hasSize(rows.size());
        assertThat(simulator.faults().pending()).isZero();
    }

    @Test
    void aConsumerThatFailsOnALaterPageFailsTheReadWithItsOwnFailure() {
        stop();
        simulator = DataverseSimulator.start(SimulatorOptions.defaults().withMaxPageSize(10));
        client = clientOf(simulator);
        IllegalStateException refused = new IllegalStateException("this row cannot be kept");
        AtomicInteger pages = new AtomicInteger();

        assertThatThrownBy(() -> client.readAllTracked(
                        DataverseTable.USERS,
                        page -> {
                            if (pages.incrementAndGet() == 2) {
                                throw refused;
                            }
                        },
                        counting))
                .isSameAs(refused);
        assertThat(pages).hasValue(2);
    }

    private long usersRequests() {
        return simulator.requests().dataverse().stream()
                .filter(request -> request.uri().contains("/systemusers"))
                .count();
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Test
    void changesOfALinkTableComeAsNewLinksAndRemovalsByTheLinkRowsOwnId() {
        SimulatorState state = simulator.state();
        Map<UUID, UserRoleLink> before = new java.util.HashMap<>();
        ChangeToken token = client.readAllTracked(
                        DataverseTable.USER_ROLES,
                        page -> page.forEach(change -> before.put(change.id(), change.row())),
                        counting)
                .orElseThrow();
        UserRoleLink removed = before.values().iterator().next();
        UUID removedId = before.entrySet().stream()
                .filter(entry -> entry.getValue().equals(removed))
                .findFirst()
                .orElseThrow()
                .getKey();
        state.removeUserRole(removed.userId(), removed.roleId());
        UUID user = state.userIdByDomainName(anyDomainNameWithoutRole(state, removed.roleId()));
        state.addUserRole(user, removed.roleId());

        List<RowChange<UserRoleLink>> changes = new ArrayList<>();
        client.readChanges(DataverseTable.USER_ROLES, token, changes::addAll, counting);

        assertThat(changes)
                .filteredOn(RowChange::isRemoval)
                .extracting(RowChange::id)
                .containsExactly(removedId);
        assertThat(changes)
                .filteredOn(change -> !change.isRemoval())
                .extracting(RowChange::row)
                .containsExactly(new UserRoleLink(user, removed.roleId()));
    }

    @Test
    void anExpiredTokenIsSaidSo() {
        ChangeToken token = client.readAllTracked(DataverseTable.TEAMS, page -> {}, counting)
                .orElseThrow();
        simulator.state().expireDeltaTokens();

        assertThatThrownBy(() -> client.readChanges(DataverseTable.TEAMS, token, page -> {}, counting))
                .isInstanceOf(ChangeTokenExpired.class)
                .hasMessageContaining("Version stamp associated with the client has expired");
    }

    @Test
    void aTableWhoseTrackingIsOffIsRefusedBothForAFirstReadAndForItsChanges() {
        ChangeToken token = client.readAllTracked(DataverseTable.ROLES, page -> {}, counting)
                .orElseThrow();
        simulator.behaviour().changeTracking("role", false);

        assertThatThrownBy(() -> client.readAllTracked(DataverseTable.ROLES, page -> {}, counting))
                .isInstanceOf(ChangeTrackingRefused.class);
        assertThatThrownBy(() -> client.readChanges(DataverseTable.ROLES, token, page -> {}, counting))
                .isInstanceOf(ChangeTrackingRefused.class);
    }

    @Test
    void aTokenOfAnotherTableIsRefusedBeforeAnythingIsSent() {
        ChangeToken teams = client.readAllTracked(DataverseTable.TEAMS, page -> {}, counting)
                .orElseThrow();
        requests.set(0);

        assertThatThrownBy(() -> client.readChanges(DataverseTable.ROLES, teams, page -> {}, counting))
                .isInstanceOf(InvalidContinuation.class);
        assertThat(requests).hasValue(0);
    }

    private static String anyDomainNameWithoutRole(SimulatorState state, UUID roleCopy) {
        Set<UUID> holders = state.userRoles().stream()
                .filter(link -> link.right().equals(roleCopy))
                .map(SimulatorState.Link::left)
                .collect(Collectors.toSet());
        UUID unit = state.businessUnitOf("roles", roleCopy);
        return state.rows("systemusers").stream()
                .filter(row -> unit.toString().equals(String.valueOf(row.get("_businessunitid_value"))))
                .filter(row -> !holders.contains(UUID.fromString(String.valueOf(row.get("systemuserid")))))
                .filter(row -> Integer.valueOf(0).equals(row.get("accessmode")))
                .map(row -> (String) row.get("domainname"))
                .findFirst()
                .orElseThrow();
    }
}
