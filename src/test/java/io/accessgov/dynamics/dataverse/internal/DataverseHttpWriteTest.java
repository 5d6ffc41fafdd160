package io.accessgov.dynamics.dataverse.internal;

import static io.accessgov.dynamics.dataverse.internal.FakeDataverse.json;
import static io.accessgov.dynamics.dataverse.internal.FakeDataverse.limits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.BusinessRuleViolated;
import io.accessgov.dynamics.dataverse.DataverseThrottled;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

class DataverseHttpWriteTest {

    private static final byte[] BODY =
            "{\"@odata.id\":\"https://x/api/data/v9.2/roles(0b5c0000-0000-0000-0000-000000000001)\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private FakeDataverse dataverse;
    private DataverseHttp http;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        dataverse = new FakeDataverse();
        JsonMapper json = JsonMapper.builder().build();
        DataverseMetrics metrics = new DataverseMetrics(new SimpleMeterRegistry());
        var limits = limits(4, 4, Duration.ofSeconds(30), Duration.ofSeconds(5));
        http = new DataverseHttp(
                DataverseWiring.webClient(WebClient.builder(), limits),
                OAuthWiring.tokenSource(
                        dataverse.connection(),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Clock.systemUTC(),
                        metrics,
                        json),
                new RetryPolicy(4, Duration.ofSeconds(30), Duration.ofMillis(10), Duration.ofMillis(100), () -> 0.5),
                new RetryPolicy(8, Duration.ofSeconds(60), Duration.ofMillis(10), Duration.ofMillis(100), () -> 0.5),
                new DataverseErrorDecoder(json, Clock.systemUTC()),
                new ConcurrencyLimit(4),
                metrics,
                Clock.systemUTC(),
                sleeps::add,
                Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        dataverse.close();
    }

    private DataverseHttp.Request associate(boolean checkable) {
        URI uri = URI.create(dataverse.apiBase()
                + "systemusers(2b7e0000-0000-0000-0000-000000000001)/systemuserroles_association/$ref");
        return DataverseHttp.Request.write(HttpMethod.POST, uri, "systemusers", BODY, checkable);
    }

    @Test
    void aChangeIsNotRepeatedAfterAServerErrorThatMayHaveAppliedIt() {
        dataverse.then(json(503, "{\"error\":{\"code\":\"\",\"message\":\"busy\"}}"));

        assertThatThrownBy(() -> http.execute(associate(false))).isInstanceOf(DataverseUnavailable.class);
        assertThat(dataverse.dataverseCalls).hasSize(1);
    }

    @Test
    void aCheckableChangeIsRepeatedAfterAServerError() {
        dataverse
                .then(json(503, "{}"))
                .then(new MockResponse.Builder().code(204).build());

        assertThat(http.execute(associate(true)).status()).isEqualTo(204);
        assertThat(dataverse.dataverseCalls).hasSize(2);
    }

    @Test
    void aThrottledChangeIsRepeatedBecauseDataverseDidNotExecuteIt() {
        dataverse
                .then(new MockResponse.Builder()
                        .code(429)
                        .addHeader("Retry-After", "2")
                        .build())
                .then(new MockResponse.Builder().code(204).build());

        assertThat(http.execute(associate(false)).status()).isEqualTo(204);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aChangeSentOnceIsNotRepeatedEvenWhenThrottled() {
        dataverse
                .then(new MockResponse.Builder()
                        .code(429)
                        .addHeader("Retry-After", "2")
                        .build())
                .then(new MockResponse.Builder().code(204).build());
        DataverseHttp.Request once =
                DataverseHttp.Request.once(HttpMethod.POST, associate(false).uri(), "systemusers", BODY);

        assertThatThrownBy(() -> http.execute(once))
                .isInstanceOfSatisfying(DataverseThrottled.class, throttled -> assertThat(throttled.retryAfter())
                        .contains(Duration.ofSeconds(2)));
        assertThat(dataverse.dataverseCalls).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void sendsTheBodyAsJsonWithTheStandardHeaders() {
        dataverse.then(new MockResponse.Builder().code(204).build());

        http.execute(associate(false));

        var request = dataverse.dataverseCalls.get(0);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("OData-Version")).isEqualTo("4.0");
        assertThat(request.getBody().toByteArray()).isEqualTo(BODY);
    }

    @Test
    void aBrokenBusinessRuleIsNeverRetried() {
        dataverse.then(json(400, "{\"error\":{\"code\":\"0x80041409\",\"message\":\"wrong business unit\"}}"));

        assertThatThrownBy(() -> http.execute(associate(true)))
                .isInstanceOfSatisfying(BusinessRuleViolated.class, violated -> assertThat(violated.dataverseCode())
                        .contains("0x80041409"));
        assertThat(dataverse.dataverseCalls).hasSize(1);
    }
}
