package io.accessgov.dynamics.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every meter docs/operations.md documents is on {@code /actuator/prometheus} of a freshly started service before it made
 * a single call to Dataverse, with the series alerts need registered at zero (docs/operations.md "Metrics").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsFromStartUpTest {

    /** The series docs/operations.md promises from start-up: meter, tag, and every value of that tag. */
    private static final Map<String, Map<String, List<String>>> PRE_REGISTERED = Map.of(
            "dataverse_requests_seconds_count",
            Map.of("outcome", List.of("success", "client_error", "server_error", "throttled", "timeout", "io_error")),
            "dataverse_retries_total",
            Map.of(
                    "reason",
                    List.of(
                            "throttled",
                            "server_error",
                            "connect_failed",
                            "io_error",
                            "timeout",
                            "sign_in_unavailable",
                            "unauthorized",
                            "checked_write")),
            "dataverse_token_fetches_total",
            Map.of("outcome", List.of("success", "refused", "error")),
            "connector_sync_duration_seconds_count",
            Map.of("outcome", List.of("succeeded", "failed")),
            "connector_sync_rows_total",
            Map.of(
                    "table",
                    List.of(
                            "businessunits",
                            "systemusers",
                            "roles",
                            "teams",
                            "systemuserrolescollection",
                            "teammemberships",
                            "teamrolescollection")));

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext service;
    private DataverseSimulator simulator;
    private String scrape;

    @BeforeAll
    void startAndScrapeAtOnce() throws Exception {
        service = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--connector.data-dir=" + dataDir);
        simulator = service.getBean(DataverseSimulator.class);
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        scrape = response.body();
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void noDataverseCallWasMadeBeforeTheScrape() {
        assertThat(simulator.requests().all())
                .as("requests to Dataverse and Entra")
                .isEmpty();
    }

    @Test
    void everyMeterTheReadmeDocumentsIsThere() throws IOException {
        Set<String> documented = documentedMeters();

        assertThat(documented)
                .as("meters named in the Metrics table of docs/operations.md")
                .contains("dataverse_requests_seconds_count", "connector_sync_rows_total")
                .hasSizeGreaterThanOrEqualTo(9);
        for (String meter : documented) {
            assertThat(scrape.lines()).as(meter).anyMatch(line -> Stream.of("{", " ", "_count{", "_count ")
                    .anyMatch(end -> line.startsWith(meter + end)));
        }
    }

    @Test
    void theSeriesAlertsNeedAreThereAtZero() {
        PRE_REGISTERED.forEach((meter, tags) -> tags.forEach((tag, values) -> {
            for (String value : values) {
                assertThat(scrape.lines())
                        .as("%s{%s=\"%s\"}", meter, tag, value)
                        .anyMatch(line -> line.startsWith(meter + "{")
                                && line.contains(tag + "=\"" + value + "\"")
                                && (line.endsWith(" 0.0") || line.endsWith(" 0")));
            }
        }));
        assertThat(scrape.lines())
                .anyMatch(line -> line.startsWith("dataverse_throttle_wait_seconds_count ")
                        || line.startsWith("dataverse_throttle_wait_seconds_count{"));
    }

    @Test
    void theReadmeNamesEverySeriesThatIsThereFromStartUp() throws IOException {
        String metrics = metricsSection();

        PRE_REGISTERED.values().forEach(tags -> tags.values()
                .forEach(values ->
                        values.forEach(value -> assertThat(metrics).as(value).contains("`" + value + "`"))));
    }

    /** The names in the first column of the Metrics table of docs/operations.md, {@code {…}} tags left out. */
    private static Set<String> documentedMeters() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Pattern name = Pattern.compile("`((?:dataverse|connector)_[a-z_]+)[{`]");
        for (String line : metricsSection().lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstColumn = line.substring(1, line.indexOf(" |", 2));
            Matcher matcher = name.matcher(firstColumn);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static String metricsSection() throws IOException {
        String readme = Files.readString(Path.of("docs/operations.md"));
        int start = readme.indexOf("## Metrics");
        assertThat(start).as("docs/operations.md has a Metrics section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
