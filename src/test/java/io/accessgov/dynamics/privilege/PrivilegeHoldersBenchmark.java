package io.accessgov.dynamics.privilege;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.RecordedRequest;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The privilege-holders benchmark (docs/benchmarks.md; not part of {@code ./mvnw verify}; run
 * {@code benchmark/privilege-holders}): the 100,000-user organisation of the sync benchmark, with about 5 % of the
 * people holding "Data Steward" (Global delete on accounts), 50 ms added to every Dataverse request. Asks who can
 * delete accounts organisation-wide, and who can read a secured column, and reports each answer's size, its
 * Dataverse requests and its wall time (median of five after one warm-up). Writes
 * {@code target/benchmark/privilege-holders.md}.
 */
class PrivilegeHoldersBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final int RUNS = 5;
    private static final int PAGE_SIZE = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void whoCanDeleteAccountsOrganisationWideCostsRequestsInProportionToTheAnswer() throws Exception {
        try (DataverseSimulator simulator = DataverseSimulator.start(SimulatorOptions.defaults()
                        .withSeed(OrganisationSeed.largeGenerated()
                                .globalPrivilegeShare(0.05)
                                .build()));
                ConfigurableApplicationContext service = new SpringApplicationBuilder(Application.class)
                        .run(
                                "--server.port=0",
                                "--server.address=127.0.0.1",
                                "--dynamics.environment-url=" + simulator.environmentUrl(),
                                "--dynamics.authority-url=" + simulator.authorityUrl(),
                                "--dynamics.tenant-id=" + simulator.tenantId(),
                                "--dynamics.client-id=" + simulator.clientId(),
                                "--dynamics.client-secret=" + simulator.clientSecret(),
                                "--connector.security.allow-anonymous=true",
                                "--connector.data-dir=target/benchmark/privilege-holders-" + System.nanoTime(),
                                "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            get(port, "/api/v1/accounts?pageSize=1"); // sign in first: token requests are not the question here
            simulator.faults().addedLatency(LATENCY);
            long people = simulator.state().count("systemusers");

            Map<String, String> questions = new LinkedHashMap<>();
            questions.put(
                    "privilege-holders: account DELETE at ORGANIZATION",
                    "/api/v1/privilege-holders?table=account&access=DELETE&minDepth=ORGANIZATION");
            questions.put(
                    "column-access: contact.governmentid READ",
                    "/api/v1/column-access?table=contact&column=governmentid&access=READ");

            StringBuilder report = new StringBuilder()
                    .append("Run at ")
                    .append(Instant.now())
                    .append(" on ")
                    .append(Runtime.getRuntime().availableProcessors())
                    .append(" cores, Java ")
                    .append(System.getProperty("java.version"))
                    .append(String.format(
                            Locale.ROOT,
                            "; %,d accounts; %d ms added to every Dataverse request; pages of %d.%n%n",
                            people,
                            LATENCY.toMillis(),
                            PAGE_SIZE))
                    .append(
                            "| Question | Items | Pages | Dataverse requests: first page / whole answer |"
                                    + " Wall time, first page: median (min–max) | Wall time, whole answer: median (min–max) |\n")
                    .append("|---|---|---|---|---|---|\n");
            Map<String, Map<String, Long>> byTable = new LinkedHashMap<>();
            for (Map.Entry<String, String> question : questions.entrySet()) {
                simulator.requests().clear();
                Answer answer = all(port, question.getValue());
                int wholeRequests = simulator.requests().dataverse().size();
                simulator.requests().clear();
                first(port, question.getValue());
                int firstRequests = simulator.requests().dataverse().size();
                byTable.put(question.getKey(), byTable(simulator.requests().dataverse()));
                Timing firstPage = time(() -> first(port, question.getValue()));
                Timing whole = time(() -> all(port, question.getValue()));
                report.append(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %d | %d / %d | %d ms (%d–%d) | %d ms (%d–%d) |%n",
                        question.getKey(),
                        answer.items(),
                        answer.pages(),
                        firstRequests,
                        wholeRequests,
                        firstPage.median(),
                        firstPage.min(),
                        firstPage.max(),
                        whole.median(),
                        whole.min(),
                        whole.max()));
                assertThat(answer.items()).as(question.getKey()).isPositive();
                assertThat(wholeRequests).as(question.getKey()).isLessThan(answer.items());
            }
            report.append("\nThe first page's requests by entity set:\n\n");
            byTable.forEach((question, counts) -> report.append("- ")
                    .append(question)
                    .append(": ")
                    .append(counts)
                    .append('\n'));
            Path out = Files.createDirectories(Path.of("target/benchmark"));
            Files.writeString(out.resolve("privilege-holders.md"), report.toString());
            System.out.println(report);
        }
    }

    /** Requests by the entity set (or function) they read, most first. */
    private static Map<String, Long> byTable(List<RecordedRequest> requests) {
        Map<String, Long> counts = new TreeMap<>();
        for (RecordedRequest request : requests) {
            String uri = request.uri();
            String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
            counts.merge(path.substring(path.lastIndexOf('/') + 1), 1L, Long::sum);
        }
        Map<String, Long> mostFirst = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> mostFirst.put(entry.getKey(), entry.getValue()));
        return mostFirst;
    }

    private record Answer(int items, int pages) {}

    private record Timing(long min, long median, long max) {}

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static Timing time(Call call) throws Exception {
        call.run();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            call.run();
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        millis.sort(null);
        return new Timing(millis.get(0), millis.get(RUNS / 2), millis.get(RUNS - 1));
    }

    private JsonNode first(int port, String path) throws Exception {
        return get(port, path + "&pageSize=" + PAGE_SIZE);
    }

    /** Every page of the answer. */
    private Answer all(int port, String path) throws Exception {
        int items = 0;
        int pages = 0;
        String token = null;
        do {
            JsonNode page = get(
                    port,
                    path + "&pageSize=" + PAGE_SIZE
                            + (token == null ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
            items += page.get("items").size();
            pages++;
            JsonNode next = page.get("nextPageToken");
            token = next == null || next.isNull() ? null : next.asString();
        } while (token != null);
        return new Answer(items, pages);
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofMinutes(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
