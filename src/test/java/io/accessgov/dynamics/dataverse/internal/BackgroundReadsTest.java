package io.accessgov.dynamics.dataverse.internal;

import static io.accessgov.dynamics.dataverse.internal.FakeDataverse.json;
import static io.accessgov.dynamics.dataverse.internal.FakeDataverse.limits;
import static io.accessgov.dynamics.dataverse.internal.FakeDataverse.usersPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.AccountType;
import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.UserQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole-table reads are background work: they retry within their own, longer budget, read a page cut short again as
 * after a dropped connection, and ask Entra again for a token it could not issue; interactive calls keep theirs.
 */
class BackgroundReadsTest {

    private static final String JANE = "2b7e0000-0000-0000-0000-000000000001";
    private static final String ALEX = "2b7e0000-0000-0000-0000-000000000002";
    private static final UserQuery ALL = new UserQuery(null, Set.of(AccountType.values()), null);
    private static final MockResponse DOWN = json(503, "{\"error\":{\"code\":\"\",\"message\":\"busy\"}}");

    private FakeDataverse dataverse;
    private WebApiDataverseClient client;

    @BeforeEach
    void start() throws Exception {
        dataverse = new FakeDataverse();
        // interactive: 2 attempts; background: 5
        client = dataverse.client(
                limits(4, 2, Duration.ofSeconds(30), Duration.ofSeconds(5), 5, Duration.ofMinutes(2)), false);
    }

    @AfterEach
    void stop() {
        dataverse.close();
    }

    @Test
    void aWholeTableReadOutlastsFailuresThatEndAnInteractiveCall() {
        dataverse.then(DOWN).then(DOWN);
        assertThatThrownBy(() -> client.findUsers(ALL, 10)).isInstanceOf(DataverseUnavailable.class);

        dataverse.then(DOWN).then(DOWN).then(DOWN).then(DOWN).then(json(200, usersPage(null, JANE)));
        List<SystemUser> read = readAllUsers();

        assertThat(read).extracting(SystemUser::id).containsExactly(UUID.fromString(JANE));
        assertThat(dataverse.dataverseCalls).hasSize(2 + 5);
    }

    @Test
    void aWholeTableReadStillEndsWhenItsOwnBudgetIsSpent() {
        for (int i = 0; i < 5; i++) {
            dataverse.then(DOWN);
        }
        dataverse.then(json(200, usersPage(null, JANE)));

        assertThatThrownBy(this::readAllUsers).isInstanceOf(DataverseUnavailable.class);
        assertThat(dataverse.dataverseCalls).hasSize(5);
    }

    @Test
    void aPageCutShortIsReadAgainAndItsRowsAreHandedOnOnce() {
        String whole = usersPage(null, JANE, ALEX);
        dataverse.then(json(200, whole.substring(0, whole.length() / 2))).then(json(200, whole));

        List<SystemUser> read = readAllUsers();

        assertThat(read).extracting(SystemUser::id).containsExactly(UUID.fromString(JANE), UUID.fromString(ALEX));
        assertThat(dataverse.dataverseCalls).hasSize(2);
        assertThat(dataverse
                        .meters
                        .get("dataverse.requests")
                        .tags("outcome", "io_error", "status", "200")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(dataverse
                        .meters
                        .get("dataverse.retries")
                        .tag("reason", "io_error")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anInteractiveReadOfABodyThatIsNotJsonIsTriedAgainToo() {
        dataverse
                .then(new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "text/html")
                        .body("<html><body>Signing you in…</body></html>")
                        .build())
                .then(json(200, FakeDataverse.userRow(JANE)));

        assertThat(client.findUser(UUID.fromString(JANE))).isPresent();
        assertThat(dataverse.dataverseCalls).hasSize(2);
    }

    @Test
    void anAnswerThatStaysUnreadableIsUnavailableNotAFaultOfTheRequest() {
        dataverse.then(json(200, "{\"value\":[")).then(json(200, "{\"value\":["));

        assertThatThrownBy(() -> client.findUsers(ALL, 10))
                .isInstanceOf(DataverseUnavailable.class)
                .hasMessageContaining("cut short or not JSON");
    }

    @Test
    void aPageOfTheWrongShapeIsNotReadAgain() {
        dataverse.then(json(200, "{\"items\":[]}"));

        assertThatThrownBy(this::readAllUsers).isInstanceOf(DataverseRejectedRequest.class);
        assertThat(dataverse.dataverseCalls).hasSize(1);
    }

    @Test
    void aTokenEntraCouldNotIssueIsAskedForAgainAndNothingWasSentMeanwhile() {
        dataverse.tokenOutages.set(2);
        dataverse.then(json(200, usersPage(null, JANE)));

        List<SystemUser> read = readAllUsers();

        assertThat(read).hasSize(1);
        assertThat(dataverse.tokenCalls).hasSize(3);
        assertThat(dataverse.dataverseCalls).hasSize(1);
        assertThat(dataverse
                        .meters
                        .get("dataverse.retries")
                        .tag("reason", "sign_in_unavailable")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aTokenEntraKeepsRefusingToIssueEndsAnInteractiveCallWithinItsBudget() {
        dataverse.tokenOutages.set(10);

        assertThatThrownBy(() -> client.findUsers(ALL, 10))
                .isInstanceOf(DataverseUnavailable.class)
                .hasMessageContaining("token endpoint");
        assertThat(dataverse.tokenCalls).hasSize(2);
        assertThat(dataverse.dataverseCalls).isEmpty();
    }

    private List<SystemUser> readAllUsers() {
        List<SystemUser> read = new ArrayList<>();
        client.readAll(DataverseTable.USERS, read::addAll);
        return read;
    }
}
