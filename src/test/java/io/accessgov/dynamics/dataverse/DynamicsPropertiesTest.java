package io.accessgov.dynamics.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
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

    private static final String[] PROD = {
        "dynamics.environments.prod.environment-url=https://contoso.crm4.dynamics.com",
        "dynamics.environments.prod.tenant-id=contoso.onmicrosoft.com",
        "dynamics.environments.prod.client-id=5b0f0000-0000-0000-0000-000000000001",
        "dynamics.environments.prod.client-secret=prod-secret"
    };

    private static final String[] TEST = {
        "dynamics.environments.test-emea.environment-url=https://contoso-test.crm4.dynamics.com",
        "dynamics.environments.test-emea.tenant-id=fabrikam.onmicrosoft.com",
        "dynamics.environments.test-emea.client-id=5b0f0000-0000-0000-0000-000000000002",
        "dynamics.environments.test-emea.client-secret=test-secret",
        "dynamics.environments.test-emea.include-system-accounts=true"
    };

    private static String[] settings(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @Test
    void demoModeServesTwoEnvironmentsWithContosoTheDefault() {
        runner.run(context -> {
            List<EnvironmentDefinition> environments =
                    context.getBean(DynamicsProperties.class).environmentDefinitions();
            assertThat(environments)
                    .extracting(EnvironmentDefinition::name, EnvironmentDefinition::isDefault)
                    .containsExactly(tuple("contoso", true), tuple("contoso-sandbox", false));
            assertThat(environments)
                    .allSatisfy(env -> assertThat(env.connection()).isNull());
        });
    }

    @Test
    void version1SettingsDefineTheEnvironmentDefault() {
        runner.withPropertyValues(
                        "dynamics.environment-url=https://contoso.crm4.dynamics.com/",
                        "dynamics.tenant-id=contoso.onmicrosoft.com",
                        "dynamics.client-id=5b0f0000-0000-0000-0000-000000000001",
                        "dynamics.client-secret=secret",
                        "dynamics.include-system-accounts=true")
                .run(context -> {
                    DynamicsProperties properties = context.getBean(DynamicsProperties.class);
                    assertThat(properties.demoMode()).isFalse();
                    assertThat(properties.environmentDefinitions())
                            .singleElement()
                            .satisfies(env -> {
                                assertThat(env.name()).isEqualTo("default");
                                assertThat(env.isDefault()).isTrue();
                                assertThat(env.includeSystemAccounts()).isTrue();
                                assertThat(env.connection().tenantId()).isEqualTo("contoso.onmicrosoft.com");
                            });
                });
    }

    @Test
    void namedEnvironmentsTakeUnsetSettingsFromTheUnnamedOnes() {
        runner.withPropertyValues(settings(PROD, TEST))
                .withPropertyValues(
                        "dynamics.default-environment=prod",
                        "dynamics.authority-url=https://login.microsoftonline.us",
                        "dynamics.platform-application-ids=11111111-0000-0000-0000-000000000001",
                        "dynamics.environments.prod.platform-application-ids=22222222-0000-0000-0000-000000000002")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    List<EnvironmentDefinition> environments =
                            context.getBean(DynamicsProperties.class).environmentDefinitions();
                    assertThat(environments)
                            .extracting(
                                    EnvironmentDefinition::name,
                                    EnvironmentDefinition::isDefault,
                                    EnvironmentDefinition::includeSystemAccounts)
                            .containsExactly(tuple("prod", true, false), tuple("test-emea", false, true));
                    EnvironmentDefinition prod = environments.get(0);
                    assertThat(prod.connection().authorityUrl()).hasToString("https://login.microsoftonline.us");
                    assertThat(prod.connection().clientSecret()).isEqualTo("prod-secret");
                    assertThat(prod.platformApplicationIds())
                            .extracting(Object::toString)
                            .containsExactlyInAnyOrder(
                                    "11111111-0000-0000-0000-000000000001", "22222222-0000-0000-0000-000000000002");
                    assertThat(environments.get(1).platformApplicationIds())
                            .extracting(Object::toString)
                            .containsExactly("11111111-0000-0000-0000-000000000001");
                });
    }

    @Test
    void theOnlyNamedEnvironmentIsTheDefault() {
        runner.withPropertyValues(PROD).run(context -> assertThat(
                        context.getBean(DynamicsProperties.class).environmentDefinitions())
                .singleElement()
                .satisfies(env -> assertThat(env.isDefault()).isTrue()));
    }

    @Test
    void version1SettingsAndNamedEnvironmentsMakeDefaultTheDefault() {
        runner.withPropertyValues(PROD)
                .withPropertyValues(
                        "dynamics.environment-url=https://contoso.crm4.dynamics.com",
                        "dynamics.tenant-id=t",
                        "dynamics.client-id=c",
                        "dynamics.client-secret=s")
                .run(context -> assertThat(
                                context.getBean(DynamicsProperties.class).environmentDefinitions())
                        .extracting(EnvironmentDefinition::name, EnvironmentDefinition::isDefault)
                        .containsExactly(tuple("default", true), tuple("prod", false)));
    }

    @Test
    void severalEnvironmentsWithoutADefaultStopStartUpNamingTheProperty() {
        runner.withPropertyValues(settings(PROD, TEST)).run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("dynamics.default-environment (DYNAMICS_DEFAULT_ENVIRONMENT) must name")
                .hasMessageContaining("[prod, test-emea]"));
    }

    @Test
    void aDefaultEnvironmentThatIsNotConfiguredStopsStartUp() {
        runner.withPropertyValues(PROD)
                .withPropertyValues("dynamics.default-environment=production")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("names 'production', which is not configured"));
    }

    @Test
    void aNamedEnvironmentWithoutItsSecretStopsStartUpNamingTheProperty() {
        runner.withPropertyValues(java.util.Arrays.copyOf(PROD, 3)).run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("dynamics.environments.prod.client-secret"
                        + " (DYNAMICS_ENVIRONMENTS_PROD_CLIENTSECRET) must be set"));
    }

    @Test
    void aDashedEnvironmentNamesOnlyItsProperty() {
        runner.withPropertyValues(java.util.Arrays.copyOf(TEST, 3))
                .withPropertyValues("dynamics.default-environment=test-emea")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("dynamics.environments.test-emea.client-secret must be set"));
    }

    @Test
    void aNamedEnvironmentOnPlainHttpToARemoteHostStopsStartUp() {
        runner.withPropertyValues(PROD)
                .withPropertyValues("dynamics.environments.prod.environment-url=http://contoso.crm4.dynamics.com")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "dynamics.environments.prod.environment-url (DYNAMICS_ENVIRONMENTS_PROD_ENVIRONMENTURL)"
                                        + " must use https://"));
    }

    @Test
    void anEnvironmentNameThatCannotBeAPathSegmentStopsStartUp() {
        runner.withPropertyValues(
                        "dynamics.environments.Prod_EU.environment-url=https://contoso.crm4.dynamics.com",
                        "dynamics.environments.Prod_EU.tenant-id=t",
                        "dynamics.environments.Prod_EU.client-id=c",
                        "dynamics.environments.Prod_EU.client-secret=s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining(
                                "dynamics.environments.Prod_EU: an environment name has 1 to 40 lower-case"));
    }

    @Test
    void theEnvironmentDefaultCannotBeConfiguredTwice() {
        runner.withPropertyValues(
                        "dynamics.environment-url=https://contoso.crm4.dynamics.com",
                        "dynamics.tenant-id=t",
                        "dynamics.client-id=c",
                        "dynamics.client-secret=s",
                        "dynamics.environments.default.environment-url=https://other.crm4.dynamics.com",
                        "dynamics.environments.default.tenant-id=t",
                        "dynamics.environments.default.client-id=c",
                        "dynamics.environments.default.client-secret=s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("dynamics.environments.default cannot be configured together with"));
    }

    @Test
    void namedEnvironmentsAreReadFromEnvironmentVariables() {
        new ApplicationContextRunner()
                .withUserConfiguration(Settings.class)
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource(
                                "test-systemEnvironment",
                                java.util.Map.of(
                                        "DYNAMICS_ENVIRONMENTS_PROD_ENVIRONMENTURL",
                                        "https://contoso.crm4.dynamics.com",
                                        "DYNAMICS_ENVIRONMENTS_PROD_TENANTID",
                                        "t",
                                        "DYNAMICS_ENVIRONMENTS_PROD_CLIENTID",
                                        "c",
                                        "DYNAMICS_ENVIRONMENTS_PROD_CLIENTSECRET",
                                        "s"))))
                .run(context -> assertThat(
                                context.getBean(DynamicsProperties.class).environmentDefinitions())
                        .singleElement()
                        .satisfies(env -> {
                            assertThat(env.name()).isEqualTo("prod");
                            assertThat(env.connection().clientSecret()).isEqualTo("s");
                        }));
    }

    @Test
    void noSecretOfANamedEnvironmentIsInTheSettingsText() {
        runner.withPropertyValues(PROD).run(context -> assertThat(
                        context.getBean(DynamicsProperties.class).toString())
                .contains("prod")
                .doesNotContain("prod-secret"));
    }
}
