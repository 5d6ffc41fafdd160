package io.accessgov.dynamics.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.web.ConnectorProperties;
import io.accessgov.dynamics.web.ProblemResponseWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class CallerAuthenticationTest {

    private static final String[] REAL_ENVIRONMENT = {
        "dynamics.environment-url=https://contoso.crm.dynamics.com",
        "dynamics.tenant-id=contoso.onmicrosoft.com",
        "dynamics.client-id=11111111-2222-3333-4444-555555555555",
        "dynamics.client-secret=not-a-real-secret"
    };

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withUserConfiguration(SecurityConfiguration.class, Settings.class)
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withBean(ProblemResponseWriter.class);

    @Test
    void decidesByIssuerThenDemoModeThenExplicitChoice() {
        assertThat(CallerAuthentication.decide(true, false, false)).isEqualTo(CallerAuthentication.JWT);
        assertThat(CallerAuthentication.decide(true, true, true)).isEqualTo(CallerAuthentication.JWT);
        assertThat(CallerAuthentication.decide(false, true, false)).isEqualTo(CallerAuthentication.OPEN_DEMO);
        assertThat(CallerAuthentication.decide(false, false, true)).isEqualTo(CallerAuthentication.OPEN_BY_CHOICE);
        assertThatThrownBy(() -> CallerAuthentication.decide(false, false, false))
                .isInstanceOf(NoCallerAuthenticationConfigured.class);
    }

    @Test
    void refusesToStartAgainstARealEnvironmentWithoutAnIssuer() {
        context.withPropertyValues(REAL_ENVIRONMENT).run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(NoCallerAuthenticationConfigured.class)
                    .hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")
                    .hasMessageContaining("CONNECTOR_SECURITY_ALLOW_ANONYMOUS");
        });
    }

    @Test
    void startsOpenAgainstARealEnvironmentOnlyWhenAskedToAndWarns(CapturedOutput output) {
        context.withPropertyValues(REAL_ENVIRONMENT)
                .withPropertyValues("connector.security.allow-anonymous=true")
                .run(started -> {
                    assertThat(started).hasNotFailed().hasSingleBean(SecurityFilterChain.class);
                    assertThat(output.getAll())
                            .contains("THE API IS OPEN")
                            .contains("CONNECTOR_SECURITY_ALLOW_ANONYMOUS=true against a REAL Dataverse environment");
                });
    }

    @Test
    void startsOpenInDemoModeAndWarns(CapturedOutput output) {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(output.getAll()).contains("THE API IS OPEN").contains("demo mode");
        });
    }

    @Test
    void requiresTokensWhenAnIssuerIsConfiguredEvenInDemoMode(CapturedOutput output) {
        context.withBean(JwtDecoder.class, () -> token -> {
                    throw new UnsupportedOperationException();
                })
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(output.getAll())
                            .doesNotContain("THE API IS OPEN")
                            .contains("Callers must send bearer");
                });
    }

    @Test
    void theFailureReportNamesBothSettings() {
        FailureAnalysis analysis = new NoCallerAuthenticationConfiguredFailureAnalyzer()
                .analyze(new IllegalStateException(new NoCallerAuthenticationConfigured()));

        assertThat(analysis.getDescription()).contains("DYNAMICS_ENVIRONMENT_URL");
        assertThat(analysis.getAction())
                .contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")
                .contains("CONNECTOR_SECURITY_ALLOW_ANONYMOUS=true");
    }

    @EnableConfigurationProperties({DynamicsProperties.class, ConnectorProperties.class})
    static class Settings {}
}
