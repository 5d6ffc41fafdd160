package io.accessgov.dynamics.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.database.TestPostgres;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared-store benchmark (docs/benchmarks.md, "Several replicas"; not part of {@code ./mvnw verify}; run
 * {@code benchmark/replicas}): the 100,000-user full sync of {@code OrganisationSeed.large()} (50 ms added to every
 * Dataverse request), once with the file store and once with PostgreSQL, each service from the jar in its own JVM with
 * {@code -Xmx512m}; then the PostgreSQL snapshot exported by a second replica that did not run the sync. Writes
 * {@code target/benchmark/replicas.md}.
 */
class SharedStoreBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void fullSyncWithTheFileStoreAndWithPostgresqlAndAnExportFromAnotherReplica() throws Exception {
        Path jar = Path.of(System.getProperty("benchmark.jar", "target/dynamics365-connector-0.1.0-SNAPSHOT.jar"));
        assertThat(jar)
                .as("build the service first: ./mvnw -DskipTests package")
                .exists();
        Path out = Files.createDirectories(Path.of("target/benchmark/replicas"));
        List<String> rows = new ArrayList<>();
        try (DataverseSimulator simulator =
                DataverseSimulator.start(SimulatorOptions.defaults().withSeed(OrganisationSeed.large()))) {
            simulator.faults().addedLatency(Duration.ofMillis(50));
            TestPostgres.Database database = TestPostgres.newDatabase();

            Run file = sync(jar, simulator, null, out.resolve("file"));
            rows.add(file.row(
                    "file store (`CONNECTOR_DATA_DIR`)", directorySize(out.resolve("file/data/syncs/" + file.id))));

            Run shared = sync(jar, simulator, database, out.resolve("postgresql"));
            long[] stored = storedSize(database, shared.id);
            rows.add(shared.row("PostgreSQL", stored[0]));
            try (Service other = Service.start(jar, simulator, database, out.resolve("other"), client)) {
                Export export = export(other, shared.id);
                String report = String.join(
                        "\n",
                        "# Shared-store benchmark results",
                        "",
                        "Run at " + Instant.now() + " on "
                                + Runtime.getRuntime().availableProcessors()
                                + " cores (shared with the simulator and PostgreSQL), Java "
                                + System.getProperty("java.version")
                                + ". OrganisationSeed.large(), 50 ms added to every"
                                + " Dataverse request, each service JVM -Xmx512m.",
                        "",
                        "| Store | Sync wall time (startedAt → finishedAt) | Peak heap used, sampled every 100 ms |"
                                + " Snapshot stored | Export from the replica that ran it |",
                        "|---|---|---|---|---|",
                        String.join("\n", rows),
                        "",
                        String.format(
                                Locale.ROOT,
                                "PostgreSQL snapshot: %d chunk rows (lines and keys), %,d bytes; table snapshot_chunk"
                                        + " with its TOAST: %,d bytes on disk.",
                                stored[1],
                                stored[0],
                                stored[2]),
                        "",
                        String.format(
                                Locale.ROOT,
                                "Export from a second replica that did not run the sync: %,d lines, %,d bytes in %.1f s"
                                        + " (%,.0f lines/s, %.1f MiB/s); its peak heap used while exporting: %d MiB.",
                                export.lines,
                                export.bytes,
                                export.seconds,
                                export.lines / export.seconds,
                                export.bytes / export.seconds / (1 << 20),
                                export.peakHeap >> 20),
                        "");
                Files.writeString(out.resolve("../replicas.md"), report);
                System.out.println(report);
                assertThat(export.lines).isEqualTo(shared.export.lines);
            }
        }
    }

    private Run sync(Path jar, DataverseSimulator simulator, TestPostgres.Database database, Path dir)
            throws Exception {
        try (Service service = Service.start(jar, simulator, database, dir, client)) {
            service.get("/api/v1/accounts?pageSize=1");
            HeapSampler heap = new HeapSampler(service);
            heap.start();
            JsonNode started = JSON.readTree(service.post("/api/v1/syncs"));
            String id = started.get("id").asString();
            JsonNode sync;
            do {
                Thread.sleep(250);
                sync = JSON.readTree(service.get("/api/v1/syncs/" + id));
            } while (sync.get("status").asString().equals("RUNNING"));
            assertThat(sync.get("status").asString()).as(sync.toString()).isEqualTo("SUCCEEDED");
            long peak = heap.finish();
            double wall = Duration.between(
                                    Instant.parse(sync.get("startedAt").asString()),
                                    Instant.parse(sync.get("finishedAt").asString()))
                            .toMillis()
                    / 1000.0;
            return new Run(UUID.fromString(id), wall, peak, export(service, UUID.fromString(id)));
        }
    }

    private Export export(Service service, UUID id) throws Exception {
        HeapSampler heap = new HeapSampler(service);
        heap.start();
        long started = System.nanoTime();
        long lines = 0;
        long bytes = 0;
        HttpResponse<InputStream> export = client.send(
                HttpRequest.newBuilder(service.uri("/api/v1/syncs/" + id + "/export"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(export.statusCode()).isEqualTo(200);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        return new Export(lines, bytes, (System.nanoTime() - started) / 1e9, heap.finish());
    }

    private static long[] storedSize(TestPostgres.Database database, UUID id) throws Exception {
        try (Connection connection = database.connect();
                PreparedStatement query =
                        connection.prepareStatement("SELECT coalesce(sum(octet_length(data)), 0), count(*),"
                                + " pg_total_relation_size('snapshot_chunk') FROM snapshot_chunk WHERE sync_id = ?")) {
            query.setObject(1, id);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return new long[] {result.getLong(1), result.getLong(2), result.getLong(3)};
            }
        }
    }

    private static long directorySize(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }

    private record Export(long lines, long bytes, double seconds, long peakHeap) {}

    private record Run(UUID id, double wall, long peakHeap, Export export) {

        String row(String store, long storedBytes) {
            return String.format(
                    Locale.ROOT,
                    "| %s | %.1f s | %d MiB | %,d bytes | %,d lines in %.1f s (%.1f MiB/s) |",
                    store,
                    wall,
                    peakHeap >> 20,
                    storedBytes,
                    export.lines,
                    export.seconds,
                    export.bytes / export.seconds / (1 << 20));
        }
    }

    /** The service from the jar, in its own JVM, on 127.0.0.1; with PostgreSQL when a database is given. */
    private static final class Service implements AutoCloseable {
        private final Process process;
        private final int port;
        private final HttpClient client;

        private Service(Process process, int port, HttpClient client) {
            this.process = process;
            this.port = port;
            this.client = client;
        }

        static Service start(
                Path jar, DataverseSimulator simulator, TestPostgres.Database database, Path dir, HttpClient client)
                throws Exception {
            Files.createDirectories(dir);
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx512m",
                            "-Xlog:gc:file=" + dir.resolve("gc.log"),
                            "-jar",
                            jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("service.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("DYNAMICS_ENVIRONMENT_URL", simulator.environmentUrl().toString());
            env.put("DYNAMICS_AUTHORITY_URL", simulator.authorityUrl().toString());
            env.put("DYNAMICS_TENANT_ID", simulator.tenantId());
            env.put("DYNAMICS_CLIENT_ID", simulator.clientId());
            env.put("DYNAMICS_CLIENT_SECRET", simulator.clientSecret());
            env.put("CONNECTOR_SECURITY_ALLOW_ANONYMOUS", "true");
            env.put("CONNECTOR_DATA_DIR", dir.resolve("data").toString());
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("SERVER_ADDRESS", "127.0.0.1");
            if (database != null) {
                env.put("SPRING_DATASOURCE_URL", database.url());
                env.put("SPRING_DATASOURCE_USERNAME", database.username());
                env.put("SPRING_DATASOURCE_PASSWORD", database.password());
                env.put("CONNECTOR_PAGE_TOKEN_KEY", KEY);
            }
            Service service = new Service(builder.start(), port, client);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                assertThat(service.process.isAlive())
                        .as("the service ended; see " + dir)
                        .isTrue();
                try {
                    if (client.send(
                                            HttpRequest.newBuilder(service.uri("/readyz"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return service;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new IllegalStateException("the service did not start; see " + dir);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        String get(String path) throws Exception {
            HttpResponse<String> response =
                    client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response.body();
        }

        String post(String path) throws Exception {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(uri(path))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return response.body();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Samples the service's heap in use every 100 ms (actuator {@code jvm.memory.used}, area heap). */
    private static final class HeapSampler extends Thread {
        private final Service service;
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean stopped;

        HeapSampler(Service service) {
            this.service = service;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stopped) {
                try {
                    JsonNode metric = JSON.readTree(service.get("/actuator/metrics/jvm.memory.used?tag=area:heap"));
                    long used = metric.get("measurements").get(0).get("value").asLong();
                    peak.accumulateAndGet(used, Math::max);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception ignored) {
                    // a missed sample
                }
            }
        }

        long finish() throws InterruptedException {
            stopped = true;
            join(5_000);
            return peak.get();
        }
    }
}
