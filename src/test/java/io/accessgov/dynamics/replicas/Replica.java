package io.accessgov.dynamics.replicas;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.database.TestPostgres;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One replica of the service on a shared PostgreSQL database and the simulator: in this JVM (a Spring context of its
 * own) or in a JVM of its own, which a test can kill with {@code kill -9}. Each has its own data directory, so nothing
 * it answers can come from another replica's disk.
 */
final class Replica implements AutoCloseable {

    /** The page-token key every replica of a test shares. */
    static final String PAGE_TOKEN_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final @Nullable ConfigurableApplicationContext context;
    private final @Nullable Process process;

    private Replica(int port, @Nullable ConfigurableApplicationContext context, @Nullable Process process) {
        this.port = port;
        this.context = context;
        this.process = process;
    }

    static List<String> arguments(
            DataverseSimulator simulator, TestPostgres.Database database, Path dataDir, String lease, int port) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--dynamics.environment-url=" + simulator.environmentUrl(),
                "--dynamics.authority-url=" + simulator.authorityUrl(),
                "--dynamics.tenant-id=" + simulator.tenantId(),
                "--dynamics.client-id=" + simulator.clientId(),
                "--dynamics.client-secret=" + simulator.clientSecret(),
                "--connector.security.allow-anonymous=true",
                "--connector.data-dir=" + dataDir,
                "--connector.page-token-key=" + PAGE_TOKEN_KEY,
                "--connector.syncs.lease=" + lease,
                "--spring.profiles.active=text-logs"));
        arguments.addAll(database.arguments());
        return arguments;
    }

    /** A replica in this JVM. */
    static Replica inThisJvm(DataverseSimulator simulator, TestPostgres.Database database, Path dataDir, String lease) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run(arguments(simulator, database, dataDir, lease, 0).toArray(String[]::new));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Replica(port, context, null);
    }

    /** A replica in a JVM of its own, started from the test class path; its log goes to {@code log}. */
    static Replica inItsOwnJvm(
            DataverseSimulator simulator, TestPostgres.Database database, Path dataDir, String lease, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                Application.class.getName()));
        command.addAll(arguments(simulator, database, dataDir, lease, port));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Replica replica = new Replica(port, null, process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The replica's JVM ended with " + process.exitValue() + "; see " + log);
            }
            try {
                if (replica.get("/livez").statusCode() == 200) {
                    return replica;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The replica did not start within 120 s; see " + log);
    }

    /** Ends the replica's JVM at once, as {@code kill -9} does: no shutdown hook, nothing flushed, no lease given up. */
    void kill() throws InterruptedException {
        if (process == null) {
            throw new IllegalStateException("only a replica in its own JVM can be killed");
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    HttpResponse<String> send(String method, String path, @Nullable String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode parse(String body) {
        return JSON.readTree(body);
    }

    /** The sync, polled until it is no longer RUNNING or {@code within} has passed. */
    JsonNode awaitEnd(String id, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode sync = json("/api/v1/syncs/" + id);
        while (sync.get("status").asString().equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            sync = json("/api/v1/syncs/" + id);
        }
        return sync;
    }

    @Override
    public void close() throws InterruptedException {
        if (context != null) {
            context.close();
        }
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
