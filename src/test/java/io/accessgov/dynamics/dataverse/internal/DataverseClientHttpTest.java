package io.accessgov.dynamics.dataverse.internal;

import static io.accessgov.dynamics.dataverse.internal.FakeDataverse.WHO_AM_I;
import static io.accessgov.dynamics.dataverse.internal.FakeDataverse.json;
import static io.accessgov.dynamics.dataverse.internal.FakeDataverse.limits;
import static io.accessgov.dynamics.dataverse.internal.FakeDataverse.usersPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.AccountType;
import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.DataverseThrottled;
import io.accessgov.dynamics.dataverse.DataverseTimedOut;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.dataverse.InvalidContinuation;
import io.accessgov.dynamics.dataverse.SignInFailed;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.UserQuery;
import io.accessgov.dynamics.dataverse.WhoAmI;
import io.micrometer.core.instrument.Timer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DataverseClientHttpTest {

    private static final String ID = "2b7e0000-0000-0000-0000-000000000001";
    private static final UserQuery ALL = new UserQuery(null, Set.of(AccountType.values()), null);

    private FakeDataverse dataverse;

    @BeforeEach
    void start() throws Exception {
        dataverse = new FakeDataverse();
    }

    @AfterEach
    void stop() {
        dataverse.close();
    }

    @Test
    void sendsStandardHeadersAndSelectsExactlyTheNeededColumns() {
        dataverse.then(json(200, usersPage(null, ID)));

        DataversePage<SystemUser> page = dataverse.client().findUsers(ALL, 50);

        assertThat(page.items()).singleElement().satisfies(user -> {
            assertThat(user.id()).isEqualTo(UUID.fromString(ID));
            assertThat(user.businessUnitName()).isEqualTo("Sales");
            assertThat(user.title()).isEqualTo("Account Manager");
        });
        assertThat(page.next()).isNull();
        RecordedRequest request = dataverse.dataverseCalls.get(0);
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget())
                .isEqualTo("/api/data/v9.2/systemusers?$select=systemuserid,fullname,firstname,"
                        + "lastname,domainname,internalemailaddress,isdisabled,accessmode,azureactivedirectoryobjectid,"
                        + "applicationid,_businessunitid_value,islicensed,issyncwithdirectory,isintegrationuser,azurestate,"
                        + "systemmanagedusertype,title,createdon,modifiedon");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("OData-MaxVersion")).isEqualTo("4.0");
        assertThat(request.getHeaders().get("OData-Version")).isEqualTo("4.0");
        assertThat(request.getHeaders().get("Prefer"))
                .isEqualTo(
                        "odata.maxpagesize=50, odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"");
        assertThat(request.getHeaders().get("Content-Type")).isNull();
        assertThat(request.getHeaders().get("Cookie")).isNull();
    }

    @Test
    void requestsTheTokenWithClientCredentialsForTheEnvironmentScope() {
        dataverse.then(json(200, WHO_AM_I));

        WhoAmI me = dataverse.client().whoAmI();

        assertThat(me.userId()).isEqualTo(UUID.fromString("00000000-0000-0000-0000-0000000000aa"));
        RecordedRequest token = dataverse.tokenCalls.get(0);
        assertThat(token.getTarget()).isEqualTo("/" + FakeDataverse.TENANT + "/oauth2/v2.0/token");
        String form = URLDecoder.decode(token.getBody().utf8(), StandardCharsets.UTF_8);
        assertThat(form)
                .contains(
                        "grant_type=client_credentials",
                        "client_id=client-1",
                        "scope=" + dataverse.environmentUrl() + "/.default");
        assertThat(dataverse.dataverseCalls.get(0).getTarget()).isEqualTo("/api/data/v9.2/WhoAmI");
    }

    @Test
    void filtersInDataverseWithSearchTextAsData() {
        dataverse.then(json(200, usersPage(null)));

        dataverse.client().findUsers(new UserQuery(false, Set.of(AccountType.HUMAN), "O'Brien 50%_[x] & co/$"), 10);

        String target = dataverse.dataverseCalls.get(0).getTarget();
        String filter = target.substring(target.indexOf("$filter=") + "$filter=".length());
        assertThat(filter).doesNotContain("&", " ", "/", "$").contains("%26").contains("O''Brien");
        String decoded = URLDecoder.decode(filter.replace("+", "%2B"), StandardCharsets.UTF_8);
        assertThat(decoded)
                .contains("isdisabled eq false")
                .contains("contains(fullname,'O''Brien 50[%][_][[]x] & co/$')")
                .contains("contains(domainname,'O''Brien 50[%][_][[]x] & co/$')")
                .contains("contains(internalemailaddress,'O''Brien 50[%][_][[]x] & co/$')");
        assertThat(target).doesNotContain("$skip", "$top");
    }

    @Test
    void followsNextLinkVerbatim() {
        String link =
                dataverse.apiBase() + "systemusers?$select=systemuserid,fullname&$skiptoken=%3Ccookie%20pagenumber"
                        + "=%222%22%20pagingcookie=%22%253ccookie%2520page%253d%25221%2522%253e%253csystemuserid%2520last"
                        + "%253d%2522%257b2B7E%257d%2522%2520%252f%253e%253c%252fcookie%253e%22%20istracking=%22False%22%20/%3E";
        dataverse.then(json(200, usersPage(link, ID))).then(json(200, usersPage(null, ID)));
        WebApiDataverseClient client = dataverse.client();

        DataversePage<SystemUser> first = client.findUsers(ALL, 2);
        DataversePage<SystemUser> second = client.findUsers(first.next());

        assertThat(first.next()).isEqualTo(new Continuation(link, 2));
        assertThat(second.next()).isNull();
        RecordedRequest followUp = dataverse.dataverseCalls.get(1);
        assertThat(followUp.getTarget())
                .isEqualTo(link.substring(dataverse.environmentUrl().length()));
        assertThat(followUp.getHeaders().get("Prefer")).startsWith("odata.maxpagesize=2");
    }

    @Test
    void refusesContinuationsThatLeadElsewhereWithoutSendingAnything() {
        WebApiDataverseClient client = dataverse.client();
        String port = Integer.toString(dataverse.server.getPort());
        List<String> elsewhere = List.of(
                "http://evil.example:" + port + "/api/data/v9.2/systemusers?$skiptoken=x",
                "http://127.0.0.1:1/api/data/v9.2/systemusers?$skiptoken=x",
                "https://127.0.0.1:" + port + "/api/data/v9.2/systemusers?$skiptoken=x",
                dataverse.apiBase() + "roles?$skiptoken=x",
                dataverse.apiBase() + "systemusers/../roles?$skiptoken=x",
                "http://user@127.0.0.1:" + port + "/api/data/v9.2/systemusers?$skiptoken=x",
                "/api/data/v9.2/systemusers?$skiptoken=x",
                "not a uri at all");

        for (String link : elsewhere) {
            assertThatThrownBy(() -> client.findUsers(new Continuation(link, 10)))
                    .as(link)
                    .isInstanceOf(InvalidContinuation.class);
        }
        assertThat(dataverse.server.getRequestCount()).isZero();
    }

    @Test
    void waitsAtLeastRetryAfterBeforeRetryingAThrottledRead() {
        dataverse
                .then(new MockResponse.Builder()
                        .code(429)
                        .addHeader("Retry-After", "1")
                        .body(
                                "{\"error\":{\"code\":\"0x80072322\",\"message\":\"Number of requests exceeded the limit\"}}")
                        .build())
                .then(json(200, WHO_AM_I));
        WebApiDataverseClient client =
                dataverse.client(limits(4, 4, Duration.ofSeconds(30), Duration.ofSeconds(5)), true);

        long started = System.nanoTime();
        client.whoAmI();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(dataverse.dataverseCalls).hasSize(2);
        assertThat(dataverse.meters.get("dataverse.throttle.wait").timer().totalTime(TimeUnit.MILLISECONDS))
                .isGreaterThanOrEqualTo(1000);
        assertThat(dataverse.meters.get("dataverse.requests").tag("outcome", "throttled").timers().stream()
                        .mapToLong(Timer::count)
                        .sum())
                .isEqualTo(1);
        assertThat(dataverse
                        .meters
                        .get("dataverse.retries")
                        .tag("reason", "throttled")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void givesUpAtOnceWhenRetryAfterWouldPassTheDeadline() {
        dataverse.then(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "120")
                .build());
        WebApiDataverseClient client =
                dataverse.client(limits(4, 6, Duration.ofSeconds(60), Duration.ofSeconds(5)), false);

        assertThatThrownBy(client::whoAmI)
                .isInstanceOfSatisfying(DataverseThrottled.class, throttled -> assertThat(throttled.retryAfter())
                        .contains(Duration.ofSeconds(120)));
        assertThat(dataverse.dataverseCalls).hasSize(1);
        assertThat(dataverse.sleeps).isEmpty();
    }

    @Test
    void retriesAServiceUnavailableRead() {
        dataverse
                .then(json(503, "{\"error\":{\"code\":\"\",\"message\":\"busy\"}}"))
                .then(json(200, WHO_AM_I));

        dataverse.client().whoAmI();

        assertThat(dataverse.dataverseCalls).hasSize(2);
        assertThat(dataverse.sleeps).hasSize(1);
        assertThat(dataverse
                        .meters
                        .get("dataverse.retries")
                        .tag("reason", "server_error")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void persistentGatewayErrorsEndAsDataverseUnavailable() {
        dataverse.fallback = request -> new MockResponse.Builder()
                .code(502)
                .addHeader("Content-Type", "text/html")
                .body("<html><body><h1>502 Bad Gateway</h1></body></html>")
                .build();
        WebApiDataverseClient client =
                dataverse.client(limits(4, 3, Duration.ofSeconds(30), Duration.ofSeconds(5)), false);

        assertThatThrownBy(client::whoAmI)
                .isInstanceOf(DataverseUnavailable.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageNotContaining("<html>");
        assertThat(dataverse.dataverseCalls).hasSize(3);
        assertThat(dataverse.sleeps).hasSize(2);
        assertThat(dataverse.sleeps.get(1))
                .isGreaterThanOrEqualTo(dataverse.sleeps.get(0).dividedBy(2));
    }

    @Test
    void refreshesTheTokenOnceWhenDataverseAnswers401() {
        dataverse.then(new MockResponse.Builder().code(401).build()).then(json(200, WHO_AM_I));

        dataverse.client().whoAmI();

        assertThat(dataverse.tokenRequests).hasValue(2);
        assertThat(dataverse.dataverseCalls.get(0).getHeaders().get("Authorization"))
                .isEqualTo("Bearer token-1");
        assertThat(dataverse.dataverseCalls.get(1).getHeaders().get("Authorization"))
                .isEqualTo("Bearer token-2");
    }

    @Test
    void aSecond401IsASignInFailure() {
        dataverse.fallback = request -> new MockResponse.Builder().code(401).build();

        assertThatThrownBy(() -> dataverse.client().whoAmI())
                .isInstanceOf(SignInFailed.class)
                .hasMessageContaining("application user");
        assertThat(dataverse.tokenRequests).hasValue(2);
        assertThat(dataverse.dataverseCalls).hasSize(2);
    }

    @Test
    void reusesTheTokenUntilShortlyBeforeItExpires() {
        dataverse.tokenLifetimeSeconds = 3599;
        dataverse.fallback = request -> json(200, WHO_AM_I);
        WebApiDataverseClient client = dataverse.client();

        client.whoAmI();
        client.whoAmI();

        assertThat(dataverse.tokenRequests).hasValue(1);
    }

    @Test
    void replacesATokenThatExpiresWithinTheRefreshSkew() {
        dataverse.tokenLifetimeSeconds = 60; // skew is 5 minutes: the token is already "about to expire"
        dataverse.fallback = request -> json(200, WHO_AM_I);
        WebApiDataverseClient client = dataverse.client();

        client.whoAmI();
        client.whoAmI();

        assertThat(dataverse.tokenRequests).hasValue(2);
    }

    @Test
    void manyConcurrentCallersCauseOneTokenRequest() throws Exception {
        dataverse.fallback = request -> json(200, WHO_AM_I);
        WebApiDataverseClient client =
                dataverse.client(limits(8, 2, Duration.ofSeconds(30), Duration.ofSeconds(5)), false);

        runConcurrently(24, client::whoAmI);

        assertThat(dataverse.tokenRequests).hasValue(1);
        assertThat(dataverse.dataverseCalls).hasSize(24);
    }

    @Test
    void neverHasMoreRequestsInFlightThanTheBound() throws Exception {
        dataverse.fallback = request -> json(200, WHO_AM_I);
        dataverse.holdMillis = 40;
        WebApiDataverseClient client =
                dataverse.client(limits(3, 2, Duration.ofSeconds(30), Duration.ofSeconds(5)), false);

        runConcurrently(20, client::whoAmI);

        assertThat(dataverse.maxInFlight.get()).isBetween(2, 3);
        assertThat(dataverse
                        .meters
                        .get("dataverse.requests.in_flight.max")
                        .gauge()
                        .value())
                .isLessThanOrEqualTo(3);
        assertThat(dataverse.meters.get("dataverse.requests.in_flight").gauge().value())
                .isZero();
    }

    @Test
    void neverSendsCookiesBack() {
        dataverse
                .then(new MockResponse.Builder()
                        .code(200)
                        .addHeader("Set-Cookie", "ARRAffinity=abc123; Path=/; HttpOnly")
                        .body(WHO_AM_I)
                        .build())
                .then(json(200, WHO_AM_I));
        WebApiDataverseClient client = dataverse.client();

        client.whoAmI();
        client.whoAmI();

        assertThat(dataverse.dataverseCalls.get(1).getHeaders().get("Cookie")).isNull();
    }

    @Test
    void aMissingUserIsEmptyNotAnError() {
        dataverse.then(json(
                404,
                "{\"error\":{\"code\":\"0x80040217\",\"message\":\"systemuser With Id = " + ID
                        + " Does Not Exist\"}}"));

        assertThat(dataverse.client().findUser(UUID.fromString(ID))).isEmpty();
        assertThat(dataverse.dataverseCalls.get(0).getTarget())
                .startsWith("/api/data/v9.2/systemusers(" + ID + ")?$select=");
    }

    @Test
    void dropsAMissingOptionalColumnOnceAndRemembersIt() {
        dataverse
                .then(json(
                        400,
                        "{\"error\":{\"code\":\"0x80060888\",\"message\":\"Could not find a property named"
                                + " 'azurestate' on type 'Microsoft.Dynamics.CRM.systemuser'.\"}}"))
                .then(json(200, usersPage(null, ID)))
                .then(json(200, usersPage(null, ID)));
        WebApiDataverseClient client = dataverse.client();

        client.findUsers(ALL, 10);
        client.findUsers(ALL, 10);

        assertThat(dataverse.dataverseCalls).hasSize(3);
        assertThat(dataverse.dataverseCalls.get(0).getTarget()).contains(",azurestate,");
        assertThat(dataverse.dataverseCalls.get(1).getTarget()).doesNotContain("azurestate");
        assertThat(dataverse.dataverseCalls.get(2).getTarget()).doesNotContain("azurestate");
    }

    @Test
    void aMissingRequiredColumnIsStillAnError() {
        dataverse.then(json(
                400,
                "{\"error\":{\"code\":\"0x80060888\",\"message\":\"Could not find a property named"
                        + " 'fullname' on type 'Microsoft.Dynamics.CRM.systemuser'.\"}}"));

        assertThatThrownBy(() -> dataverse.client().findUsers(ALL, 10)).isInstanceOf(DataverseRejectedRequest.class);
        assertThat(dataverse.dataverseCalls).hasSize(1);
    }

    @Test
    void aMissingApplicationIdColumnIsReadAsNullInTheFilter() {
        dataverse
                .then(json(
                        400,
                        "{\"error\":{\"code\":\"0x80060888\",\"message\":\"Could not find a property named"
                                + " 'applicationid' on type 'Microsoft.Dynamics.CRM.systemuser'.\"}}"))
                .then(json(200, usersPage(null, ID)));

        dataverse.client().findUsers(new UserQuery(null, Set.of(AccountType.HUMAN), null), 10);

        assertThat(URLDecoder.decode(dataverse.dataverseCalls.get(1).getTarget(), StandardCharsets.UTF_8))
                .doesNotContain("applicationid");
    }

    @Test
    void aSlowAnswerEndsAsDataverseTimedOut() {
        dataverse.fallback = request -> new MockResponse.Builder()
                .code(200)
                .headersDelay(2, TimeUnit.SECONDS)
                .body(WHO_AM_I)
                .build();
        WebApiDataverseClient client =
                dataverse.client(limits(4, 2, Duration.ofSeconds(30), Duration.ofMillis(300)), false);

        assertThatThrownBy(client::whoAmI).isInstanceOf(DataverseTimedOut.class);
        assertThat(dataverse.meters.get("dataverse.requests").tag("outcome", "timeout").timers().stream()
                        .mapToLong(Timer::count)
                        .sum())
                .isEqualTo(2);
    }

    @Test
    void anUnreachableDataverseIsUnavailable() throws Exception {
        FakeDataverse tokenOnly = dataverse;
        DataverseConnection nowhere = new DataverseConnection(
                io.accessgov.dynamics.dataverse.DataverseConnectionInfo.Mode.LIVE,
                java.net.URI.create("http://127.0.0.1:1"),
                java.net.URI.create("http://127.0.0.1:1/api/data/v9.2/"),
                tokenOnly.connection().tokenUri(),
                "http://127.0.0.1:1/.default",
                FakeDataverse.CLIENT_ID,
                FakeDataverse.SECRET);
        WebApiDataverseClient client =
                tokenOnly.client(nowhere, limits(4, 3, Duration.ofSeconds(30), Duration.ofSeconds(2)), false);

        assertThatThrownBy(client::whoAmI)
                .isInstanceOf(DataverseUnavailable.class)
                .hasMessageContaining("reached");
        assertThat(tokenOnly.sleeps).hasSize(2);
    }

    @Test
    void anEnvironmentWithoutWhoAmIIsAConfigurationProblem() {
        dataverse.then(json(
                404,
                "{\"error\":{\"code\":\"0x80060888\",\"message\":\"Resource not found for the segment 'WhoAmI'.\"}}"));

        assertThatThrownBy(() -> dataverse.client().whoAmI()).isInstanceOf(DataverseRejectedRequest.class);
    }

    private static void runConcurrently(int callers, Callable<?> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(call));
            }
            for (Future<?> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
