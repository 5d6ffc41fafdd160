package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.errorCode;
import static io.accessgov.dynamics.simulator.SimulatorClient.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThrottlingAndFaultsTest {

    ManualClock clock = new ManualClock(Instant.parse("2026-01-05T10:00:00Z"));
    DataverseSimulator simulator;
    SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = DataverseSimulator.start(SimulatorOptions.defaults().withClock(clock));
        client = new SimulatorClient(simulator);
        client.token();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void requestLimitAnswers429WithRetryAfterUntilTheWindowMoves() {
        simulator.behaviour().requestLimit(3);
        HttpResponse<String> first = client.get("WhoAmI");
        assertThat(first.headers().firstValue("x-ms-ratelimit-burst-remaining-xrm-requests"))
                .contains("2");
        assertThat(first.headers().firstValue("x-ms-ratelimit-time-remaining-xrm-requests"))
                .isPresent();
        clock.advance(Duration.ofSeconds(100));
        client.get("WhoAmI");
        client.get("WhoAmI");
        HttpResponse<String> throttled = client.get("WhoAmI");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(errorCode(throttled)).isEqualTo("0x80072322");
        assertThat(errorMessage(throttled))
                .isEqualTo("Number of requests exceeded the limit of 3 over time window of 300 seconds.");
        assertThat(throttled.headers().firstValue("Retry-After")).contains("200");
        clock.advance(Duration.ofSeconds(200));
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(200);
    }

    @Test
    void retryAfterCanBeAnHttpDate() {
        simulator.behaviour().requestLimit(1).retryAfterAsHttpDate(true);
        client.get("WhoAmI");
        HttpResponse<String> throttled = client.get("WhoAmI");
        String retryAfter = throttled.headers().firstValue("Retry-After").orElseThrow();
        assertThat(ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant())
                .isEqualTo(clock.instant().plusSeconds(300));
    }

    @Test
    void limitsArePerClient() {
        simulator.behaviour().requestLimit(1);
        simulator.tokens().registerClient("b0b00000-0000-4000-8000-000000000001", "other-secret");
        client.get("WhoAmI");
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(429);
        HttpResponse<String> token = client.tokenRequest(
                SimulatorClient.form(
                        "b0b00000-0000-4000-8000-000000000001",
                        "other-secret",
                        simulator.environmentUrl() + "/.default"),
                simulator.tenantId());
        String other = SimulatorClient.json(token.body()).get("access_token").stringValue();
        HttpResponse<String> response = client.send(client.request("WhoAmI")
                .setHeader("Authorization", "Bearer " + other)
                .GET()
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void tooManyConcurrentRequestsAreRefusedAtOnce() throws Exception {
        simulator.behaviour().concurrencyLimit(2);
        simulator.faults().addedLatency(Duration.ofMillis(1500));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> client.get("WhoAmI"), pool));
                Thread.sleep(150);
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 429) {
                    assertThat(errorCode(response)).isEqualTo("0x80072326");
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 200, 429);
            assertThat(simulator.requests().peakConcurrency()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void injectedThrottlingHitsOnlyMatchingRequestsTheGivenNumberOfTimes() {
        simulator
                .faults()
                .inject(Fault.throttled(Duration.ofSeconds(7)).times(2).onPath("/systemusers"));
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(200);
        HttpResponse<String> first = client.get("systemusers?$select=fullname");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("7");
        assertThat(errorCode(first)).isEqualTo("0x80072322");
        assertThat(client.get("systemusers?$select=fullname").statusCode()).isEqualTo(429);
        assertThat(client.get("systemusers?$select=fullname").statusCode()).isEqualTo(200);
        assertThat(simulator.faults().pending()).isZero();
    }

    @Test
    void requestTimesAreRecordedSoRetryAfterCanBeChecked() {
        simulator.faults().inject(Fault.throttled(Duration.ofSeconds(30)));
        client.get("WhoAmI");
        clock.advance(Duration.ofSeconds(31));
        client.get("WhoAmI");
        List<RecordedRequest> calls = simulator.requests().dataverse();
        assertThat(calls).extracting(RecordedRequest::status).containsExactly(429, 200);
        assertThat(Duration.between(calls.get(0).receivedAt(), calls.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aLateAnswerComesAfterTheChangeWasApplied() throws Exception {
        java.util.UUID alex = simulator.state().userIdByDomainName("alex.wilber@contoso.com");
        java.util.UUID role = simulator
                .state()
                .roleCopy("System Customizer", simulator.state().businessUnitId("Sales"));
        simulator.faults().inject(Fault.answerLate(Duration.ofSeconds(5)).onMethod("POST"));

        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> client.post(
                "systemusers(" + alex + ")/systemuserroles_association/$ref",
                "{\"@odata.id\": \"" + simulator.webApiUrl() + "roles(" + role + ")\"}"));
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!simulator.state().userRoles().contains(new SimulatorState.Link(alex, role))
                && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }

        assertThat(simulator.state().userRoles()).contains(new SimulatorState.Link(alex, role));
        assertThat(answer).isNotDone();
        assertThat(answer.get().statusCode()).isEqualTo(204);
    }

    @Test
    void gatewayErrorsCanComeWithoutAJsonBody() {
        simulator.faults().inject(Fault.status(502).withoutJsonBody());
        HttpResponse<String> response = client.get("WhoAmI");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html");
        assertThat(response.body()).contains("502 Bad Gateway");
    }

    @Test
    void serverErrorsComeWithTheErrorEnvelope() {
        simulator
                .faults()
                .inject(Fault.status(503).withRetryAfter(Duration.ofSeconds(4)))
                .inject(Fault.status(500));
        HttpResponse<String> unavailable = client.get("WhoAmI");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("4");
        assertThat(errorCode(unavailable)).isEqualTo("0x80040216");
        HttpResponse<String> failed = client.get("WhoAmI");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(errorMessage(failed)).isEqualTo("An unexpected error occurred.");
        assertThat(failed.headers().firstValue("REQ_ID")).isPresent();
    }

    @Test
    void droppedConnectionGivesTheClientAnIoError() {
        // POST, because java.net.http silently retries a GET once on a closed connection
        simulator.faults().inject(Fault.dropConnection().onMethod("POST"));
        assertThatThrownBy(() -> client.post("WhoAmI", "{}")).hasCauseInstanceOf(IOException.class);
        assertThat(simulator.requests().dataverse().get(0).status()).isZero();
        assertThat(client.post("WhoAmI", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void hangingRequestRunsIntoTheClientsTimeout() {
        simulator.faults().inject(Fault.hang());
        assertThatThrownBy(() -> client.send(client.request("WhoAmI")
                        .timeout(Duration.ofMillis(500))
                        .GET()
                        .build()))
                .hasCauseInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void tokenEndpointCanFailToo() {
        client.forgetToken();
        simulator.faults().inject(Fault.status(503).onPath("/oauth2/"));
        HttpResponse<String> response = client.tokenRequest(
                SimulatorClient.form(
                        simulator.clientId(), simulator.clientSecret(), simulator.environmentUrl() + "/.default"),
                simulator.tenantId());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(client.get("WhoAmI").statusCode()).isEqualTo(200);
    }

    @Test
    void randomFaultsAreRepeatableForASeed() {
        List<Integer> first = randomRun(11);
        List<Integer> second = randomRun(11);
        assertThat(first).isEqualTo(second).contains(429, 200);
    }

    private List<Integer> randomRun(long seed) {
        simulator.faults().clear();
        simulator.faults().randomly(0.2, Fault.throttled(Duration.ofSeconds(1)), seed);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(client.get("WhoAmI").statusCode());
        }
        return statuses;
    }

    @Test
    void addedLatencyDelaysEveryAnswer() {
        simulator.faults().addedLatency(Duration.ofMillis(300));
        long started = System.nanoTime();
        client.get("WhoAmI");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
