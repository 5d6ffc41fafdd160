package io.accessgov.dynamics.dataverse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.BusinessRuleViolated;
import io.accessgov.dynamics.dataverse.DataverseAccessDenied;
import io.accessgov.dynamics.dataverse.DataverseConnectionInfo;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.dataverse.LinkChange;
import io.accessgov.dynamics.simulator.Behaviour;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.Fault;
import io.accessgov.dynamics.simulator.RecordedRequest;
import io.accessgov.dynamics.simulator.SimulatorState;
import io.accessgov.dynamics.simulator.SimulatorState.Link;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** The client's changes against the embedded simulator over HTTP: the requests sent, and the tables afterwards. */
class LinkWritesTest {

    private DataverseSimulator simulator;
    private SimulatorState state;
    private WebApiDataverseClient client;
    private UUID alex;
    private UUID sales;
    private UUID salespersonInSales;
    private UUID customizerInSales;
    private UUID leadership;

    @BeforeEach
    void start() {
        simulator = DataverseSimulator.start(0);
        state = simulator.state();
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
                        Duration.ofSeconds(1),
                        4,
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(5),
                        new DynamicsProperties.Background(4, Duration.ofSeconds(30))),
                WebClient.builder(),
                new SimpleMeterRegistry(),
                new AccountClassifier(Set.of()),
                Clock.systemUTC(),
                duration -> {});
        alex = state.userIdByDomainName("alex.wilber@contoso.com");
        sales = state.businessUnitId("Sales");
        salespersonInSales = state.roleCopy("Salesperson", sales);
        customizerInSales = state.roleCopy("System Customizer", sales);
        leadership = state.teamId("Sales Leadership");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void assignsARoleCopyWithAnAbsoluteODataIdAndReturnsTheRequestId() {
        Set<Link> before = state.userRoles();

        LinkChange change = client.assignRoleToUser(alex, customizerInSales);

        assertThat(change.outcome()).isEqualTo(LinkChange.Outcome.CHANGED);
        assertThat(state.userRoles()).containsAll(before).contains(new Link(alex, customizerInSales));
        assertThat(state.userRoles()).hasSize(before.size() + 1);
        RecordedRequest write = onlyWrite();
        assertThat(write.method()).isEqualTo("POST");
        assertThat(write.path()).isEqualTo("/api/data/v9.2/systemusers(" + alex + ")/systemuserroles_association/$ref");
        assertThat(write.body())
                .isEqualTo("{\"@odata.id\":\"" + simulator.webApiUrl() + "roles(" + customizerInSales + ")\"}");
        assertThat(change.requestId()).isEqualTo(write.requestId());
    }

    @Test
    void removesADirectAssignmentWithTheKeySegmentForm() {
        state.addUserRole(alex, customizerInSales);

        LinkChange change = client.removeRoleFromUser(alex, customizerInSales);

        assertThat(change.changed()).isTrue();
        assertThat(state.userRoles()).doesNotContain(new Link(alex, customizerInSales));
        assertThat(onlyWrite().path())
                .isEqualTo("/api/data/v9.2/systemusers(" + alex + ")/systemuserroles_association(" + customizerInSales
                        + ")/$ref");
    }

    @Test
    void givesAndTakesAFieldSecurityProfileThroughItsAssociations() {
        UUID credit = state.profileId("Credit Control");
        Set<Link> before = state.userProfiles();

        LinkChange added = client.addProfileToUser(alex, credit);

        assertThat(added.outcome()).isEqualTo(LinkChange.Outcome.CHANGED);
        assertThat(state.userProfiles()).hasSize(before.size() + 1).contains(new Link(alex, credit));
        RecordedRequest write = onlyWrite();
        assertThat(write.path())
                .isEqualTo("/api/data/v9.2/systemusers(" + alex + ")/systemuserprofiles_association/$ref");
        assertThat(write.body())
                .isEqualTo("{\"@odata.id\":\"" + simulator.webApiUrl() + "fieldsecurityprofiles(" + credit + ")\"}");

        assertThat(client.addProfileToUser(alex, credit).outcome()).isEqualTo(LinkChange.Outcome.ALREADY_DONE);
        assertThat(client.removeProfileFromUser(alex, credit).outcome()).isEqualTo(LinkChange.Outcome.CHANGED);
        assertThat(state.userProfiles()).isEqualTo(before);
    }

    @Test
    void givesATeamAProfileAndTakesItAgain() {
        UUID credit = state.profileId("Credit Control");
        Set<Link> before = state.teamProfiles();

        assertThat(client.addProfileToTeam(leadership, credit).changed()).isTrue();
        assertThat(state.teamProfiles()).hasSize(before.size() + 1).contains(new Link(leadership, credit));
        assertThat(onlyWrite().path())
                .isEqualTo("/api/data/v9.2/teams(" + leadership + ")/teamprofiles_association/$ref");

        assertThat(client.removeProfileFromTeam(leadership, credit).changed()).isTrue();
        assertThat(state.teamProfiles()).isEqualTo(before);
    }

    @Test
    void aDuplicateLinkIsAlreadyDone() {
        state.addUserRole(alex, customizerInSales);

        LinkChange change = client.assignRoleToUser(alex, customizerInSales);

        assertThat(change.outcome()).isEqualTo(LinkChange.Outcome.ALREADY_DONE);
        assertThat(onlyWrite().status()).isEqualTo(412);
    }

    @Test
    void removingAMissingLinkThatDataverseAnswersWith404IsAlreadyDone() {
        simulator.behaviour().missingLink(Behaviour.MissingLink.REJECT);

        LinkChange change = client.removeRoleFromUser(alex, customizerInSales);

        assertThat(change.outcome()).isEqualTo(LinkChange.Outcome.ALREADY_DONE);
        assertThat(onlyWrite().status()).isEqualTo(404);
    }

    @Test
    void assignsAndRemovesATeamsRoleCopy() {
        client.assignRoleToTeam(leadership, customizerInSales);
        assertThat(state.teamRoles()).contains(new Link(leadership, customizerInSales));

        client.removeRoleFromTeam(leadership, customizerInSales);
        assertThat(state.teamRoles()).doesNotContain(new Link(leadership, customizerInSales));
        assertThat(simulator.requests().writes())
                .extracting(RecordedRequest::path)
                .containsExactly(
                        "/api/data/v9.2/teams(" + leadership + ")/teamroles_association/$ref",
                        "/api/data/v9.2/teams(" + leadership + ")/teamroles_association(" + customizerInSales
                                + ")/$ref");
    }

    @Test
    void addsAndRemovesTeamMembersWithTheTeamActions() {
        UUID brian = state.userIdByDomainName("brian.johnson@contoso.com");

        client.addTeamMember(leadership, brian);
        assertThat(state.memberships()).contains(new Link(brian, leadership));
        client.removeTeamMember(leadership, brian);
        assertThat(state.memberships()).doesNotContain(new Link(brian, leadership));

        List<RecordedRequest> writes = simulator.requests().writes();
        assertThat(writes)
                .extracting(RecordedRequest::path)
                .containsExactly(
                        "/api/data/v9.2/teams(" + leadership + ")/Microsoft.Dynamics.CRM.AddMembersTeam",
                        "/api/data/v9.2/teams(" + leadership + ")/Microsoft.Dynamics.CRM.RemoveMembersTeam");
        assertThat(writes.get(0).body())
                .contains("\"ownerid\":\"" + brian + "\"")
                .contains("\"@odata.type\":\"Microsoft.Dynamics.CRM.systemuser\"");
    }

    @Test
    void aThrottledWriteIsReadBackAndSentAgainOnlyBecauseTheLinkIsStillMissing() {
        simulator
                .faults()
                .inject(Fault.throttled(Duration.ofSeconds(1)).onMethod("POST").onPath("/api/data/"));

        LinkChange change = client.assignRoleToUser(alex, customizerInSales);

        assertThat(change.outcome()).isEqualTo(LinkChange.Outcome.CHANGED);
        assertThat(change.attempts()).isEqualTo(2);
        assertThat(simulator.requests().writes())
                .extracting(RecordedRequest::status)
                .containsExactly(429, 204);
        assertThat(readBacksOfUserRoles()).isEqualTo(1);
        assertThat(state.userRoles()).contains(new Link(alex, customizerInSales));
    }

    @Test
    void aWriteThatTimedOutAfterDataverseAppliedItIsReadBackAndNotSentAgain() {
        simulator
                .faults()
                .inject(Fault.answerLate(Duration.ofSeconds(3)).onMethod("POST").onPath("/api/data/"));

        LinkChange change = client.assignRoleToUser(alex, customizerInSales);

        assertThat(change.outcome()).isEqualTo(LinkChange.Outcome.CHANGED);
        assertThat(change.readBack()).isTrue();
        assertThat(change.attempts()).isEqualTo(1);
        assertThat(loggedWritesOnceTheLateAnswerIsSent()).hasSize(1);
        assertThat(state.userRoles().stream()
                        .filter(link -> link.equals(new Link(alex, customizerInSales)))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aServerErrorBeforeTheChangeIsReadBackThenSentAgain() {
        simulator.faults().inject(Fault.status(503).onMethod("POST").onPath("/api/data/"));

        LinkChange change = client.addTeamMember(leadership, state.userIdByDomainName("brian.johnson@contoso.com"));

        assertThat(change.changed()).isTrue();
        assertThat(simulator.requests().writes())
                .extracting(RecordedRequest::status)
                .containsExactly(503, 204);
    }

    @Test
    void aWriteThatKeepsFailingIsReportedOnlyAfterAFinalReadBack() {
        simulator
                .faults()
                .inject(Fault.status(503).onMethod("POST").onPath("/api/data/").times(10));

        assertThatThrownBy(() -> client.assignRoleToUser(alex, customizerInSales))
                .isInstanceOf(DataverseUnavailable.class);
        assertThat(simulator.requests().writes()).hasSize(4);
        assertThat(readBacksOfUserRoles()).isEqualTo(4);
        assertThat(state.userRoles()).doesNotContain(new Link(alex, customizerInSales));
    }

    @Test
    void aBusinessRuleRefusalKeepsItsCode() {
        UUID customizerInIt = state.roleCopy("System Customizer", state.businessUnitId("IT"));

        assertThatThrownBy(() -> client.assignRoleToUser(alex, customizerInIt))
                .isInstanceOfSatisfying(BusinessRuleViolated.class, refused -> {
                    assertThat(refused.dataverseCode()).contains("0x80041409");
                    assertThat(refused.requestId()).isPresent();
                });
        assertThat(simulator.requests().writes()).hasSize(1);
    }

    @Test
    void aMissingPrivilegeIsAccessDenied() {
        simulator.behaviour().privilegeDenied(true);

        assertThatThrownBy(() -> client.assignRoleToTeam(leadership, customizerInSales))
                .isInstanceOfSatisfying(DataverseAccessDenied.class, denied -> assertThat(denied.dataverseCode())
                        .contains("0x80040220"));
    }

    private RecordedRequest onlyWrite() {
        List<RecordedRequest> writes = simulator.requests().writes();
        assertThat(writes).hasSize(1);
        return writes.get(0);
    }

    /** The simulator logs a request when its answer has gone out; the late answer takes a few seconds. */
    private List<RecordedRequest> loggedWritesOnceTheLateAnswerIsSent() {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (simulator.requests().writes().isEmpty() && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return simulator.requests().writes();
    }

    private long readBacksOfUserRoles() {
        return simulator.requests().dataverse().stream()
                .filter(request ->
                        request.method().equals("GET") && request.path().endsWith("/systemuserrolescollection"))
                .count();
    }
}
