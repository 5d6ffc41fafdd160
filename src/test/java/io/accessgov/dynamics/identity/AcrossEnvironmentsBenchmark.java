package io.accessgov.dynamics.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The across-environments benchmark (docs/benchmarks.md; not part of {@code ./mvnw verify}; run
 * {@code benchmark/across-environments}): three simulated environments of 10,000 users each, 50 ms added to every
 * Dataverse request. The same questions are asked of a service governing all three and of three services governing
 * one each; the all-environments answer should take about as long as the slowest single environment's (target
 * ≤ 1.3×), because environments are read concurrently. Writes {@code target/benchmark/across-environments.md}.
 */
class AcrossEnvironmentsBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final List<String> NAMES = List.of("east", "north", "west");
    private static final int WARM_UP = 3;
    private static final int RUNS = 9;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void questionsAcrossThreeEnvironmentsTakeAboutAsLongAsTheSlowestOne() throws Exception {
        Map<String, DataverseSimulator> simulators = new LinkedHashMap<>();
        List<ConfigurableApplicationContext> services = new ArrayList<>();
        try {
            for (int i = 0; i < NAMES.size(); i++) {
                // Each environment a copy of one organisation (a sandbox copied from production keeps its record
                // ids and Entra object ids), with its own simulator, latency and throttling state.
                DataverseSimulator simulator = DataverseSimulator.start(SimulatorOptions.defaults()
                        .withSeed(OrganisationSeed.generated()
                                .users(10_000)
                                .businessUnits(10)
                                .logicalRoles(30)
                                .teams(300)
                                .userRoleLinks(30_000)
                                .memberships(25_000)
                                .globalPrivilegeShare(0.05)
                                .randomSeed(42)
                                .build()));
                simulator.faults().addedLatency(LATENCY);
                simulators.put(NAMES.get(i), simulator);
            }
            int all = start(services, simulators);
            Map<String, Integer> single = new LinkedHashMap<>();
            for (String name : NAMES) {
                single.put(name, start(services, Map.of(name, simulators.get(name))));
            }

            String person = someoneWithRolesAndTeams(simulators.get("east"));
            Map<String, String> questions = new LinkedHashMap<>();
            questions.put(
                    "role-holders, Basic User (direct and through teams)",
                    "/api/v1/role-holders?roleName=Basic%20User&pageSize=1000");
            questions.put(
                    "role-holders, Data Steward (half through owner teams)",
                    "/api/v1/role-holders?roleName=Data%20Steward&pageSize=1000");
            questions.put("identities, one person with roles and teams", "/api/v1/identities/" + person);

            StringBuilder report = new StringBuilder();
            report.append(
                    "| Question | Items | All three: median (min–max) | Slowest single environment: median | Ratio |"
                            + " Dataverse requests per environment |\n|---|---|---|---|---|---|\n");
            for (Map.Entry<String, String> question : questions.entrySet()) {
                Timing together = time(all, question.getValue());
                Timing slowest = null;
                for (String name : NAMES) {
                    Timing alone = time(single.get(name), question.getValue());
                    if (slowest == null || alone.median() > slowest.median()) {
                        slowest = alone;
                    }
                }
                simulators.values().forEach(simulator -> simulator.requests().clear());
                JsonNode answer = get(all, question.getValue());
                List<Integer> requests = simulators.values().stream()
                        .map(simulator -> simulator.requests().dataverse().size())
                        .toList();
                int items = answer.has("items")
                        ? answer.get("items").size()
                        : answer.get("environments")
                                .valueStream()
                                .mapToInt(entry -> entry.get("grants").size())
                                .sum();
                assertThat(items).as(question.getKey()).isPositive();
                double ratio = (double) together.median() / slowest.median();
                report.append(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %d ms (%d–%d) | %d ms | %.2f× | %s |%n",
                        question.getKey(),
                        items,
                        together.median(),
                        together.min(),
                        together.max(),
                        slowest.median(),
                        ratio,
                        requests));
            }
            Path out = Files.createDirectories(Path.of("target/benchmark"));
            Files.writeString(out.resolve("across-environments.md"), report.toString());
            System.out.println(report);
        } finally {
            services.forEach(ConfigurableApplicationContext::close);
            simulators.values().forEach(DataverseSimulator::close);
        }
    }

    /** Starts a service governing these environments; its port. */
    private static int start(List<ConfigurableApplicationContext> services, Map<String, DataverseSimulator> governed) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--connector.security.allow-anonymous=true",
                "--connector.data-dir=target/benchmark/across-environments-" + System.nanoTime(),
                "--dynamics.default-environment=" + governed.keySet().iterator().next(),
                "--logging.level.root=WARN"));
        governed.forEach((name, simulator) -> {
            String prefix = "--dynamics.environments." + name + ".";
            args.addAll(List.of(
                    prefix + "environment-url=" + simulator.environmentUrl(),
                    prefix + "authority-url=" + simulator.authorityUrl(),
                    prefix + "tenant-id=" + simulator.tenantId(),
                    prefix + "client-id=" + DataverseSimulator.DEMO_CLIENT_ID,
                    prefix + "client-secret=" + DataverseSimulator.DEMO_CLIENT_SECRET));
        });
        ConfigurableApplicationContext service =
                new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
        services.add(service);
        return ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    private static String someoneWithRolesAndTeams(DataverseSimulator simulator) {
        Map<Object, Integer> links = new LinkedHashMap<>();
        simulator.state().userRoles().forEach(link -> links.merge(link.left(), 1, Integer::sum));
        simulator.state().memberships().forEach(link -> links.merge(link.left(), 1, Integer::sum));
        return simulator.state().rows("systemusers").stream()
                .filter(row -> row.get("azureactivedirectoryobjectid") != null && row.get("applicationid") == null)
                .filter(row -> links.getOrDefault(row.get("systemuserid"), 0) >= 5)
                .map(row -> row.get("azureactivedirectoryobjectid").toString())
                .findFirst()
                .orElseThrow();
    }

    record Timing(long min, long median, long max) {}

    private Timing time(int port, String path) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            get(port, path);
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            get(port, path);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        millis.sort(null);
        return new Timing(millis.get(0), millis.get(RUNS / 2), millis.get(RUNS - 1));
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofMinutes(2))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
