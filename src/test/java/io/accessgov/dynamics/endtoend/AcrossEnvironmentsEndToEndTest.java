package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.endtoend.ExpectedGrants.Expected;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.Fault;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The questions asked of every environment at once (docs/api.md §9), against three independent simulators: {@code
 * alpha} (the demo organisation, the default), {@code beta} (the sandbox organisation, whose people share Entra
 * object ids with alpha's) and {@code gamma} (a generated one with no one in common). Answers are checked against a
 * computation from the simulators' own tables ({@link ExpectedGrants}).
 */
class AcrossEnvironmentsEndToEndTest {

    private static final List<String> NAMES = List.of("alpha", "beta", "gamma");

    private static final Map<String, DataverseSimulator> simulators = new LinkedHashMap<>();
    private static ConfigurableApplicationContext service;
    private static ServiceHttp http;

    @BeforeAll
    static void start() {
        simulators.put("alpha", DataverseSimulator.start(SimulatorOptions.defaults()));
        simulators.put(
                "beta", DataverseSimulator.start(SimulatorOptions.defaults().withSeed(OrganisationSeed.sandbox())));
        simulators.put(
                "gamma",
                DataverseSimulator.start(SimulatorOptions.defaults()
                        .withSeed(OrganisationSeed.generated()
                                .users(60)
                                .businessUnits(3)
                                .logicalRoles(6)
                                .teams(8)
                                .userRoleLinks(90)
                                .memberships(60)
                                .randomSeed(7)
                                .build())));
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--connector.security.allow-anonymous=true",
                "--connector.data-dir=target/across-environments-e2e-" + System.nanoTime(),
                "--dynamics.default-environment=alpha",
                "--dynamics.http.max-attempts=2",
                "--dynamics.http.deadline=3s"));
        simulators.forEach((name, simulator) -> {
            String client = "0000000" + (NAMES.indexOf(name) + 1) + "-0000-4000-8000-000000000000";
            simulator.tokens().registerClient(client, name + "-secret");
            String prefix = "--dynamics.environments." + name + ".";
            args.addAll(List.of(
                    prefix + "environment-url=" + simulator.environmentUrl(),
                    prefix + "authority-url=" + simulator.authorityUrl(),
                    prefix + "tenant-id=" + simulator.tenantId(),
                    prefix + "client-id=" + client,
                    prefix + "client-secret=" + name + "-secret"));
        });
        service = new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
        http = new ServiceHttp(
                ((WebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        simulators.values().forEach(DataverseSimulator::close);
    }

    @BeforeEach
    void clean() {
        simulators.values().forEach(simulator -> {
            simulator.faults().clear();
            simulator.requests().clear();
        });
    }

    @Test
    void aPersonsAccountsInEveryEnvironmentCarryWhatEachHoldsThere() {
        // Megan Bowen holds roles directly; Alex Wilber also through teams that hold roles
        for (String person : List.of("Megan Bowen", "Alex Wilber")) {
            String objectId = entraObjectId("alpha", person);

            JsonNode identity = http.json("/api/v1/identities/" + objectId);

            assertThat(identity.get("entraObjectId").asString()).isEqualTo(objectId);
            JsonNode entries = identity.get("environments");
            assertThat(entries)
                    .extracting(entry -> entry.get("environment").asString())
                    .as(person)
                    .containsExactly("alpha", "beta");
            for (JsonNode entry : entries) {
                String environment = entry.get("environment").asString();
                String accountId = entry.at("/account/id").asString();
                assertThat(userRow(environment, accountId)
                                .get("azureactivedirectoryobjectid")
                                .toString())
                        .isEqualTo(objectId);
                assertThat(entry.get("account"))
                        .as("the account as the environment's own path answers it")
                        .isEqualTo(http.json("/api/v1/environments/" + environment + "/accounts/" + accountId));
                assertThat(List.copyOf(entry.get("grants").valueStream().toList()))
                        .as("the grants as the environment's own /grants answers them")
                        .isEqualTo(http.listAll(
                                        "/api/v1/environments/" + environment + "/grants",
                                        "principalType=account&principalId=" + accountId)
                                .items());
                assertThat(grantsOf(entry.get("grants")))
                        .as(person + "'s grants in " + environment)
                        .isEqualTo(expected(environment).where(id -> id.endsWith(":account:" + accountId)));
                assertThat(entry.has("problem")).isFalse();
            }
            assertThat(entries.get(0).at("/account/id").asString())
                    .as("each environment has its own user id for the same person")
                    .isNotEqualTo(entries.get(1).at("/account/id").asString());
        }
        assertThat(expected("alpha")
                        .where(id -> id.endsWith(":account:" + userId("alpha", "Alex Wilber")))
                        .values())
                .as("the case this test is for: a role held through a team")
                .anySatisfy(grant -> assertThat(grant.sources()).anyMatch(source -> source.startsWith("team:")));
    }

    @Test
    void aPersonNotFoundWhileAnEnvironmentCannotBeReadIsNotCalledAbsent() {
        simulators.get("beta").faults().inject(Fault.status(503).times(1_000));

        HttpResponse<String> answer = http.get("/api/v1/identities/0f0f0f0f-1111-4222-8333-444444444444");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode entries = ServiceHttp.parse(answer.body()).get("environments");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("environment").asString()).isEqualTo("beta");
        assertThat(entries.get(0).at("/problem/status").asInt()).isEqualTo(503);
    }

    @Test
    void aPersonWithoutAnAccountAnywhereIsNotFound() {
        HttpResponse<String> answer = http.get("/api/v1/identities/0f0f0f0f-1111-4222-8333-444444444444");

        assertThat(answer.statusCode()).isEqualTo(404);
        JsonNode problem = ServiceHttp.parse(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:dynamics365-connector:problem:identity-not-found");
        assertThat(problem.has("environment"))
                .as("a question across environments names none")
                .isFalse();
    }

    @Test
    void anEnvironmentThatCannotBeReadIsReportedInsideTheIdentity() {
        String megan = entraObjectId("alpha", "Megan Bowen");
        simulators.get("beta").faults().inject(Fault.status(503).times(1_000));

        JsonNode entries = http.json("/api/v1/identities/" + megan).get("environments");

        assertThat(entries)
                .extracting(entry -> entry.get("environment").asString())
                .containsExactly("alpha", "beta");
        assertThat(entries.get(0).has("account")).isTrue();
        assertThat(entries.get(1).has("account")).isFalse();
        assertThat(entries.get(1).at("/problem/type").asString())
                .isEqualTo("urn:dynamics365-connector:problem:dataverse-unavailable");
        assertThat(entries.get(1).at("/problem/environment").asString()).isEqualTo("beta");
    }

    @Test
    void holdersOfARoleAreFoundInEveryEnvironmentWhateverTheCase() {
        List<JsonNode> holders = allRoleHolders("system administrator", 3);

        Map<String, Map<String, Expected>> actual = byEnvironment(holders);
        assertThat(actual).isEqualTo(expectedHolders("System Administrator"));
        assertThat(actual).containsKeys("alpha", "beta");

        String cameron = entraObjectId("beta", "Cameron White");
        assertThat(holders)
                .as("Cameron White is System Administrator in the sandbox only")
                .filteredOn(holder -> entraObjectIdOf(holder).equals(cameron))
                .extracting(holder -> holder.get("environment").asString())
                .containsExactly("beta");
    }

    @Test
    void holdersThroughTeamsNameTheTeam() {
        List<JsonNode> holders = allRoleHolders("Data Steward", 50);

        assertThat(byEnvironment(holders)).isEqualTo(expectedHolders("Data Steward"));
        assertThat(holders)
                .flatExtracting(holder -> List.copyOf(holder.at("/grant/sources")
                        .valueStream()
                        .map(source -> source.get("type").asString())
                        .toList()))
                .contains("team");
    }

    @Test
    void anEnvironmentNotReadForAnEarlierPageIsReportedOnEveryLaterPage() {
        String role = "Basic User";
        Map<String, Map<String, Expected>> expected = expectedHolders(role);
        assertThat(expected).as("the case: holders in alpha and gamma").containsKeys("alpha", "gamma");
        int pageSize = expected.get("alpha").size() + 1;
        String url = "/api/v1/role-holders?roleName=Basic%20User&pageSize=" + pageSize;
        simulators.get("beta").faults().inject(Fault.status(503).times(1_000));

        JsonNode first = http.json(url);
        simulators.get("beta").faults().clear();
        JsonNode second = http.json(url + "&pageToken="
                + URLEncoder.encode(first.get("nextPageToken").asString(), StandardCharsets.UTF_8));

        assertThat(first.at("/items/" + (pageSize - 1) + "/environment").asString())
                .as("the first page ends past beta")
                .isEqualTo("gamma");
        assertThat(first.get("unavailable"))
                .extracting(item -> item.get("environment").asString())
                .containsExactly("beta");
        assertThat(second.get("unavailable"))
                .extracting(item -> item.get("environment").asString())
                .as("beta's holders are missing from the list even though beta answers again")
                .containsExactly("beta");
        assertThat(second.at("/unavailable/0/problem/detail").asString()).contains("start the list again");
        assertThat(second.get("items"))
                .extracting(item -> item.get("environment").asString())
                .containsOnly("gamma");
    }

    @Test
    void roleHoldersCostAFewRequestsPerEnvironmentForAFewHolders() {
        allRoleHolders("System Administrator", 1000);

        for (String environment : NAMES) {
            assertThat(simulators.get(environment).requests().dataverse())
                    .as("requests to " + environment)
                    .hasSizeLessThanOrEqualTo(6);
        }
    }

    @Test
    void laterPagesLeaveTheEnvironmentsBeforeTheCursorUnread() {
        String url = "/api/v1/role-holders?roleName=System%20Administrator&pageSize=1";
        JsonNode page = http.json(url);
        String lastEnvironment = "alpha";
        while (lastEnvironment.equals("alpha")) {
            String token = page.get("nextPageToken").asString();
            simulators.values().forEach(simulator -> simulator.requests().clear());
            page = http.json(url + "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            lastEnvironment = page.at("/items/0/environment").asString();
        }
        assertThat(lastEnvironment).isEqualTo("beta");
        String token = page.get("nextPageToken").asString();
        simulators.values().forEach(simulator -> simulator.requests().clear());

        http.json(url + "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));

        assertThat(simulators.get("alpha").requests().dataverse()).isEmpty();
        assertThat(simulators.get("beta").requests().dataverse()).isNotEmpty();
    }

    @Test
    void aRoleThatNoEnvironmentHasHasNoHolders() {
        JsonNode page = http.json("/api/v1/role-holders?roleName=Nobody%20Has%20This");

        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("unavailable")).isEmpty();
        assertThat(page.get("nextPageToken").isNull()).isTrue();
    }

    @Test
    void anEnvironmentThatCannotBeReadIsListedAsUnavailableAndTheOthersAnswer() {
        simulators.get("gamma").faults().inject(Fault.status(503).times(1_000));

        JsonNode page = http.json("/api/v1/role-holders?roleName=System%20Administrator&pageSize=1000");

        assertThat(page.get("items"))
                .extracting(item -> item.get("environment").asString())
                .containsOnly("alpha", "beta");
        assertThat(page.get("unavailable")).hasSize(1);
        assertThat(page.at("/unavailable/0/environment").asString()).isEqualTo("gamma");
        assertThat(page.at("/unavailable/0/problem/status").asInt()).isEqualTo(503);
    }

    @Test
    void roleHolderQuestionsAreStrict() {
        assertThat(http.get("/api/v1/role-holders").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/role-holders?roleName=").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/role-holders?rolename=System%20Administrator")
                        .statusCode())
                .isEqualTo(400);
        String token = http.json("/api/v1/role-holders?roleName=System%20Administrator&pageSize=1")
                .get("nextPageToken")
                .asString();
        HttpResponse<String> otherRole = http.get("/api/v1/role-holders?roleName=Salesperson&pageToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
        assertThat(otherRole.statusCode()).isEqualTo(400);
        assertThat(otherRole.body()).contains("invalid-page-token");
        assertThat(http.get("/api/v1/identities/not-a-guid").statusCode()).isEqualTo(400);
    }

    private static List<JsonNode> allRoleHolders(String roleName, int pageSize) {
        return http.listAll(
                        "/api/v1/role-holders",
                        "roleName="
                                + URLEncoder.encode(roleName, StandardCharsets.UTF_8)
                                        .replace("+", "%20") + "&pageSize=" + pageSize)
                .items();
    }

    private static ExpectedGrants expected(String environment) {
        return ExpectedGrants.of(simulators.get(environment).state(), false);
    }

    private static Set<String> rootsNamed(String environment, String name) {
        return simulators.get(environment).state().rows("roles").stream()
                .filter(role -> name.toLowerCase(Locale.ROOT)
                        .equals(String.valueOf(role.get("name")).toLowerCase(Locale.ROOT)))
                .map(role -> role.get("_parentrootroleid_value").toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Expected> grantsOf(Iterable<JsonNode> grants) {
        Map<String, Expected> reduced = new TreeMap<>();
        for (JsonNode grant : grants) {
            Set<String> sources = new TreeSet<>();
            grant.get("sources")
                    .forEach(source -> sources.add(
                            source.get("type").asString().equals("team")
                                    ? "team:" + source.get("id").asString()
                                    : "direct"));
            String id = grant.get("id").asString();
            reduced.put(id, new Expected(id, sources, grant.get("revocable").asBoolean()));
        }
        return reduced;
    }

    private static Map<String, Object> userRow(String environment, String id) {
        return simulators.get(environment).state().rows("systemusers").stream()
                .filter(row -> row.get("systemuserid").toString().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static String entraObjectId(String environment, String fullName) {
        return simulators.get(environment).state().rows("systemusers").stream()
                .filter(row -> fullName.equals(row.get("fullname")))
                .map(row -> row.get("azureactivedirectoryobjectid").toString())
                .findFirst()
                .orElseThrow();
    }

    private static String entraObjectIdOf(JsonNode holder) {
        String environment = holder.get("environment").asString();
        Object objectId = userRow(environment, holder.at("/grant/principal/id").asString())
                .get("azureactivedirectoryobjectid");
        return String.valueOf(objectId);
    }

    private static Map<String, Map<String, Expected>> expectedHolders(String roleName) {
        Map<String, Map<String, Expected>> expected = new TreeMap<>();
        for (String environment : NAMES) {
            Set<String> roots = rootsNamed(environment, roleName);
            Map<String, Expected> grants = expected(environment)
                    .where(id -> roots.stream().anyMatch(root -> id.startsWith("role:" + root + ":assigned:account:")));
            if (!grants.isEmpty()) {
                expected.put(environment, grants);
            }
        }
        return expected;
    }

    private static Map<String, Map<String, Expected>> byEnvironment(List<JsonNode> holders) {
        Map<String, Map<String, Expected>> actual = new TreeMap<>();
        for (JsonNode holder : holders) {
            actual.computeIfAbsent(holder.get("environment").asString(), key -> new TreeMap<>())
                    .putAll(grantsOf(List.of(holder.get("grant"))));
        }
        return actual;
    }

    private static String userId(String environment, String fullName) {
        return simulators.get(environment).state().rows("systemusers").stream()
                .filter(row -> fullName.equals(row.get("fullname")))
                .map(row -> row.get("systemuserid").toString())
                .findFirst()
                .orElseThrow();
    }
}
