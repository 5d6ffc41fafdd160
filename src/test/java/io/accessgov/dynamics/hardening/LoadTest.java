package io.accessgov.dynamics.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The load test (docs/benchmarks.md, "Load test"): the service in live mode against a simulator on 127.0.0.1,
 * {@code load.clients} concurrent clients reading accounts and grants for {@code load.seconds}. Reports
 * throughput, p50/p99 latency and errors, and checks that no call failed and that Dataverse never saw more
 * requests at once than {@code dynamics.http.max-concurrent-requests} (the simulator's own count and the service's
 * {@code dataverse.requests.in_flight.max} gauge). Runs only when asked: {@code load/run.sh} or
 * {@code ./mvnw test -Dtest=LoadTest -Dload.seconds=60}.
 */
@EnabledIfSystemProperty(named = "load.seconds", matches = "\\d+")
class LoadTest {

    private static final int BOUND = Integer.getInteger("load.bound", 16);
    private static final int CLIENTS = Integer.getInteger("load.clients", 50);
    private static final int SECONDS = Integer.getInteger("load.seconds", 60);
    private static final int WARM_UP_SECONDS = Integer.getInteger("load.warmup", 5);

    /** What a client asks for, with its share of the calls (in percent). */
    enum Call {
        LIST_ACCOUNTS(35),
        GET_ACCOUNT(20),
        GRANTS_OF_ACCOUNT(35),
        HOLDERS_OF_ROLE(10);

        final int share;

        Call(int share) {
            this.share = share;
        }

        static Call pick(int percent) {
            int sum = 0;
            for (Call call : values()) {
                sum += call.share;
                if (percent < sum) {
                    return call;
                }
            }
            return LIST_ACCOUNTS;
        }
    }

    @Test
    void manyClientsReadAccountsAndGrantsWithoutErrorsWithinTheConcurrencyBound() throws Exception {
        try (DataverseSimulator simulator = DataverseSimulator.start(SimulatorOptions.defaults())) {
            // the service's behaviour under load is the question, not Dataverse's request quota
            simulator.behaviour().requestLimit(Integer.MAX_VALUE).executionTimeLimitMillis(Long.MAX_VALUE);
            try (ConfigurableApplicationContext service = start(simulator)) {
                int port =
                        ((WebServerApplicationContext) service).getWebServer().getPort();
                Api api = new Api(port);
                List<String> accounts = new ArrayList<>();
                api.json("/api/v1/accounts?pageSize=1000")
                        .get("items")
                        .forEach(a -> accounts.add(a.get("id").asString()));
                List<String> roles = new ArrayList<>();
                api.json("/api/v1/roles?pageSize=1000")
                        .get("items")
                        .forEach(r -> roles.add(r.get("id").asString()));

                run(port, accounts, roles, Duration.ofSeconds(WARM_UP_SECONDS)); // JIT and pools warm
                simulator.requests().clear();
                Result result = run(port, accounts, roles, Duration.ofSeconds(SECONDS));

                int peak = simulator.requests().peakConcurrency();
                double gauge = Api.parse(api.get("/actuator/metrics/dataverse.requests.in_flight.max")
                                .body())
                        .get("measurements")
                        .get(0)
                        .get("value")
                        .asDouble();
                int dataverseRequests = simulator.requests().dataverse().size();
                String report = result.report(peak, (int) gauge, dataverseRequests);
                System.out.println(report);
                Files.writeString(Path.of("target", "load-report.md"), report);

                assertThat(result.errors())
                        .as("failed calls: %s", result.failures)
                        .isZero();
                assertThat(result.calls()).isPositive();
                assertThat(peak).as("Dataverse requests in flight at once").isBetween(1, BOUND);
                assertThat(gauge).as("dataverse.requests.in_flight.max").isBetween(1.0, (double) BOUND);
            }
        }
    }

    private static ConfigurableApplicationContext start(DataverseSimulator simulator) {
        return new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--dynamics.environment-url=" + simulator.environmentUrl(),
                        "--dynamics.authority-url=" + simulator.authorityUrl(),
                        "--dynamics.tenant-id=" + simulator.tenantId(),
                        "--dynamics.client-id=" + simulator.clientId(),
                        "--dynamics.client-secret=" + simulator.clientSecret(),
                        "--dynamics.http.max-concurrent-requests=" + BOUND,
                        "--connector.security.allow-anonymous=true",
                        "--logging.level.root=WARN");
    }

    private static Result run(int port, List<String> accounts, List<String> roles, Duration length)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Result result = new Result(length);
        Instant end = Instant.now().plus(length);
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (Instant.now().isBefore(end)) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        Call call = Call.pick(random.nextInt(100));
                        String target =
                                switch (call) {
                                    case LIST_ACCOUNTS -> "/api/v1/accounts?pageSize=" + (10 + random.nextInt(41));
                                    case GET_ACCOUNT -> "/api/v1/accounts/" + pick(accounts, random);
                                    case GRANTS_OF_ACCOUNT ->
                                        "/api/v1/grants?principalType=account&principalId=" + pick(accounts, random);
                                    case HOLDERS_OF_ROLE ->
                                        "/api/v1/grants?resourceType=role&resourceId=" + pick(roles, random);
                                };
                        long started = System.nanoTime();
                        int status;
                        try {
                            status = client.send(
                                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                                                    .timeout(Duration.ofSeconds(30))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                                    .statusCode();
                        } catch (IOException e) {
                            status = -1;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        result.record(call, System.nanoTime() - started, status, target);
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.setName("load-client-" + i);
            thread.start();
        }
        done.await();
        return result;
    }

    private static String pick(List<String> ids, ThreadLocalRandom random) {
        return ids.get(random.nextInt(ids.size()));
    }

    /** Latencies per call kind and the failures, collected from every client. */
    static final class Result {

        private final Duration length;
        private final Map<Call, LatencyLog> latencies = new EnumMap<>(Call.class);
        private final AtomicLong errors = new AtomicLong();
        final Map<String, Integer> failures = new ConcurrentHashMap<>();

        Result(Duration length) {
            this.length = length;
            for (Call call : Call.values()) {
                latencies.put(call, new LatencyLog());
            }
        }

        void record(Call call, long nanos, int status, String target) {
            latencies.get(call).add(nanos);
            if (status != 200) {
                errors.incrementAndGet();
                if (failures.size() < 20) {
                    failures.put(status + " " + target, status);
                }
            }
        }

        long errors() {
            return errors.get();
        }

        long calls() {
            return latencies.values().stream().mapToLong(LatencyLog::count).sum();
        }

        String report(int peakConcurrency, int gaugeMax, int dataverseRequests) {
            LatencyLog all = new LatencyLog();
            latencies.values().forEach(all::addAll);
            StringBuilder text = new StringBuilder();
            text.append(String.format(
                    Locale.ROOT,
                    "Load test: %d clients, %d s, Dataverse bound %d (%s, %d cores)%n%n",
                    CLIENTS,
                    length.toSeconds(),
                    BOUND,
                    Runtime.version(),
                    Runtime.getRuntime().availableProcessors()));
            text.append("| Calls | Count | Throughput (calls/s) | p50 (ms) | p99 (ms) | max (ms) |\n");
            text.append("|---|---:|---:|---:|---:|---:|\n");
            for (Call call : Call.values()) {
                text.append(latencies.get(call).row(call.name(), length));
            }
            text.append(all.row("all", length));
            text.append(String.format(
                    Locale.ROOT,
                    "%nErrors: %d. Dataverse requests: %d (%.0f/s). Peak Dataverse requests in flight: %d (simulator),"
                            + " %d (dataverse.requests.in_flight.max); bound %d.%n",
                    errors.get(),
                    dataverseRequests,
                    dataverseRequests / (double) length.toSeconds(),
                    peakConcurrency,
                    gaugeMax,
                    BOUND));
            return text.toString();
        }
    }

    /** Latencies in nanoseconds, appended concurrently. */
    static final class LatencyLog {

        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized void addAll(LatencyLog other) {
            for (long value : other.snapshot()) {
                add(value);
            }
        }

        synchronized long[] snapshot() {
            return Arrays.copyOf(values, size);
        }

        synchronized long count() {
            return size;
        }

        String row(String name, Duration length) {
            long[] sorted = snapshot();
            Arrays.sort(sorted);
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                    name,
                    sorted.length,
                    sorted.length / (double) length.toSeconds(),
                    millis(sorted, 0.50),
                    millis(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }

        private static double millis(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
