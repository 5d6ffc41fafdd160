package io.accessgov.dynamics.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class DynamicsPropertiesTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DynamicsProperties.class)
    static class Settings {}

    @Test
    void noEnvironmentUrlIsDemoMode() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DynamicsProperties.class).demoMode()).isTrue();
        });
    }

    @Test
    void aCompleteLiveConnectionStarts() {
        runner.withPropertyValues(
                        "dynamics.environment-url=https://contoso.crm4.dynamics.com",
                        "dynamics.tenant-id=contoso.onmicrosoft.com",
                        "dynamics.client-id=5b0f0000-0000-0000-0000-000000000001",
                        "dynamics.client-secret=secret")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aMissingSecretStopsStartUpNamingTheVariable() {
        runner.withPropertyValues(
                        "dynamics.environment-url=https://contoso.crm4.dynamics.com",
                        "dynamics.tenant-id=contoso.onmicrosoft.com",
                        "dynamics.client-id=5b0f0000-0000-0000-0000-000000000001")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("DYNAMICS_CLIENT_SECRET must be set"));
    }

    @Test
    void aMalformedUrlStopsStartUpNamingTheVariable() {
        runner.withPropertyValues(
                        "dynamics.environment-url=contoso.crm4.dynamics.com",
                        "dynamics.tenant-id=t",
                        "dynamics.client-id=c",
                        "dynamics.client-secret=s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("DYNAMICS_ENVIRONMENT_URL must be an absolute URL"));
    }

    @Test
    void aRemotePlainHttpUrlStopsStartUp() {
        runner.withPropertyValues(
                        "dynamics.environment-url=http://contoso.crm4.dynamics.com",
                        "dynamics.tenant-id=t",
                        "dynamics.client-id=c",
                        "dynamics.client-secret=s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("DYNAMICS_ENVIRONMENT_URL must use https://"));
    }

    @Test
    void plainHttpIsAcceptedForLoopback() {
        runner.withPropertyValues(
                        "dynamics.environment-url=http://127.0.0.1:8081",
                        "dynamics.authority-url=http://localhost:8082",
                        "dynamics.tenant-id=t",
                        "dynamics.client-id=c",
                        "dynamics.client-secret=s")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void backgroundWorkHasItsOwnLongerRetryBudgetByDefault() {
        runner.run(context -> {
            DynamicsProperties.Http http =
                    context.getBean(DynamicsProperties.class).http();
            assertThat(http.maxAttempts()).isEqualTo(6);
            assertThat(http.deadline()).isEqualTo(Duration.ofSeconds(60));
            assertThat(http.background().maxAttempts()).isEqualTo(30);
            assertThat(http.background().deadline()).isEqualTo(Duration.ofMinutes(15));
        });
    }

    @Test
    void theBackgroundBudgetIsSetApart() {
        runner.withPropertyValues("dynamics.http.background.max-attempts=12", "dynamics.http.background.deadline=5m")
                .run(context -> {
                    DynamicsProperties.Http http =
                            context.getBean(DynamicsProperties.class).http();
                    assertThat(http.background().maxAttempts()).isEqualTo(12);
                    assertThat(http.background().deadline()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(http.maxAttempts()).isEqualTo(6);
                });
    }

    @Test
    void aBackgroundBudgetOutOfRangeStopsStartUpNamingTheSetting() {
        runner.withPropertyValues("dynamics.http.background.max-attempts=0").run(context -> assertThat(context)
                .getFailure()
                .hasStackTraceContaining("dynamics.http.background.maxAttempts"));
        runner.withPropertyValues("dynamics.http.background.deadline=0s")
                .run(context ->
                        assertThat(context).getFailure().hasStackTraceContaining("dynamics.http.background.deadline"));
    }

    @Test
    void aBackgroundBudgetSmallerThanTheInteractiveOneStopsStartUp() {
        runner.withPropertyValues("dynamics.http.max-attempts=10", "dynamics.http.background.max-attempts=8")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("dynamics.http.background must allow at least as many attempts"));
        runner.withPropertyValues("dynamics.http.deadline=20m").run(context -> assertThat(context)
                .getFailure()
                .hasStackTraceContaining("as long a deadline as dynamics.http"));
    }

    @Test
    void theSecretIsNeverInTheSettingsText() {
        runner.withPropertyValues(
                        "dynamics.environment-url=https://contoso.crm4.dynamics.com",
                        "dynamics.tenant-id=t",
                        "dynamics.client-id=c",
                        "dynamics.client-secret=Zq8~visible-if-leaked")
                .run(context -> assertThat(
                                context.getBean(DynamicsProperties.class).toString())
                        .doesNotContain("Zq8~visible-if-leaked"));
    }
}
