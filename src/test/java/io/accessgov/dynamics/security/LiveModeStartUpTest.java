package io.accessgov.dynamics.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application in live mode (an environment URL, here a simulator on 127.0.0.1) without an issuer of
 * callers' tokens: it refuses to start, naming both ways out, unless anonymous access is switched on explicitly, in
 * which case it starts open and warns loudly.
 */
@ExtendWith(OutputCaptureExtension.class)
class LiveModeStartUpTest {

    static DataverseSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = DataverseSimulator.start(SimulatorOptions.defaults());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    private static List<String> liveArguments(String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--dynamics.environment-url=" + simulator.environmentUrl(),
                "--dynamics.authority-url=" + simulator.authorityUrl(),
                "--dynamics.tenant-id=" + simulator.tenantId(),
                "--dynamics.client-id=" + simulator.clientId(),
                "--dynamics.client-secret=" + simulator.clientSecret()));
        arguments.addAll(List.of(extra));
        return arguments;
    }

    @Test
    void refusesToStartWithoutAnIssuerNamingBothSettings(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
                        .run(liveArguments().toArray(String[]::new))
                        .close())
                .rootCause()
                .isInstanceOf(NoCallerAuthenticationConfigured.class);
        assertThat(output.getAll())
                .contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")
                .contains("CONNECTOR_SECURITY_ALLOW_ANONYMOUS=true");
    }

    @Test
    void startsOpenWhenAnonymousAccessIsSwitchedOnAndSaysSo(CapturedOutput output) {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(Application.class)
                .run(liveArguments("--connector.security.allow-anonymous=true").toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            HttpResponse<String> response = new Http(port).get("/api/v1/accounts?pageSize=1", null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(output.getAll()).contains("THE API IS OPEN").contains("against a REAL Dataverse environment");
        }
    }
}
