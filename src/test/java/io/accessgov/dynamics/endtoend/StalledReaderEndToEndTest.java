package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import io.accessgov.dynamics.simulator.SimulatorState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A reader that stops reading altogether, for longer than the server's connection timeout (here one second; Tomcat's
 * default is 60 s), is cut off: one write of the service waits that long at most. It sees an error when it reads on,
 * never a clean end of a shorter body, whether the body has a Content-Length (export) or is chunked (changes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StalledReaderEndToEndTest {

    @TempDir
    static Path dataDir;

    private DataverseSimulator simulator;
    private ConfigurableApplicationContext service;
    private int port;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String exportPath;
    private String changesPath;

    @BeforeAll
    void start() {
        simulator = DataverseSimulator.start(SimulatorOptions.defaults()
                .withSeed(OrganisationSeed.generated()
                        .users(6_000)
                        .businessUnits(8)
                        .logicalRoles(20)
                        .teams(300)
                        .userRoleLinks(18_000)
                        .memberships(12_000)
                        .randomSeed(31)
                        .build()));
        service = new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--server.tomcat.connection-timeout=1s",
                        "--dynamics.environment-url=" + simulator.environmentUrl(),
                        "--dynamics.authority-url=" + simulator.authorityUrl(),
                        "--dynamics.tenant-id=" + simulator.tenantId(),
                        "--dynamics.client-id=" + simulator.clientId(),
                        "--dynamics.client-secret=" + simulator.clientSecret(),
                        "--connector.security.allow-anonymous=true",
                        "--connector.data-dir=" + dataDir);
        port = ((WebServerApplicationContext) service).getWebServer().getPort();
        ServiceHttp http = new ServiceHttp(port);
        String before = runSync(http);
        SimulatorState state = simulator.state();
        for (SimulatorState.Link link : new ArrayList<>(state.userRoles())) {
            state.removeUserRole(link.left(), link.right());
        }
        for (SimulatorState.Link link : new ArrayList<>(state.memberships())) {
            state.removeMembership(link.left(), link.right());
        }
        String after = runSync(http);
        exportPath = "/api/v1/syncs/" + before + "/export";
        changesPath = "/api/v1/syncs/" + after + "/changes?since=" + before;
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

    @ParameterizedTest
    @ValueSource(strings = {"export", "changes"})
    void aReaderThatStopsLongerThanTheConnectionTimeoutIsCutOffAndSeesAnError(String stream) throws Exception {
        String path = stream.equals("export") ? exportPath : changesPath;
        byte[] whole;
        try (InputStream body = get(path).body()) {
            whole = body.readAllBytes();
        }
        assertThat(whole.length)
                .as("larger than what the sockets hold, so that the service must wait for the reader")
                .isGreaterThan(8 << 20);

        HttpResponse<InputStream> response = get(path);
        ByteArrayOutputStream arrived = new ByteArrayOutputStream();
        IOException error = null;
        try (InputStream body = response.body()) {
            arrived.write(body.readNBytes(64 * 1024));
            Thread.sleep(4_000);
            body.transferTo(arrived);
        } catch (IOException e) {
            error = e;
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(error).as("the reader sees an error, not a clean end").isNotNull();
        assertThat(arrived.size()).isLessThan(whole.length);
        assertThat(arrived.toByteArray()).isEqualTo(Arrays.copyOf(whole, arrived.size()));
    }

    private HttpResponse<InputStream> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private static String runSync(ServiceHttp http) {
        HttpResponse<String> started = http.send("POST", "/api/v1/syncs", "{\"mode\": \"FULL\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = ServiceHttp.parse(started.body()).get("id").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode sync = http.json("/api/v1/syncs/" + id);
            if (!sync.get("status").asString().equals("RUNNING")) {
                assertThat(sync.get("status").asString()).as(sync.toString()).isEqualTo("SUCCEEDED");
                return id;
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
