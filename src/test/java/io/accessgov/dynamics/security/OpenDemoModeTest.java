package io.accessgov.dynamics.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.UserQuery;
import io.accessgov.dynamics.environment.TestEnvironments;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Demo mode (no environment URL) without an issuer: the API is open, start-up says so loudly, and the service
 * listens on loopback only.
 */
@ExtendWith(OutputCaptureExtension.class)
// no server.address: demo mode without an issuer must bind loopback by itself
@Import(TestEnvironments.MockedDataverse.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenDemoModeTest {

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @MockitoBean
    DataverseClient dataverse;

    @MockitoBean(name = "dataverseHealthIndicator")
    HealthIndicator dataverseHealth;

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(), null));
        when(dataverseHealth.health()).thenReturn(Health.up().build());
        when(dataverseHealth.health(anyBoolean())).thenReturn(Health.up().build());
    }

    @Test
    void theApiIsOpenWithoutAToken() {
        assertThat(http.get("/api/v1/accounts", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/info", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousCallersSeeTheHealthComponentsAndDetails() {
        when(dataverseHealth.health(anyBoolean()))
                .thenReturn(Health.up().withDetail("mode", "simulator").build());

        assertThat(http.get("/actuator/health", null).body())
                .contains("\"components\"")
                .contains("\"dataverse\"")
                .contains("\"mode\":\"simulator\"");
        assertThat(http.get("/readyz", null).body()).contains("\"dataverse\"");
    }

    @Test
    void unknownPathsAndBadInputAreStillProblems() {
        var notFound = http.get("/nothing/here", null);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.get("/api/v1/accounts/not-a-guid", null).body()).contains("problem:invalid-id");
        var errorPage = http.get("/error", null);
        assertThat(errorPage.statusCode()).isEqualTo(404);
        assertThat(errorPage.body()).contains("problem:not-found");
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        Object address = server.getTomcat().getConnector().getProperty("address");

        assertThat(address).isInstanceOf(InetAddress.class);
        assertThat(((InetAddress) address).isLoopbackAddress())
                .as("bound to %s", address)
                .isTrue();
        InetAddress elsewhere = nonLoopbackAddressOfThisMachine();
        if (elsewhere != null) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(elsewhere, port), 2_000))
                        .as("connecting through %s", elsewhere)
                        .isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void startUpSaysItListensOnLoopbackOnly(CapturedOutput output) {
        assertThat(output.getAll()).contains("listening on 127.0.0.1 only");
    }

    private static @Nullable InetAddress nonLoopbackAddressOfThisMachine() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void startUpWarnsLoudlyThatTheApiIsOpenAndGeneratesNoPassword(CapturedOutput output) {
        assertThat(output.getAll())
                .contains("THE API IS OPEN")
                .contains("demo mode")
                .doesNotContain("generated security password");
    }
}
