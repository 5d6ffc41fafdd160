package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.DataverseConnectionInfo;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A scripted Dataverse and Entra token endpoint on one MockWebServer bound to 127.0.0.1. Token requests are answered
 * with {@code token-1}, {@code token-2} …; Dataverse requests get the scripted answers in order. Records every
 * request and the most requests it ever saw in flight at once.
 */
final class FakeDataverse implements AutoCloseable {

    static final String TENANT = "tenant-1";
    static final String CLIENT_ID = "client-1";
    static final String SECRET = "s3cr3t-value-never-shown";

    final MockWebServer server = new MockWebServer();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicInteger tokenRequests = new AtomicInteger();
    final List<RecordedRequest> tokenCalls = new CopyOnWriteArrayList<>();
    final List<RecordedRequest> dataverseCalls = new CopyOnWriteArrayList<>();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final ConcurrentLinkedQueue<Function<RecordedRequest, MockResponse>> script = new ConcurrentLinkedQueue<>();
    volatile Function<RecordedRequest, MockResponse> fallback = request -> new MockResponse.Builder()
            .code(500)
            .body("{\"error\":{\"code\":\"0x0\",\"message\":\"no scripted answer\"}}")
            .build();
    volatile long holdMillis;
    volatile int tokenLifetimeSeconds = 3599;
    /** How many of the next token requests are answered 503 (Entra unavailable). */
    final AtomicInteger tokenOutages = new AtomicInteger();

    FakeDataverse() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (request.getTarget().endsWith("/oauth2/v2.0/token")) {
                    tokenCalls.add(request);
                    if (tokenOutages.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                        return json(503, "{\"error\":\"temporarily_unavailable\"}");
                    }
                    int n = tokenRequests.incrementAndGet();
                    Thread.sleep(30); // let concurrent callers pile up behind the first token request
                    return json(
                            200,
                            "{\"token_type\":\"Bearer\",\"expires_in\":" + tokenLifetimeSeconds
                                    + ",\"access_token\":\"token-" + n + "\"}");
                }
                dataverseCalls.add(request);
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    if (holdMillis > 0) {
                        Thread.sleep(holdMillis);
                    }
                    Function<RecordedRequest, MockResponse> next = script.poll();
                    return (next == null ? fallback : next).apply(request);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    FakeDataverse then(MockResponse response) {
        script.add(request -> response);
        return this;
    }

    FakeDataverse then(Function<RecordedRequest, MockResponse> answer) {
        script.add(answer);
        return this;
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json; odata.metadata=minimal")
                .addHeader("REQ_ID", "req-" + status)
                .body(body)
                .build();
    }

    String environmentUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    String apiBase() {
        return environmentUrl() + "/api/data/v9.2/";
    }

    DataverseConnection connection() {
        return DataverseConnection.of(
                DataverseConnectionInfo.Mode.LIVE,
                URI.create(environmentUrl()),
                URI.create(environmentUrl()),
                TENANT,
                CLIENT_ID,
                SECRET);
    }

    static DynamicsProperties.Http limits(int maxConcurrent, int maxAttempts, Duration deadline, Duration readTimeout) {
        return limits(maxConcurrent, maxAttempts, deadline, readTimeout, maxAttempts, deadline);
    }

    /** Limits with a background budget of its own. */
    static DynamicsProperties.Http limits(
            int maxConcurrent,
            int maxAttempts,
            Duration deadline,
            Duration readTimeout,
            int backgroundAttempts,
            Duration backgroundDeadline) {
        return new DynamicsProperties.Http(
                maxConcurrent,
                Duration.ofSeconds(2),
                readTimeout,
                maxAttempts,
                deadline,
                Duration.ofMinutes(5),
                new DynamicsProperties.Background(backgroundAttempts, backgroundDeadline));
    }

    WebApiDataverseClient client() {
        return client(limits(4, 4, Duration.ofSeconds(30), Duration.ofSeconds(5)), false);
    }

    /** A client; with {@code realSleep} false, retry waits are recorded in {@link #sleeps} instead of slept. */
    WebApiDataverseClient client(DynamicsProperties.Http limits, boolean realSleep) {
        return client(connection(), limits, realSleep);
    }

    WebApiDataverseClient client(DataverseConnection connection, DynamicsProperties.Http limits, boolean realSleep) {
        Sleeper sleeper = realSleep ? duration -> Thread.sleep(duration.toMillis()) : sleeps::add;
        return DataverseWiring.client(
                connection,
                limits,
                WebClient.builder(),
                meters,
                new AccountClassifier(Set.of()),
                Clock.systemUTC(),
                sleeper);
    }

    static String usersPage(String nextLink, String... ids) {
        StringBuilder rows = new StringBuilder();
        for (String id : ids) {
            if (!rows.isEmpty()) {
                rows.append(',');
            }
            rows.append(userRow(id));
        }
        return "{\"@odata.context\":\"x\",\"value\":[" + rows + "]"
                + (nextLink == null ? "" : ",\"@odata.nextLink\":\"" + nextLink + "\"") + "}";
    }

    static String userRow(String id) {
        return """
                {"@odata.etag":"W/\\"1\\"","systemuserid":"%s","ownerid":"%s","fullname":"Jane Doe",
                 "firstname":"Jane","lastname":"Doe","domainname":"jane@contoso.com",
                 "internalemailaddress":"jane@contoso.com","isdisabled":false,"accessmode":0,
                 "azureactivedirectoryobjectid":"7d3c0000-0000-0000-0000-000000000001","applicationid":null,
                 "_businessunitid_value":"a1b20000-0000-0000-0000-000000000001",
                 "_businessunitid_value@OData.Community.Display.V1.FormattedValue":"Sales",
                 "islicensed":true,"issyncwithdirectory":true,"isintegrationuser":false,"azurestate":0,
                 "systemmanagedusertype":0,"title":"Account Manager",
                 "createdon":"2024-03-15T16:21:50Z","modifiedon":"2024-03-15T16:21:58Z"}""".formatted(id, id);
    }

    static final String WHO_AM_I = "{\"BusinessUnitId\":\"a1b20000-0000-0000-0000-000000000001\","
            + "\"UserId\":\"00000000-0000-0000-0000-0000000000aa\","
            + "\"OrganizationId\":\"00000000-0000-0000-0000-0000000000bb\"}";

    @Override
    public void close() {
        server.close();
    }
}
