package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import io.accessgov.dynamics.simulator.SimulatorState;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports and changes over real HTTP, read the way slow consumers read them: a reader slower than the service gets
 * every line however long it takes, and a stream the service cannot finish ends as an error the HTTP client sees,
 * never as a clean end of a shorter body. The service runs with Spring MVC's asynchronous request timeout at one
 * second: the streams must not depend on it (before, the container's 30 s timeout cut exports short in silence).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncStreamsEndToEndTest {

    /** How long the slow reader takes over the whole export: well past a minute. */
    private static final Duration SLOW_EXPORT = Duration.ofSeconds(75);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    private DataverseSimulator simulator;
    private ConfigurableApplicationContext service;
    private ServiceHttp http;
    private int port;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A sync, then every other user-role link removed, then another sync: changes between them are many. */
    private UUID before;

    private UUID after;
    private long afterLines;

    @BeforeAll
    void start() {
        simulator = DataverseSimulator.start(SimulatorOptions.defaults()
                .withSeed(OrganisationSeed.generated()
                        .users(12_000)
                        .businessUnits(8)
                        .logicalRoles(20)
                        .teams(400)
                        .userRoleLinks(36_000)
                        .memberships(24_000)
                        .randomSeed(23)
                        .build()));
        service = new SpringApplicationBuilder(Application.class, FailingSnapshotReads.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.mvc.async.request-timeout=1s",
                        "--dynamics.environment-url=" + simulator.environmentUrl(),
                        "--dynamics.authority-url=" + simulator.authorityUrl(),
                        "--dynamics.tenant-id=" + simulator.tenantId(),
                        "--dynamics.client-id=" + simulator.clientId(),
                        "--dynamics.client-secret=" + simulator.clientSecret(),
                        "--connector.security.allow-anonymous=true",
                        "--connector.data-dir=" + dataDir);
        port = ((WebServerApplicationContext) service).getWebServer().getPort();
        http = new ServiceHttp(port);
        before = runSync().id;
        SimulatorState state = simulator.state();
        List<SimulatorState.Link> links = new ArrayList<>(state.userRoles());
        for (int i = 0; i < links.size(); i += 2) {
            state.removeUserRole(links.get(i).left(), links.get(i).right());
        }
        Done done = runSync();
        after = done.id;
        afterLines = done.lines;
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @AfterEach
    void healDisks() {
        FailingSnapshotReads.clear();
    }

    @Test
    void aReaderSlowerThanTheServiceGetsEveryLineOfALargeExportWellPastAMinute() throws Exception {
        HttpResponse<InputStream> response = get("/api/v1/syncs/" + after + "/export", null);
        assertThat(response.statusCode()).isEqualTo(200);
        long contentLength =
                response.headers().firstValueAsLong("Content-Length").orElseThrow();
        long started = System.nanoTime();
        long lines = 0;
        long bytes = 0;
        double sendingAfterAMinute = -1;

        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode object = JSON.readTree(line);
                assertThat(object.get("kind").isString()).as(line).isTrue();
                String key = object.get("kind").asString().equals("role-privilege") ? "privilegeId" : "id";
                assertThat(object.get(key).isString()).as(line).isTrue();
                lines++;
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                keepPace(started, lines, afterLines, SLOW_EXPORT);
                if (sendingAfterAMinute < 0
                        && System.nanoTime() - started > Duration.ofSeconds(61).toNanos()) {
                    sendingAfterAMinute = activeGets() - 1; // less the metrics request itself
                }
            }
        }

        assertThat(lines).isEqualTo(afterLines);
        assertThat(bytes).isEqualTo(contentLength);
        assertThat(sendingAfterAMinute)
                .as("a minute in, the service itself was still sending the export (not just the sockets' buffers)")
                .isEqualTo(1);
    }

    @Test
    void aReaderSlowerThanTheServiceGetsEveryChange() throws Exception {
        String path = "/api/v1/syncs/" + after + "/changes?since=" + before;
        List<String> whole = body(get(path, null)).lines().toList();
        assertThat(whole).hasSizeGreaterThan(10_000);
        HttpResponse<InputStream> response = get(path, null);
        long started = System.nanoTime();
        List<String> slow = new ArrayList<>();

        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                assertThat(JSON.readTree(line).get("change").asString()).isIn("added", "removed", "changed");
                slow.add(line);
                keepPace(started, slow.size(), whole.size(), Duration.ofSeconds(8));
            }
        }

        assertThat(slow).isEqualTo(whole);
    }

    @Test
    void aClientThatAcceptsGzipGetsTheStoredFileAsItIsWithItsLength() throws Exception {
        HttpResponse<InputStream> plain = get("/api/v1/syncs/" + after + "/export", null);
        HttpResponse<InputStream> gzip = get("/api/v1/syncs/" + after + "/export", "gzip, deflate, br");
        byte[] ndjson = bytes(plain);
        byte[] compressed = bytes(gzip);

        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.headers().firstValueAsLong("Content-Length")).hasValue(compressed.length);
        assertThat(gzip.headers().allValues("Vary"))
                .anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().firstValueAsLong("Content-Length")).hasValue(ndjson.length);
        assertThat(plain.headers().allValues("Vary"))
                .anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
        assertThat(compressed.length).isLessThan(ndjson.length / 3);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertThat(in.readAllBytes()).isEqualTo(ndjson);
        }
    }

    @Test
    void anExportTheServiceCannotFinishEndsAsAnErrorForTheClientNeverACleanEnd() throws Exception {
        byte[] ndjson = bytes(get("/api/v1/syncs/" + after + "/export", null));
        byte[] compressed = bytes(get("/api/v1/syncs/" + after + "/export", "gzip"));
        FailingSnapshotReads.failAfter(after, 256 * 1024);

        for (String acceptEncoding : new String[] {null, "gzip"}) {
            HttpResponse<InputStream> response = get("/api/v1/syncs/" + after + "/export", acceptEncoding);
            assertThat(response.statusCode()).isEqualTo(200);
            long promised =
                    response.headers().firstValueAsLong("Content-Length").orElseThrow();

            Received received = receive(response);

            byte[] whole = acceptEncoding == null ? ndjson : compressed;
            assertThat(promised).isEqualTo(whole.length);
            assertThat(received.error()).as("the client sees an error").isNotNull();
            assertThat((long) received.bytes().length).isPositive().isLessThan(promised);
            assertThat(received.bytes())
                    .as("what arrived is the start of the export, with nothing added")
                    .isEqualTo(Arrays.copyOf(whole, received.bytes().length));
        }
    }

    @Test
    void changesTheServiceCannotFinishEndWithoutTheirLastChunk() throws Exception {
        String path = "/api/v1/syncs/" + after + "/changes?since=" + before;
        byte[] whole = bytes(get(path, null));
        long stored = get("/api/v1/syncs/" + after + "/export", "gzip")
                .headers()
                .firstValueAsLong("Content-Length")
                .orElseThrow();
        FailingSnapshotReads.failAfter(after, stored * 9 / 10); // once most changes (grants come last) are sent

        HttpResponse<InputStream> response = get(path, null);
        Received received = receive(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(received.error()).as("the client sees an error").isNotNull();
        assertThat(received.bytes().length).isPositive().isLessThan(whole.length);
        assertThat(received.bytes()).isEqualTo(Arrays.copyOf(whole, received.bytes().length));
    }

    @Test
    void aSnapshotThatFailsBeforeAnythingIsSentIsAProblemNotAStream() throws Exception {
        FailingSnapshotReads.failAfter(after, 0);

        HttpResponse<String> response = http.get("/api/v1/syncs/" + after + "/export");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ServiceHttp.parse(response.body()).get("type").asString())
                .isEqualTo("urn:dynamics365-connector:problem:internal-error");
    }

    @Test
    void aSyncWhoseDeltaStateCannotBeWrittenFailsAndCommitsNothing() throws Exception {
        FailingSnapshotReads.failStateWritesAfter(100_000);

        JsonNode sync = finished(http.send("POST", "/api/v1/syncs", "{\"mode\": \"FULL\"}"));

        assertThat(sync.get("status").asString()).as(sync.toString()).isEqualTo("FAILED");
        assertThat(sync.get("problem").get("type").asString())
                .isEqualTo("urn:dynamics365-connector:problem:internal-error");
        HttpResponse<String> export = http.get("/api/v1/syncs/" + sync.get("id").asString() + "/export");
        assertThat(export.statusCode()).isEqualTo(409);
        assertThat(dataDir.resolve("syncs").toFile().list((dir, name) -> name.endsWith(".tmp")))
                .as("no draft is left behind")
                .isEmpty();
    }

    /** How many GET requests the service is answering right now, by its own metrics (this one included). */
    private double activeGets() {
        JsonNode metric = http.json("/actuator/metrics/http.server.requests.active?tag=method:GET");
        for (JsonNode measurement : metric.get("measurements")) {
            if (measurement.get("statistic").asString().equals("ACTIVE_TASKS")) {
                return measurement.get("value").asDouble();
            }
        }
        throw new AssertionError("no ACTIVE_TASKS in " + metric);
    }

    /** Sleeps as needed so that line {@code done} of {@code total} is read no sooner than its share of the time. */
    private static void keepPace(long started, long done, long total, Duration over) throws InterruptedException {
        long due = started + over.toNanos() * done / total;
        long ahead = due - System.nanoTime();
        if (ahead > 20_000_000L) {
            Thread.sleep(ahead / 1_000_000L);
        }
    }

    private HttpResponse<InputStream> get(String path, @Nullable String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static byte[] bytes(HttpResponse<InputStream> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            return body.readAllBytes();
        }
    }

    private static String body(HttpResponse<InputStream> response) throws IOException {
        return new String(bytes(response), StandardCharsets.UTF_8);
    }

    /** The bytes that arrived, and the error that ended the body early, if one did. */
    private record Received(byte[] bytes, @Nullable IOException error) {}

    private static Received receive(HttpResponse<InputStream> response) {
        ByteArrayOutputStream arrived = new ByteArrayOutputStream();
        try (InputStream body = response.body()) {
            body.transferTo(arrived);
            return new Received(arrived.toByteArray(), null);
        } catch (IOException e) {
            return new Received(arrived.toByteArray(), e);
        }
    }

    private record Done(UUID id, long lines) {}

    /**
     * The export lines a sync's counts leave out (docs/api.md §8): one per logical role and privilege it holds, one
     * per field security profile.
     */
    private static long accessRuleLines(SimulatorState state) {
        long lines = state.count("fieldsecurityprofiles");
        java.util.Set<UUID> roots = new java.util.HashSet<>();
        for (java.util.Map<String, Object> role : state.rows("roles")) {
            roots.add(state.rootRole(UUID.fromString(role.get("roleid").toString())));
        }
        for (UUID root : roots) {
            lines += state.rolePrivileges(root).size();
        }
        return lines;
    }

    private Done runSync() {
        JsonNode sync = finished(http.send("POST", "/api/v1/syncs", "{\"mode\": \"FULL\"}"));
        assertThat(sync.get("status").asString()).as(sync.toString()).isEqualTo("SUCCEEDED");
        long lines = accessRuleLines(simulator.state());
        for (JsonNode count : sync.get("counts")) {
            lines += count.asLong();
        }
        return new Done(UUID.fromString(sync.get("id").asString()), lines);
    }

    /** The sync this answer started, once it no longer runs. */
    private JsonNode finished(HttpResponse<String> started) {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = ServiceHttp.parse(started.body()).get("id").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode sync = http.json("/api/v1/syncs/" + id);
            if (!sync.get("status").asString().equals("RUNNING")) {
                return sync;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("sync " + id + " did not end");
    }
}
