package io.accessgov.dynamics.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.dataverse.AccountType;
import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.RecordedRequest;
import io.accessgov.dynamics.web.PageTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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
 * Hostile input against the service and its embedded simulator, over HTTP on both sides. Every refusal is a 4xx
 * problem and nothing reaches Dataverse; where hostile text is legitimately data (search), the exact literal that
 * reached Dataverse is asserted and the query's shape is the same as for harmless text. No case sends a write.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "connector.page-token-key=" + HostileInputTest.PAGE_TOKEN_KEY})
class HostileInputTest {

    static final String PAGE_TOKEN_KEY = "AwoRGB8mLTQ7QklQV15lbHN6gYiPlp2kq7K5wMfO1dw=";
    static final byte[] KEY = Base64.getDecoder().decode(PAGE_TOKEN_KEY);
    /** How the accounts list fingerprints its default filters (no status, humans only, no search). */
    static final String ACCOUNTS_FINGERPRINT = PageTokens.fingerprint(null, List.of(AccountType.HUMAN), null);
    /** The accounts list of the default demo environment, as its page tokens name it. */
    static final String ACCOUNTS = PageTokens.kind("accounts", "contoso");

    private static final String GUID = "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d";
    private static final String LONG = "a".repeat(5_000);

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Refused before Dataverse: one line per case (name, method, raw request target, status, problem kind or null)
    // ---------------------------------------------------------------------------------------------------------------

    static Stream<Arguments> refused() {
        return Stream.of(
                // ids in the path
                refuse("dot-dot segment", "/api/v1/accounts/..", 400, null),
                refuse("dot-dot after an id", "/api/v1/accounts/" + GUID + "/..", 400, null),
                refuse("encoded dot-dot", "/api/v1/accounts/%2E%2E", 400, null),
                refuse("encoded slash", "/api/v1/accounts/%2F", 400, null),
                refuse("encoded slash inside an id", "/api/v1/accounts/" + GUID + "%2F..%2F..", 400, null),
                refuse("double-encoded slash", "/api/v1/accounts/%252F", 400, null),
                refuse("encoded backslash", "/api/v1/accounts/%5C..%5C", 400, null),
                refuse("double slash", "/api/v1/accounts//" + GUID, 400, null),
                refuse("matrix parameter", "/api/v1/accounts/" + GUID + ";jsessionid=1", 400, null),
                refuse("matrix parameter on the collection", "/api/v1/roles;x=1", 400, null),
                refuse("broken UTF-8 in a path", "/api/v1/accounts/%C3%28", 400, null),
                refuse("encoded NUL in an id", "/api/v1/accounts/" + GUID + "%00", 400, null),
                refuse("OData injection as an id", "/api/v1/accounts/%27%20or%201%20eq%201", 400, "invalid-id"),
                refuse("key syntax as an id", "/api/v1/accounts/(" + GUID + ")", 400, "invalid-id"),
                refuse("GUID in braces", "/api/v1/accounts/%7B" + GUID + "%7D", 400, "invalid-id"),
                refuse("GUID without dashes", "/api/v1/accounts/" + GUID.replace("-", ""), 400, "invalid-id"),
                refuse("GUID with a trailing space", "/api/v1/accounts/" + GUID + "%20", 400, "invalid-id"),
                refuse("GUID with a tab", "/api/v1/teams/%09" + GUID, 400, "invalid-id"),
                refuse(
                        "Cyrillic look-alike in a GUID",
                        "/api/v1/roles/" + utf8(GUID.replace('a', 'а')),
                        400,
                        "invalid-id"),
                refuse(
                        "full-width digits",
                        "/api/v1/teams/" + utf8("２b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d"),
                        400,
                        "invalid-id"),
                refuse("very long id", "/api/v1/accounts/" + LONG, 400, "invalid-id"),
                refuse("very long business-unit id", "/api/v1/business-units/" + LONG, 400, "invalid-id"),
                refuse("script as an id", "/api/v1/roles/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 400, null),
                refuse("GUID with a filter appended", "/api/v1/accounts/" + GUID + "%20or%20true", 400, "invalid-id"),
                refuse("GUID with a query option", "/api/v1/accounts/" + GUID + "%3F%24select%3D*", 400, "invalid-id"),
                // grant ids
                refuse(
                        "grant id with injection",
                        "/api/v1/grants/role:" + GUID + ":assigned:account:%27%20or%201%20eq%201",
                        400,
                        "invalid-id"),
                refuse(
                        "grant id with an extra part",
                        "/api/v1/grants/role:" + GUID + ":assigned:account:" + GUID + ":x",
                        400,
                        "invalid-id"),
                refuse(
                        "grant id of an unknown type",
                        "/api/v1/grants/systemuser:" + GUID + ":assigned:account:" + GUID,
                        400,
                        "invalid-id"),
                refuse(
                        "grant id with braces",
                        "/api/v1/grants/role:%7B" + GUID + "%7D:assigned:account:" + GUID,
                        400,
                        "invalid-id"),
                refuse("very long grant id", "/api/v1/grants/role:" + LONG, 400, "invalid-id"),
                refuse("empty grant id parts", "/api/v1/grants/::::", 400, "invalid-id"),
                // grant queries
                refuse("grant query without a subject", "/api/v1/grants", 400, "invalid-parameter"),
                refuse(
                        "grant query injection in the id",
                        "/api/v1/grants?principalType=account&principalId=%27%20or%201%20eq%201",
                        400,
                        null),
                refuse(
                        "grant query injection in the type",
                        "/api/v1/grants?principalType=account%27%20or%201%20eq%201&principalId=" + GUID,
                        400,
                        null),
                refuse(
                        "grant query with a braced GUID",
                        "/api/v1/grants?resourceType=role&resourceId=%7B" + GUID + "%7D",
                        400,
                        null),
                refuse(
                        "grant query with two ids",
                        "/api/v1/grants?principalType=account&principalId=" + GUID + "&principalId=" + GUID,
                        400,
                        null),
                refuse(
                        "grant query with a very long id",
                        "/api/v1/grants?principalType=account&principalId=" + LONG,
                        400,
                        null),
                refuse("grant query with half a pair", "/api/v1/grants?principalType=account", 400, null),
                // page sizes
                refuse("page size 0", "/api/v1/accounts?pageSize=0", 400, "invalid-parameter"),
                refuse("negative page size", "/api/v1/roles?pageSize=-1", 400, "invalid-parameter"),
                refuse("page size 1001", "/api/v1/teams?pageSize=1001", 400, "invalid-parameter"),
                refuse("page size beyond int", "/api/v1/accounts?pageSize=2147483648", 400, "invalid-parameter"),
                refuse(
                        "huge page size",
                        "/api/v1/business-units?pageSize=" + "9".repeat(400),
                        400,
                        "invalid-parameter"),
                refuse("non-numeric page size", "/api/v1/accounts?pageSize=ten", 400, "invalid-parameter"),
                refuse("fractional page size", "/api/v1/accounts?pageSize=1.5", 400, "invalid-parameter"),
                refuse("exponent page size", "/api/v1/accounts?pageSize=1e3", 400, "invalid-parameter"),
                refuse(
                        "injection in the page size",
                        "/api/v1/accounts?pageSize=5%20or%201%20eq%201",
                        400,
                        "invalid-parameter"),
                refuse(
                        "grant page size 0",
                        "/api/v1/grants?principalType=account&principalId=" + GUID + "&pageSize=0",
                        400,
                        "invalid-parameter"),
                // enumerations
                refuse(
                        "injection in status",
                        "/api/v1/accounts?status=ENABLED%27%20or%201%20eq%201",
                        400,
                        "invalid-parameter"),
                refuse(
                        "two account types at once",
                        "/api/v1/accounts?accountType=HUMAN,SYSTEM",
                        400,
                        "invalid-parameter"),
                refuse("unknown team type", "/api/v1/teams?type=OWNER%27", 400, "invalid-parameter"),
                // oversize text
                refuse(
                        "search longer than 256",
                        "/api/v1/accounts?search=" + "x".repeat(257),
                        400,
                        "invalid-parameter"),
                refuse("a 100 KB query string", "/api/v1/accounts?search=" + "x".repeat(100_000), 414, "uri-too-long"),
                refuse("a 100 KB path", "/api/v1/accounts/" + "a".repeat(100_000), 414, "uri-too-long"),
                // page tokens that are not ours
                refuse("garbage page token", "/api/v1/accounts?pageToken=garbage", 400, "invalid-page-token"),
                refuse(
                        "page token with injection",
                        "/api/v1/accounts?pageToken=%27%20or%201%20eq%201",
                        400,
                        "invalid-page-token"),
                refuse("page token of 5000 characters", "/api/v1/accounts?pageToken=" + "A".repeat(5_000), 400, null),
                refuse(
                        "page token that is a URL",
                        "/api/v1/accounts?pageToken=" + utf8("http://127.0.0.1:1/api/data/v9.2/systemusers"),
                        400,
                        "invalid-page-token"),
                refuse(
                        "empty grant page token",
                        "/api/v1/grants?principalType=account&principalId=" + GUID + "&pageToken=x",
                        400,
                        "invalid-page-token"),
                // method and format
                refuse("unsupported method", "PUT", "/api/v1/accounts/" + GUID, 405, "method-not-allowed"),
                refuse("unsupported method on a list", "DELETE", "/api/v1/accounts", 405, "method-not-allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedAsAProblemBeforeDataverse(
            String name, String method, String target, int status, @Nullable String kind) {
        simulator.requests().clear();

        HttpResponse<String> response = api.send(method, target, null, null);

        assertProblem(response, status, kind);
        assertThat(simulator.requests().dataverse())
                .as("requests that reached Dataverse")
                .isEmpty();
    }

    /** Ways to bend a genuine paging link; {@code {trap}} is the port of a listener that must see nothing. */
    static Stream<Arguments> forgedPageTokens() {
        return Stream.of(
                forge("another origin", link -> link.replaceFirst("//127\\.0\\.0\\.1:\\d+", "//127.0.0.1:{trap}")),
                forge(
                        "another host",
                        link -> link.replaceFirst("http://127\\.0\\.0\\.1:\\d+", "https://contoso.crm.dynamics.com")),
                forge("user info", link -> link.replace("http://", "http://evil@")),
                forge("another scheme", link -> link.replace("http://", "https://")),
                forge("another entity set", link -> link.replace("/systemusers?", "/roles?")),
                forge(
                        "a write path",
                        link -> link.replace(
                                "/systemusers?", "/systemusers(" + GUID + ")/systemuserroles_association/$ref?")),
                forge(
                        "the token endpoint",
                        link -> link.replaceFirst(
                                "/api/data/v9\\.2/systemusers\\?",
                                "/" + DataverseSimulator.DEMO_TENANT_ID + "/oauth2/v2.0/token?")),
                forge("dot segments", link -> link.replace("/systemusers?", "/roles/../systemusers?")),
                forge("a relative link", link -> link.replaceFirst("http://127\\.0\\.0\\.1:\\d+", "")),
                forge("a fragment", link -> link + "#x"),
                forge("not a URI", link -> link + "&x=%zz y"));
    }

    private static Arguments forge(String name, java.util.function.UnaryOperator<String> change) {
        return Arguments.of(name, change);
    }

    /**
     * A page token sealed with the service's own key (as an insider who stole it could) around a genuine paging
     * link bent to lead elsewhere: refused with 400, and nothing is sent, neither to Dataverse nor elsewhere.
     */
    @ParameterizedTest(name = "a sealed token leading to {0}")
    @MethodSource("forgedPageTokens")
    void aSealedPageTokenLeadingOutsideTheEnvironmentIsRefused(
            String name, java.util.function.UnaryOperator<String> change) throws IOException {
        String genuine = genuineAccountsLink();
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String forged = change.apply(genuine).replace("{trap}", Integer.toString(trap.getLocalPort()));
            assertThat(forged).isNotEqualTo(genuine);
            simulator.requests().clear();

            HttpResponse<String> response = api.get("/api/v1/accounts?pageToken=" + seal(forged));

            assertProblem(response, 400, "invalid-page-token");
            assertThat(simulator.requests().all())
                    .as("requests to the simulator")
                    .isEmpty();
            trap.setSoTimeout(200);
            assertThat(accepted(trap)).as("connections to the other origin").isFalse();
        }
    }

    @Test
    void aResealedGenuineLinkIsFollowedSoTheForgeryTestsProveSomething() {
        String token = seal(genuineAccountsLink());
        simulator.requests().clear();

        HttpResponse<String> response = api.get("/api/v1/accounts?pageToken=" + token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Api.parse(response.body()).get("items")).hasSize(5);
        assertThat(simulator.requests().dataverse()).hasSize(1);
    }

    /** The Dataverse paging link inside a real next-page token of the first five accounts. */
    private String genuineAccountsLink() {
        String token =
                api.json("/api/v1/accounts?pageSize=5").get("nextPageToken").asString();
        return new PageTokens(KEY).redeem(token, ACCOUNTS, ACCOUNTS_FINGERPRINT).link();
    }

    private static String seal(String link) {
        return new PageTokens(KEY).issue(ACCOUNTS, ACCOUNTS_FINGERPRINT, new Continuation(link, 5));
    }

    @Test
    void pageTokensAlteredSwappedOrReusedWithOtherFiltersAreRefused() {
        String accounts =
                api.json("/api/v1/accounts?pageSize=2").get("nextPageToken").asString();
        String roles = api.json("/api/v1/roles?pageSize=2").get("nextPageToken").asString();
        String enabled = api.json("/api/v1/accounts?status=ENABLED&pageSize=2")
                .get("nextPageToken")
                .asString();

        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("one character changed", "/api/v1/accounts?pageToken=" + flip(accounts, accounts.length() / 2));
        cases.put("last character changed", "/api/v1/accounts?pageToken=" + flip(accounts, accounts.length() - 1));
        cases.put("truncated", "/api/v1/accounts?pageToken=" + accounts.substring(0, accounts.length() - 4));
        cases.put("doubled", "/api/v1/accounts?pageToken=" + accounts + accounts);
        cases.put("with padding", "/api/v1/accounts?pageToken=" + accounts + "%3D%3D");
        cases.put("roles token on accounts", "/api/v1/accounts?pageToken=" + roles);
        cases.put("accounts token on roles", "/api/v1/roles?pageToken=" + accounts);
        cases.put("accounts token on teams", "/api/v1/teams?pageToken=" + accounts);
        cases.put("accounts token on business units", "/api/v1/business-units?pageToken=" + accounts);
        cases.put(
                "accounts token on grants",
                "/api/v1/grants?principalType=account&principalId=" + GUID + "&pageToken=" + accounts);
        cases.put("other filters", "/api/v1/accounts?status=DISABLED&pageToken=" + enabled);
        cases.put("filters dropped", "/api/v1/accounts?pageToken=" + enabled);
        cases.put("search added", "/api/v1/accounts?search=a&pageToken=" + accounts);
        cases.put("page size changed", "/api/v1/accounts?pageSize=500&pageToken=" + accounts);
        cases.forEach((name, target) -> {
            simulator.requests().clear();
            HttpResponse<String> response = api.get(target);
            assertProblem(response, 400, null);
            assertThat(response.body()).as(name).containsAnyOf("invalid-page-token", "invalid-parameter");
            assertThat(simulator.requests().dataverse()).as(name).isEmpty();
        });
        assertThat(api.get("/api/v1/accounts?pageToken=" + accounts).statusCode())
                .as("the untouched token still works")
                .isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Search text is data: the exact literal reaches Dataverse, and the query keeps the shape of a harmless search
    // ---------------------------------------------------------------------------------------------------------------

    static Stream<String> searches() {
        return Stream.of(
                "'",
                "''",
                "' or 1 eq 1",
                "' or 1 eq 1 or '",
                "x') or (1 eq 1",
                ")",
                "%27",
                "%2527",
                "$filter=statecode eq 0",
                "a&$top=1",
                "a&$select=*",
                "%",
                "_",
                "[",
                "[a-z]",
                "[^a]",
                "a%b_c[d]",
                "\\",
                "\"",
                "/*",
                "a+b",
                "a#b",
                "a;b",
                "contains(fullname,'a')",
                "\u202egnp.exe",
                "\ud83d\ude00 emoji",
                "e\u0301\u0301\u0301",
                "\u0130stanbul",
                "\u200b",
                "x".repeat(256));
    }

    @ParameterizedTest(name = "search [{0}]")
    @MethodSource("searches")
    void searchTextReachesDataverseAsOneLiteralOfTheSameQuery(String search) {
        for (Listed list : Listed.values()) {
            String harmless = filterFor(list, "harmless");
            simulator.requests().clear();

            HttpResponse<String> response = api.get(list.path + "?search=" + utf8(search));

            assertThat(response.statusCode())
                    .as("%s: %s", list, response.body())
                    .isEqualTo(200);
            List<String> filters = DataverseTraffic.filtersSentTo(simulator, list.entitySet);
            assertThat(filters).as(list.name()).hasSize(1);
            String literal = DataverseTraffic.containsLiteral(search);
            assertThat(filters.get(0).replace(literal, "?"))
                    .as("%s: the query's shape", list)
                    .isEqualTo(harmless.replace(DataverseTraffic.containsLiteral("harmless"), "?"));
            assertThat(count(filters.get(0), literal)).as(list.name()).isEqualTo(list.searchedColumns);
            assertThat(simulator.requests().writes()).isEmpty();
        }
    }

    @Test
    void searchMatchesQuotesAndWildcardsLiterally() {
        assertThat(api.json("/api/v1/accounts?search=" + utf8("o'brien")).get("items"))
                .extracting(item -> item.get("lastName").asString())
                .containsExactly("O'Brien");
        for (String wildcard : List.of("%", "_", "[", "' or 1 eq 1 or '")) {
            assertThat(api.json("/api/v1/accounts?search=" + utf8(wildcard)).get("items"))
                    .as(wildcard)
                    .isEmpty();
            assertThat(api.json("/api/v1/roles?search=" + utf8(wildcard)).get("items"))
                    .as(wildcard)
                    .isEmpty();
        }
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of(
                Arguments.of("NUL", "%00"),
                Arguments.of("a NUL inside", "a%00b"),
                Arguments.of("line feed", "a%0Ab"),
                Arguments.of("tab", "a%09b"),
                Arguments.of("DEL", "a%7Fb"),
                Arguments.of("C1 control", "a%C2%85b"),
                Arguments.of("carriage return", "a%0D%0AX-Injected:%201"),
                Arguments.of("unpaired high surrogate (CESU bytes)", "%ED%A0%80"),
                Arguments.of("unpaired low surrogate (CESU bytes)", "%ED%B0%80"),
                Arguments.of("invalid UTF-8", "%C3%28"),
                Arguments.of("overlong slash", "%C0%AF"));
    }

    /** Control characters and broken UTF-8 in search: refused, or at least never sent as something else. */
    @ParameterizedTest(name = "search with {0}")
    @MethodSource("controlCharacters")
    void searchWithControlCharactersOrBrokenUtf8IsRefused(String name, String encoded) {
        simulator.requests().clear();

        HttpResponse<String> response = api.get("/api/v1/accounts?search=" + encoded);

        assertProblem(response, 400, null);
        assertThat(simulator.requests().dataverse()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // OData syntax as parameter names is ignored: the query sent is exactly the one without it
    // ---------------------------------------------------------------------------------------------------------------

    static Stream<String> odataParameters() {
        return Stream.of(
                "$filter=1%20eq%201",
                "%24filter=statecode%20eq%200",
                "$top=1",
                "$select=*",
                "$expand=systemuserroles_association",
                "$skiptoken=x",
                "$apply=groupby((fullname))",
                "search=&$filter=true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("odataParameters")
    void odataOptionsAsParametersDoNotChangeTheQuery(String extra) {
        simulator.requests().clear();
        assertThat(api.get("/api/v1/accounts?pageSize=3").statusCode()).isEqualTo(200);
        String expected = onlyQueryTo("systemusers");
        simulator.requests().clear();

        HttpResponse<String> response = api.get("/api/v1/accounts?pageSize=3&" + extra);

        if (response.statusCode() == 200) {
            assertThat(onlyQueryTo("systemusers")).isEqualTo(expected);
        } else {
            assertProblem(response, 400, "invalid-parameter");
            assertThat(simulator.requests().dataverse()).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Bodies of grant writes
    // ---------------------------------------------------------------------------------------------------------------

    static Stream<Arguments> bodies() {
        String valid = "{\"resourceType\":\"role\",\"resourceId\":\"" + GUID + "\",\"principalType\":\"account\","
                + "\"principalId\":\"" + GUID + "\"}";
        return Stream.of(
                body("malformed JSON", "application/json", "{\"resourceType\": \"role\",", 400),
                body("not JSON at all", "application/json", "resourceType=role", 400),
                body("empty body", "application/json", "", 400),
                body("JSON null", "application/json", "null", 400),
                body("JSON array", "application/json", "[" + valid + "]", 400),
                body("a string", "application/json", "\"role\"", 400),
                body("unknown field", "application/json", valid.replace("}", ",\"admin\":true}"), 400),
                body(
                        "duplicate field",
                        "application/json",
                        valid.replace("}", ",\"principalId\":\"" + UUID.randomUUID() + "\"}"),
                        400),
                body(
                        "injection in an id",
                        "application/json",
                        valid.replace(GUID + "\",\"principalType", "' or 1 eq 1\",\"principalType"),
                        400),
                body(
                        "braced GUID",
                        "application/json",
                        valid.replace("\"" + GUID + "\",\"principalType", "\"{" + GUID + "}\",\"principalType"),
                        400),
                body("wrong type of a member", "application/json", valid.replace("\"role\"", "42"), 400),
                body("unknown resource type", "application/json", valid.replace("\"role\"", "\"systemuser\""), 400),
                body("NUL in a value", "application/json", valid.replace("\"role\"", "\"role\\u0000\""), 400),
                body("nested 1,500 deep", "application/json", "[".repeat(1_500) + "]".repeat(1_500), 400),
                body("deeply nested", "application/json", "[".repeat(10_000) + "]".repeat(10_000), 400, 413),
                body("1 MB body", "application/json", "{\"resourceType\":\"" + "r".repeat(1_048_576) + "\"}", 400, 413),
                body("form content type", "application/x-www-form-urlencoded", "resourceType=role", 415),
                body("XML", "application/xml", "<grant/>", 415),
                body("text", "text/plain", valid, 415),
                body("no content type", null, valid, 415),
                body("JSON with a bad charset", "application/json;charset=ebcdic", valid, 400, 415));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void aBadGrantBodyIsRefusedAndNothingIsWritten(
            String name, @Nullable String contentType, String body, List<Integer> statuses) {
        simulator.requests().clear();

        HttpResponse<String> response =
                api.send("POST", "/api/v1/grants", contentType, body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isIn(statuses);
        assertProblem(response, response.statusCode(), null);
        assertThat(simulator.requests().writes()).as("writes sent").isEmpty();
    }

    @Test
    void aBadGrantIdOnDeleteIsRefusedAndNothingIsWritten() {
        for (String id : List.of(
                "%27%20or%201%20eq%201",
                "role:" + GUID + ":assigned:account:" + GUID + ":x",
                "role:%7B" + GUID + "%7D:assigned:account:" + GUID,
                "role:" + LONG)) {
            simulator.requests().clear();
            assertProblem(api.send("DELETE", "/api/v1/grants/" + id, null, null), 400, "invalid-id");
            assertThat(simulator.requests().dataverse()).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    enum Listed {
        ACCOUNTS("/api/v1/accounts", "systemusers", 3),
        ROLES("/api/v1/roles", "roles", 1),
        TEAMS("/api/v1/teams", "teams", 1);

        final String path;
        final String entitySet;
        final int searchedColumns;

        Listed(String path, String entitySet, int searchedColumns) {
            this.path = path;
            this.entitySet = entitySet;
            this.searchedColumns = searchedColumns;
        }
    }

    private String filterFor(Listed list, String search) {
        simulator.requests().clear();
        assertThat(api.get(list.path + "?search=" + search).statusCode()).isEqualTo(200);
        List<String> filters = DataverseTraffic.filtersSentTo(simulator, list.entitySet);
        assertThat(filters).hasSize(1);
        return filters.get(0);
    }

    private String onlyQueryTo(String entitySet) {
        List<RecordedRequest> requests = simulator.requests().dataverse().stream()
                .filter(request -> request.path().endsWith("/" + entitySet))
                .toList();
        assertThat(requests).hasSize(1);
        assertThat(simulator.requests().writes()).isEmpty();
        return requests.get(0).rawQuery();
    }

    static void assertProblem(HttpResponse<String> response, int status, @Nullable String kind) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .as("content type")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Api.parse(response.body());
        assertThat(problem.path("type").asString()).startsWith("urn:dynamics365-connector:problem:");
        if (kind != null) {
            assertThat(problem.path("type").asString()).isEqualTo("urn:dynamics365-connector:problem:" + kind);
        }
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("io.accessgov")
                .doesNotContain("<script>");
    }

    private static boolean accepted(ServerSocket trap) throws IOException {
        try {
            trap.accept().close();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static Arguments refuse(String name, String target, int status, @Nullable String kind) {
        return Arguments.of(name, "GET", target, status, kind);
    }

    private static Arguments refuse(String name, String method, String target, int status, @Nullable String kind) {
        return Arguments.of(name, method, target, status, kind);
    }

    private static Arguments body(String name, @Nullable String contentType, String body, Integer... statuses) {
        return Arguments.of(name, contentType, body, List.of(statuses));
    }

    private static String utf8(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The token with one base64url character changed in its highest bit: always a different byte, even in the last
     * character, whose low bits may be padding a decoder ignores (changing only those would leave the same token).
     */
    private static String flip(String token, int index) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char replacement = alphabet.charAt(alphabet.indexOf(token.charAt(index)) ^ 0b100000);
        return token.substring(0, index) + replacement + token.substring(index + 1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
