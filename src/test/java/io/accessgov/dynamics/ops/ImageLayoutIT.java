package io.accessgov.dynamics.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lays the packaged jar's layers out as the image does and starts the image's {@code ENTRYPOINT} there, in demo
 * mode on a free loopback port: what an operator sees of the container (probes, info, metrics) without a Docker
 * engine. An integration test (failsafe): the jar exists only from the {@code package} phase on.
 */
@TestMethodOrder(OrderAnnotation.class)
class ImageLayoutIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path buildStage;

    @TempDir
    static Path app;

    @TempDir
    static Path data;

    @TempDir
    static Path logs;

    private static List<String> imageFiles;
    private static Process service;
    private static URI base;

    @BeforeAll
    static void startTheImageLayout() throws Exception {
        ImageLayout.extractLayers(buildStage);
        ImageLayout.layOut(buildStage, app);
        imageFiles = ImageLayout.filesIn(app);

        int port = freePort();
        base = URI.create("http://127.0.0.1:" + port);
        List<String> command = new ArrayList<>(ImageLayout.entrypoint());
        command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1"));
        ProcessBuilder image = new ProcessBuilder(command)
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("console.log").toFile());
        image.environment().put("CONNECTOR_DATA_DIR", data.toString());
        image.environment().remove("DYNAMICS_ENVIRONMENT_URL");
        service = image.start();

        assertThat(awaitStatus(base.resolve("/livez"), Duration.ofMinutes(3)))
                .as("/livez of the started image; console:%n%s", console())
                .isEqualTo(200);
    }

    @AfterAll
    static void stopIt() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void answersItsLivenessAndReadinessProbes() throws Exception {
        assertThat(awaitStatus(base.resolve("/readyz"), Duration.ofSeconds(60)))
                .as("/readyz of the started image; console:%n%s", console())
                .isEqualTo(200);
        assertThat(get("/livez").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void tellsItsVersionCommitAndModeInInfo() throws Exception {
        HttpResponse<String> response = get("/actuator/info");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode info = JsonMapper.shared().readTree(response.body());

        assertThat(info.at("/build/version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.at("/git/commit/id").asString()).as("info: %s", info).isNotBlank();
        assertThat(info.at("/dataverse/mode").asString()).isEqualTo("simulator");
        assertThat(info.at("/dataverse/environmentUrl").asString()).startsWith("http://127.0.0.1:");
    }

    @Test
    @Order(3)
    void countsDataverseRequestsInPrometheusAfterACall() throws Exception {
        assertThat(get("/api/v1/accounts?pageSize=5").statusCode()).isEqualTo(200);

        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body().lines())
                .anyMatch(line -> line.startsWith("dataverse_requests_seconds_count{")
                        && line.contains("entity_set=\"systemusers\"")
                        && line.contains("outcome=\"success\""))
                .anyMatch(line -> line.startsWith("dataverse_token_fetches_total{"));
    }

    @Test
    @Order(4)
    void writesNothingOutsideTheDataAndTmpDirectories() throws IOException {
        assertThat(ImageLayout.filesIn(app))
                .as("the image's root filesystem is read-only: only /data and /tmp may be written")
                .isEqualTo(imageFiles);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the URI answers 200 or a client error, or time runs out; the last status seen (-1: none). */
    private static int awaitStatus(URI uri, Duration patience) throws InterruptedException {
        Instant giveUp = Instant.now().plus(patience);
        int status = -1;
        while (Instant.now().isBefore(giveUp) && service.isAlive()) {
            try {
                status = HTTP.send(
                                HttpRequest.newBuilder(uri)
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200 || (status >= 400 && status < 500)) {
                    return status;
                }
            } catch (IOException notListeningYet) {
                status = -1;
            }
            Thread.sleep(250);
        }
        return status;
    }

    private static String console() {
        try {
            return Files.readString(logs.resolve("console.log"));
        } catch (IOException e) {
            return "(no console output: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
