package io.accessgov.dynamics.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.Fault;
import io.accessgov.dynamics.simulator.RecordedRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Faults injected into the embedded simulator (Dataverse and its token endpoint) while the service answers over
 * HTTP: each gets the contract's answer (status, problem type, {@code Retry-After} where due), a recovered fault
 * is invisible to the caller, and a full listing under faults equals the listing without them: nothing lost,
 * duplicated or invented. Short timeouts keep each case fast.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "dynamics.http.read-timeout=500ms",
            "dynamics.http.connect-timeout=500ms",
            "dynamics.http.max-attempts=4",
            "dynamics.http.deadline=5s"
        })
class FaultTest {

    private static final int ATTEMPTS = 4;
    private static final String ACCOUNTS = "/api/v1/accounts?pageSize=7";

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
        simulator.faults().clear();
        api.json(ACCOUNTS); // signed in: a token is held before each case
        simulator.requests().clear();
    }

    @AfterEach
    void clearFaults() {
        simulator.faults().clear();
    }

    // --- faults that outlast the retries: the contract's answer -------------------------------------------------

    static Stream<Arguments> lastingFaults() {
        return Stream.of(
                lasting("500 with a JSON body", Fault.status(500), 503, "dataverse-unavailable"),
                lasting("500 without a body", Fault.status(500).withoutJsonBody(), 503, "dataverse-unavailable"),
                lasting("502 with a JSON body", Fault.status(502), 503, "dataverse-unavailable"),
                lasting("502 gateway page", Fault.status(502).withoutJsonBody(), 503, "dataverse-unavailable"),
                lasting("503 with a JSON body", Fault.status(503), 503, "dataverse-unavailable"),
                lasting("503 gateway page", Fault.status(503).withoutJsonBody(), 503, "dataverse-unavailable"),
                lasting("504 with a JSON body", Fault.status(504), 503, "dataverse-unavailable"),
                lasting("504 gateway page", Fault.status(504).withoutJsonBody(), 503, "dataverse-unavailable"),
                lasting("dropped connections", Fault.dropConnection(), 503, "dataverse-unavailable"),
                lasting("slow answers", Fault.delay(Duration.ofSeconds(2)), 504, "dataverse-timed-out"),
                lasting("hanging answers", Fault.hang(), 504, "dataverse-timed-out"),
                lasting("a 429 storm", Fault.throttled(Duration.ofSeconds(1)), 503, "dataverse-throttled"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lastingFaults")
    void aFaultThatOutlastsTheRetriesIsTheContractsProblem(String name, Fault fault, int status, String kind) {
        simulator.faults().inject(fault.times(ATTEMPTS).onPath("/systemusers"));

        HttpResponse<String> response = api.get(ACCOUNTS);

        assertProblem(response, status, kind);
        if (status == 503) {
            assertThat(response.headers().firstValue("Retry-After"))
                    .as("Retry-After")
                    .hasValueSatisfying(
                            seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        }
        assertThat(simulator.faults().pending())
                .as("every attempt met the fault")
                .isZero();
        if (fault.kind() == Fault.Kind.STATUS || fault.kind() == Fault.Kind.DROP_CONNECTION) {
            assertThat(simulator.requests().dataverse()).as("attempts").hasSize(ATTEMPTS);
        }
        assertThat(simulator.requests().writes()).isEmpty();
        simulator.faults().clear();
        assertThat(api.get(ACCOUNTS).statusCode())
                .as("recovers once the fault is gone")
                .isEqualTo(200);
    }

    @Test
    void aRetryAfterBeyondTheDeadlineIsPassedOnAtOnce() {
        simulator.faults().inject(Fault.throttled(Duration.ofSeconds(120)).onPath("/systemusers"));
        long started = System.nanoTime();

        HttpResponse<String> response = api.get(ACCOUNTS);

        assertProblem(response, 503, "dataverse-throttled");
        assertThat(response.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(100, 120));
        assertThat(simulator.requests().dataverse())
                .as("no retry that could not succeed")
                .hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRetryAfterAsAnHttpDateIsHonoured() {
        simulator.behaviour().retryAfterAsHttpDate(true);
        try {
            simulator.faults().inject(Fault.throttled(Duration.ofSeconds(120)).onPath("/systemusers"));

            HttpResponse<String> response = api.get(ACCOUNTS);

            assertProblem(response, 503, "dataverse-throttled");
            assertThat(response.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(
                            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(90, 121));
        } finally {
            simulator.behaviour().retryAfterAsHttpDate(false);
        }
    }

    // --- faults the retries absorb: invisible to the caller -----------------------------------------------------

    static Stream<Arguments> passingFaults() {
        return Stream.of(
                Arguments.of(
                        "a 429 storm", Fault.throttled(Duration.ofSeconds(1)).times(2)),
                Arguments.of("500s", Fault.status(500).times(ATTEMPTS - 1)),
                Arguments.of(
                        "502 gateway pages", Fault.status(502).withoutJsonBody().times(ATTEMPTS - 1)),
                Arguments.of("503s", Fault.status(503).times(ATTEMPTS - 1)),
                Arguments.of(
                        "504 gateway pages", Fault.status(504).withoutJsonBody().times(ATTEMPTS - 1)),
                Arguments.of("dropped connections", Fault.dropConnection().times(ATTEMPTS - 1)),
                Arguments.of("a slow answer", Fault.delay(Duration.ofSeconds(2))),
                Arguments.of("a hanging answer", Fault.hang()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passingFaults")
    void aFaultTheRetriesAbsorbIsInvisible(String name, Fault fault) {
        String expected = api.get(ACCOUNTS).body();
        simulator.faults().inject(fault.onPath("/systemusers"));

        HttpResponse<String> response = api.get(ACCOUNTS);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(itemsOf(response.body())).isEqualTo(itemsOf(expected));
        assertThat(simulator.faults().pending()).isZero();
    }

    static Stream<Arguments> randomFaults() {
        return Stream.of(
                Arguments.of("503", Fault.status(503)),
                Arguments.of("502 gateway page", Fault.status(502).withoutJsonBody()),
                Arguments.of("dropped connection", Fault.dropConnection()),
                Arguments.of("slow answer", Fault.delay(Duration.ofSeconds(1))));
    }

    /** A full listing across pages with three in ten requests failing equals the listing without faults. */
    @ParameterizedTest(name = "a listing through random {0}")
    @MethodSource("randomFaults")
    void aListingThroughRandomFaultsIsExactlyTheListingWithoutThem(String name, Fault fault) {
        List<JsonNode> expected = listAll("/api/v1/accounts", "pageSize=7");
        simulator.requests().clear();
        simulator.faults().randomly(0.3, fault.onPath("/systemusers"), 3); // seed 3 hits early and often

        List<JsonNode> listed = listAll("/api/v1/accounts", "pageSize=7");

        assertThat(expected).hasSizeGreaterThan(40);
        assertThat(listed).isEqualTo(expected);
        assertThat(simulator.requests().dataverse())
                .as("faults actually hit: more requests than pages")
                .hasSizeGreaterThan((expected.size() + 6) / 7);
    }

    @Test
    void grantsOfAnAccountThroughRandomFaultsAreExactlyTheGrantsWithoutThem() {
        String account = api.json("/api/v1/accounts?search=" + enc("alex.wilber"))
                .get("items")
                .get(0)
                .get("id")
                .asString();
        String query = "principalType=account&principalId=" + account + "&pageSize=2";
        List<JsonNode> expected = listAll("/api/v1/grants", query);
        simulator.faults().randomly(0.25, Fault.status(503), 7);

        List<JsonNode> listed = listAll("/api/v1/grants", query);

        assertThat(expected).isNotEmpty();
        assertThat(listed).isEqualTo(expected);
    }

    // --- the token endpoint ---------------------------------------------------------------------------------------

    static Stream<Arguments> tokenFaults() {
        return Stream.of(
                Arguments.of("down (503)", Fault.status(503).times(10), 503, "dataverse-unavailable"),
                Arguments.of(
                        "a gateway page (502)",
                        Fault.status(502).withoutJsonBody().times(10),
                        503,
                        "dataverse-unavailable"),
                Arguments.of("dropping connections", Fault.dropConnection().times(10), 503, "dataverse-unavailable"),
                Arguments.of("refusing the client (401)", Fault.status(401).times(10), 502, "dataverse-sign-in-failed"),
                Arguments.of(
                        "refusing the request (400)", Fault.status(400).times(10), 502, "dataverse-sign-in-failed"));
    }

    @ParameterizedTest(name = "token endpoint {0}")
    @MethodSource("tokenFaults")
    void aFailingTokenEndpointIsTheContractsProblemAndTheServiceRecovers(
            String name, Fault fault, int status, String kind) {
        simulator.tokens().revokeAll(); // the held token no longer works: the service must sign in again
        simulator.faults().inject(fault.onPath("/oauth2/"));

        HttpResponse<String> response = api.get(ACCOUNTS);

        assertProblem(response, status, kind);
        assertThat(response.body()).doesNotContain(DataverseSimulator.DEMO_CLIENT_SECRET);
        assertThat(simulator.requests().tokenRequests()).as("sign-in attempts").isNotEmpty();
        assertThat(simulator.requests().writes()).isEmpty();
        simulator.faults().clear();
        assertThat(api.get(ACCOUNTS).statusCode())
                .as("signs in again once the endpoint works")
                .isEqualTo(200);
    }

    @Test
    void aHangingTokenEndpointIsAnswered() {
        simulator.tokens().revokeAll();
        simulator.faults().inject(Fault.hang().times(10).onPath("/oauth2/"));

        HttpResponse<String> response = api.get(ACCOUNTS);

        assertThat(response.statusCode()).isIn(503, 504);
        assertProblem(response, response.statusCode(), null);
        simulator.faults().clear();
        assertThat(api.get(ACCOUNTS).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenExpiringMidwayThroughAListingIsReplacedAndNothingIsLost() {
        List<JsonNode> expected = listAll("/api/v1/accounts", "pageSize=7");
        int tokensBefore = simulator.tokens().issuedCount();

        List<JsonNode> listed = new ArrayList<>();
        String token = null;
        int page = 0;
        do {
            if (page == 2 || page == 4) {
                simulator.tokens().expireAll();
            }
            JsonNode body = api.json("/api/v1/accounts?pageSize=7" + (token == null ? "" : "&pageToken=" + enc(token)));
            body.get("items").forEach(listed::add);
            token = nextToken(body);
            page++;
        } while (token != null);

        assertThat(listed).isEqualTo(expected);
        assertThat(simulator.tokens().issuedCount() - tokensBefore)
                .as("new tokens")
                .isEqualTo(2);
        assertThat(simulator.requests().dataverse())
                .extracting(RecordedRequest::status)
                .containsOnly(200, 401);
    }

    // --- writes: grants and revokes through faults ------------------------------------------------------------------

    static Stream<Arguments> writeFaults() {
        return Stream.of(
                Arguments.of("a dropped connection", Fault.dropConnection()),
                Arguments.of("a 503", Fault.status(503)),
                Arguments.of("a 429", Fault.throttled(Duration.ofSeconds(1))),
                Arguments.of("a slow answer", Fault.delay(Duration.ofSeconds(2))));
    }

    /** A grant written through a fault is applied at most once, and the caller's answer says what happened. */
    @ParameterizedTest(name = "a grant written through {0}")
    @MethodSource("writeFaults")
    void aGrantWrittenThroughAFaultIsAppliedAtMostOnce(String name, Fault fault) {
        Map<String, Object> user = simulator.state().rows("systemusers").stream()
                .filter(row -> "alex.wilber@contoso.com".equals(row.get("domainname")))
                .findFirst()
                .orElseThrow();
        UUID userId = (UUID) user.get("systemuserid");
        UUID businessUnit = simulator.state().businessUnitOf("systemusers", userId);
        UUID role = simulator.state().roleCopy("Salesperson", businessUnit);
        simulator.state().removeUserRole(userId, role);
        simulator.faults().inject(fault.onMethod("POST"));

        HttpResponse<String> response = api.send(
                "POST",
                "/api/v1/grants",
                "application/json",
                ("{\"resourceType\":\"role\",\"resourceId\":\"" + role + "\",\"principalType\":\"account\","
                                + "\"principalId\":\"" + userId + "\"}")
                        .getBytes(StandardCharsets.UTF_8));

        awaitLateWrites(fault);
        long applied = simulator.requests().writes().stream()
                .filter(write -> write.method().equals("POST") && write.status() >= 200 && write.status() < 300)
                .count();
        assertThat(applied)
                .as("writes Dataverse applied: %s", simulator.requests().writes())
                .isLessThanOrEqualTo(1);
        boolean held = simulator.state().userRoles().stream()
                .anyMatch(link -> link.left().equals(userId) && link.right().equals(role));
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            assertThat(held).as("reported created, so it is held").isTrue();
        } else {
            assertProblem(response, response.statusCode(), null);
            assertThat(response.statusCode()).isIn(503, 504);
        }
        hold(userId, role); // as the demo organisation has it
    }

    /** A grant revoked through a fault: the caller's answer says what happened, once late writes have landed. */
    @ParameterizedTest(name = "a grant revoked through {0}")
    @MethodSource("writeFaults")
    void aGrantRevokedThroughAFaultIsReportedTruthfully(String name, Fault fault) {
        UUID userId = simulator.state().userIdByDomainName("alex.wilber@contoso.com");
        UUID role = simulator.state().roleCopy("Salesperson", simulator.state().businessUnitOf("systemusers", userId));
        hold(userId, role);
        String grant = listAll("/api/v1/grants", "principalType=account&principalId=" + userId).stream()
                .filter(g -> g.path("resource").path("displayName").asString().equals("Salesperson"))
                .filter(g -> g.path("sources").toString().contains("direct"))
                .map(g -> g.get("id").asString())
                .findFirst()
                .orElseThrow();
        simulator.requests().clear();
        simulator.faults().inject(fault.onMethod("DELETE"));

        HttpResponse<String> response = api.send("DELETE", "/api/v1/grants/" + grant, null, null);

        awaitLateWrites(fault); // removing a link twice is harmless; what counts is that the answer is true
        boolean held = simulator.state().userRoles().stream()
                .anyMatch(link -> link.left().equals(userId) && link.right().equals(role));
        if (response.statusCode() == 204 || response.statusCode() == 200) {
            assertThat(held).as("reported removed, so it is gone").isFalse();
        } else {
            assertProblem(response, response.statusCode(), null);
            assertThat(response.statusCode()).isIn(503, 504);
        }
        hold(userId, role); // the demo organisation gives Alex the role
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A delayed write still lands after the service stopped waiting for it: let it, before judging the outcome. */
    private static void awaitLateWrites(Fault fault) {
        if (fault.kind() == Fault.Kind.DELAY) {
            try {
                Thread.sleep(fault.delay().plusMillis(500).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void hold(UUID user, UUID role) {
        boolean held = simulator.state().userRoles().stream()
                .anyMatch(link -> link.left().equals(user) && link.right().equals(role));
        if (!held) {
            simulator.state().addUserRole(user, role);
        }
    }

    private List<JsonNode> listAll(String path, String query) {
        List<JsonNode> items = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = api.json(path + "?" + query + (token == null ? "" : "&pageToken=" + enc(token)));
            page.get("items").forEach(items::add);
            token = nextToken(page);
        } while (token != null && ++pages < 1_000);
        return items;
    }

    private static @Nullable String nextToken(JsonNode page) {
        JsonNode next = page.get("nextPageToken");
        return next == null || next.isNull() ? null : next.asString();
    }

    private static JsonNode itemsOf(String body) {
        return Api.parse(body).get("items");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Arguments lasting(String name, Fault fault, int status, String kind) {
        return Arguments.of(name, fault, status, kind);
    }

    static void assertProblem(HttpResponse<String> response, int status, @Nullable String kind) {
        HostileInputTest.assertProblem(response, status, kind);
    }
}
