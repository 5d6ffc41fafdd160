package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full-sync benchmark (docs/benchmarks.md; not part of {@code ./mvnw verify}; run {@code benchmark/run}): the simulator
 * in this JVM, seeded with {@link OrganisationSeed#large()} and 50 ms added to every Dataverse request; the service
 * in its own JVM with {@code -Xmx512m}, pointed at it; a full sync, then an export. Writes
 * {@code target/benchmark/results.md}. The export is read twice: as NDJSON, line by line, and as the stored gzip file.
 */
class SyncBenchmark {

    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final int PAGE = 5_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** {@code -Dbenchmark.scale=10}: ten times the large organisation (1,000,000 users); default 1. */
    private static final int SCALE = Integer.getInteger("benchmark.scale", 1);

    /** The service's heap: {@code -Dbenchmark.heap=1g}; default 512m. */
    private static final String HEAP = System.getProperty("benchmark.heap", "512m");

    /** {@code -Dbenchmark.incremental=false} skips the incremental syncs after the full one. */
    private static final boolean INCREMENTAL =
            Boolean.parseBoolean(System.getProperty("benchmark.incremental", "true"));

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    @Test
    void fullSyncOfTheLargeOrganisation() throws Exception {
        Path jar = Path.of(System.getProperty("benchmark.jar", "target/dynamics365-connector-0.1.0-SNAPSHOT.jar"));
        assertThat(jar)
                .as("build the service first: ./mvnw -DskipTests package")
                .exists();
        Path out = Files.createDirectories(Path.of("target/benchmark"));
        Path dataDir = out.resolve("data");
        deleteTree(dataDir);
        Path gcLog = out.resolve("gc.log");
        Files.deleteIfExists(gcLog);

        long seeding = System.nanoTime();
        try (DataverseSimulator simulator =
                DataverseSimulator.start(SimulatorOptions.defaults().withSeed(seed()))) {
            System.out.printf("Simulator seeded in %d s%n", (System.nanoTime() - seeding) / 1_000_000_000L);
            simulator.faults().addedLatency(LATENCY);
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + HEAP,
                    "-Xlog:gc:file=" + gcLog));
            String extra = System.getProperty("benchmark.jvmArgs", "").strip();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(out.resolve("service.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("DYNAMICS_ENVIRONMENT_URL", simulator.environmentUrl().toString());
            env.put("DYNAMICS_AUTHORITY_URL", simulator.authorityUrl().toString());
            env.put("DYNAMICS_TENANT_ID", simulator.tenantId());
            env.put("DYNAMICS_CLIENT_ID", simulator.clientId());
            env.put("DYNAMICS_CLIENT_SECRET", simulator.clientSecret());
            env.put("CONNECTOR_SECURITY_ALLOW_ANONYMOUS", "true");
            env.put("CONNECTOR_DATA_DIR", dataDir.toString());
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            Process service = builder.start();
            try {
                awaitReady(service);
                get("/api/v1/accounts?pageSize=1"); // sign in first: the token is not the sync's cost
                simulator.requests().clear();
                report(simulator, out, gcLog);
            } finally {
                service.destroy();
                if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
        }
    }

    private void report(DataverseSimulator simulator, Path out, Path gcLog) throws Exception {
        HeapSampler heap = new HeapSampler();
        Thread sampler = new Thread(heap, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        long started = System.nanoTime();
        HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/api/v1/syncs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\": \"FULL\"}"))
                .build());
        assertThat(post.statusCode()).as(post.body()).isEqualTo(202);
        String id = JSON.readTree(post.body()).get("id").asString();
        JsonNode sync;
        do {
            Thread.sleep(250);
            sync = JSON.readTree(get("/api/v1/syncs/" + id));
        } while (sync.get("status").asString().equals("RUNNING"));
        double observedWall = (System.nanoTime() - started) / 1e9;
        assertThat(sync.get("status").asString()).as(sync.toString()).isEqualTo("SUCCEEDED");
        long syncPeak = heap.peak.get();

        long exportStarted = System.nanoTime();
        long lines = 0;
        long bytes = 0;
        HttpResponse<InputStream> export = client.send(
                HttpRequest.newBuilder(uri("/api/v1/syncs/" + id + "/export")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(export.statusCode()).isEqualTo(200);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                bytes += line.length() + 1;
            }
        }
        double exportSeconds = (System.nanoTime() - exportStarted) / 1e9;
        long exportLength = export.headers().firstValueAsLong("Content-Length").orElse(-1);

        long gzipStarted = System.nanoTime();
        HttpResponse<InputStream> gzipExport = client.send(
                HttpRequest.newBuilder(uri("/api/v1/syncs/" + id + "/export"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(gzipExport.statusCode()).isEqualTo(200);
        assertThat(gzipExport.headers().firstValue("Content-Encoding")).hasValue("gzip");
        long gzipBytes;
        try (InputStream body = gzipExport.body()) {
            gzipBytes = body.transferTo(OutputStream.nullOutputStream());
        }
        double gzipSeconds = (System.nanoTime() - gzipStarted) / 1e9;
        assertThat(gzipExport.headers().firstValueAsLong("Content-Length")).hasValue(gzipBytes);
        heap.stop = true;

        double wall = Duration.between(
                                Instant.parse(sync.get("startedAt").asString()),
                                Instant.parse(sync.get("finishedAt").asString()))
                        .toMillis()
                / 1000.0;
        long lowerBound = 0;
        long rows = 0;
        long longestPages = 0;
        String longest = "";
        List<String> tableRows = new ArrayList<>();
        for (JsonNode table : sync.get("progress")) {
            long tableRowsRead = table.get("rows").asLong();
            long pages = (tableRowsRead + PAGE - 1) / PAGE;
            lowerBound += pages;
            rows += tableRowsRead;
            if (table.get("pages").asLong() > longestPages) {
                longestPages = table.get("pages").asLong();
                longest = table.get("table").asString();
            }
            tableRows.add(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %d | %d |",
                    table.get("table").asString(),
                    tableRowsRead,
                    table.get("pages").asLong(),
                    pages));
        }
        double perPage = meanSeconds("dataverse.requests", "entity.set:" + longest);
        double chainBound = longestPages * perPage;
        long requests = sync.get("dataverseRequests").asLong();
        long simulatorRequests = simulator.requests().dataverse().size();
        long users = simulator.state().count("systemusers");
        long teams = simulator.state().count("teams");
        long perPrincipal = pages(users)
                + 2 * users
                + pages(teams)
                + 2 * teams
                + pages(simulator.state().count("roles"))
                + pages(simulator.state().count("businessunits"));
        GcFigures gc = GcFigures.of(gcLog);
        String serviceLog = Files.readString(out.resolve("service.log"));
        String readPhase = phase(serviceLog, "read every table in (\\d+) ms");
        String writePhase = phase(serviceLog, "wrote the rest of its snapshot in (\\d+) ms");
        String load = Files.exists(Path.of("/proc/loadavg"))
                ? Files.readString(Path.of("/proc/loadavg")).split(" ")[0]
                : "unknown";
        JsonNode counts = sync.get("counts");

        String report = String.join(
                "\n",
                "# Full-sync benchmark results",
                "",
                "Run at " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors()
                        + " cores (shared; load average " + load + " at the end), Java "
                        + System.getProperty("java.version") + ".",
                "Organisation: OrganisationSeed.large()" + (SCALE == 1 ? "" : " × " + SCALE) + "; " + LATENCY.toMillis()
                        + " ms added to every Dataverse request; service JVM -Xmx" + HEAP + ".",
                "",
                "| Table | Rows | Pages read | ceil(rows/5000) |",
                "|---|---|---|---|",
                String.join("\n", tableRows),
                "",
                "| Figure | Value | Target |",
                "|---|---|---|",
                String.format(
                        Locale.ROOT, "| Dataverse requests (sync's count) | %d | ≤ %d |", requests, lowerBound + 10),
                String.format(Locale.ROOT, "| Dataverse requests (simulator's log) | %d | |", simulatorRequests),
                String.format(Locale.ROOT, "| Lower bound Σ ceil(rows/5000) | %d | |", lowerBound),
                String.format(
                        Locale.ROOT,
                        "| Wall time (startedAt → finishedAt) | %.1f s | ≤ %.1f s |",
                        wall,
                        1.5 * chainBound),
                String.format(Locale.ROOT, "| — reading every table (service log) | %s ms | |", readPhase),
                String.format(
                        Locale.ROOT, "| — assembling and writing grants after the last page | %s ms | |", writePhase),
                String.format(
                        Locale.ROOT, "| Wall time seen by the client (POST → SUCCEEDED) | %.1f s | |", observedWall),
                String.format(
                        Locale.ROOT,
                        "| Page-chain bound (%s: %d pages × %.0f ms mean per page) | %.1f s | |",
                        longest,
                        longestPages,
                        perPage * 1000,
                        chainBound),
                String.format(Locale.ROOT, "| Rows read per second | %,.0f | |", rows / wall),
                String.format(Locale.ROOT, "| Rows read | %,d | |", rows),
                String.format(
                        Locale.ROOT,
                        "| Objects in the snapshot | %,d business units, %,d accounts, %,d roles, %,d teams, %,d"
                                + " grants | |",
                        counts.get("businessUnits").asLong(),
                        counts.get("accounts").asLong(),
                        counts.get("roles").asLong(),
                        counts.get("teams").asLong(),
                        counts.get("grants").asLong()),
                String.format(
                        Locale.ROOT,
                        "| Throttled wait | %d ms | |",
                        sync.get("throttledWaitMillis").asLong()),
                String.format(
                        Locale.ROOT,
                        "| Peak heap used, sampled every 100 ms during the sync (jvm.memory.used)" + " | %d MiB | ≤ "
                                + HEAP + " |",
                        syncPeak >> 20),
                String.format(
                        Locale.ROOT,
                        "| Peak heap used, sampled, sync and export | %d MiB | ≤ " + HEAP + " |",
                        heap.peak.get() >> 20),
                String.format(Locale.ROOT, "| Heap before GC, largest (-Xlog:gc) | %d MiB | |", gc.maxBefore),
                String.format(
                        Locale.ROOT,
                        "| Heap after a collection, largest (-Xlog:gc, young and full pauses: live data) | %d MiB | |",
                        gc.maxAfter),
                String.format(
                        Locale.ROOT,
                        "| Heap committed, largest (-Xlog:gc) | %d MiB | ≤ " + HEAP + " |",
                        gc.maxCommitted),
                String.format(
                        Locale.ROOT,
                        "| Export: lines, size (Content-Length), time | %,d lines, %,d MiB (%,d bytes), %.1f s | |",
                        lines,
                        exportLength >> 20,
                        exportLength,
                        exportSeconds),
                String.format(
                        Locale.ROOT,
                        "| Export with Accept-Encoding: gzip: size, time (bytes received, not decompressed) | %,d MiB"
                                + " (%,d bytes), %.1f s | |",
                        gzipBytes >> 20,
                        gzipBytes,
                        gzipSeconds),
                String.format(
                        Locale.ROOT,
                        "| Requests a per-user/per-team connector would need | %,d (≈ %.0f min at 6,000 per 5"
                                + " min) | |",
                        perPrincipal,
                        perPrincipal / 6000.0 * 5),
                "");
        Files.writeString(out.resolve("results.md"), report);
        System.out.println(report);
        assertThat(requests).isEqualTo(simulatorRequests).isLessThanOrEqualTo(lowerBound + 10);
        if (INCREMENTAL) {
            String incremental = new IncrementalBenchmark(this, simulator, requests).run(id);
            Files.writeString(out.resolve("results.md"), report + "\n" + incremental);
        }
    }

    /** The organisation: {@link OrganisationSeed#large()}, or {@code benchmark.scale} times it. */
    private static OrganisationSeed seed() {
        if (SCALE == 1) {
            return OrganisationSeed.large();
        }
        return OrganisationSeed.largeGenerated()
                .users(100_000 * SCALE)
                .teams(3_000 * SCALE)
                .userRoleLinks(300_000L * SCALE)
                .memberships(250_000L * SCALE)
                .build();
    }

    /** Starts a sync with this body (null for none) and waits for its end. */
    JsonNode syncAndWait(String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/syncs"));
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> post = send(request.build());
        assertThat(post.statusCode()).as(post.body()).isEqualTo(202);
        String id = JSON.readTree(post.body()).get("id").asString();
        JsonNode sync;
        do {
            Thread.sleep(100);
            sync = JSON.readTree(get("/api/v1/syncs/" + id));
        } while (sync.get("status").asString().equals("RUNNING"));
        assertThat(sync.get("status").asString()).as(sync.toString()).isEqualTo("SUCCEEDED");
        return sync;
    }

    /** The SHA-256 of a sync's export and its number of lines. */
    String exportDigest(String id) throws Exception {
        HttpResponse<InputStream> export = client.send(
                HttpRequest.newBuilder(uri("/api/v1/syncs/" + id + "/export")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(export.statusCode()).isEqualTo(200);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        long lines = 0;
        try (InputStream body = export.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                sha.update(buffer, 0, read);
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest()) + " (" + lines + " lines)";
    }

    private static String phase(String log, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(log);
        return m.find() ? m.group(1) : "?";
    }

    private static long pages(long rows) {
        return (rows + PAGE - 1) / PAGE;
    }

    private double meanSeconds(String meter, String tag) throws Exception {
        JsonNode metric = JSON.readTree(get("/actuator/metrics/" + meter + "?tag=" + tag));
        double count = 0;
        double total = 0;
        for (JsonNode measurement : metric.get("measurements")) {
            switch (measurement.get("statistic").asString()) {
                case "COUNT" -> count = measurement.get("value").asDouble();
                case "TOTAL_TIME" -> total = measurement.get("value").asDouble();
                default -> {}
            }
        }
        return total / count;
    }

    private void awaitReady(Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive())
                    .as("the service exited; see target/benchmark/service.log")
                    .isTrue();
            try {
                if (send(HttpRequest.newBuilder(uri("/readyz")).build()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service did not become ready");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).build());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Samples the service's heap in use every 100 ms. */
    private final class HeapSampler implements Runnable {
        final AtomicLong peak = new AtomicLong();
        volatile boolean stop;

        @Override
        public void run() {
            while (!stop) {
                try {
                    JsonNode used = JSON.readTree(get("/actuator/metrics/jvm.memory.used?tag=area:heap"));
                    long value =
                            (long) used.get("measurements").get(0).get("value").asDouble();
                    peak.accumulateAndGet(value, Math::max);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a missed sample
                }
            }
        }
    }

    /** The largest heap figures in a {@code -Xlog:gc} log. */
    private record GcFigures(long maxBefore, long maxAfter, long maxCommitted) {

        static GcFigures of(Path log) throws IOException {
            long before = 0;
            long after = 0;
            long committed = 0;
            for (String line : Files.readAllLines(log)) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    before = Math.max(before, Long.parseLong(m.group(1)));
                    if (line.contains("Pause Young") || line.contains("Pause Full")) {
                        after = Math.max(after, Long.parseLong(m.group(2))); // Remark/Cleanup free nothing
                    }
                    committed = Math.max(committed, Long.parseLong(m.group(3)));
                }
            }
            return new GcFigures(before, after, committed);
        }
    }
}
