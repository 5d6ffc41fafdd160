package io.accessgov.dynamics.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

import io.accessgov.dynamics.account.AccountTypeResolver;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.UserQuery;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Demo mode (no environment URL) without an issuer: the API is open, and start-up says so loudly. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class OpenDemoModeTest {

    @LocalServerPort
    int port;

    @MockitoBean
    DataverseClient dataverse;

    @MockitoBean
    AccountTypeResolver types;

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
    void startUpWarnsLoudlyThatTheApiIsOpenAndGeneratesNoPassword(CapturedOutput output) {
        assertThat(output.getAll())
                .contains("THE API IS OPEN")
                .contains("demo mode")
                .doesNotContain("generated security password");
    }
}
