package io.accessgov.dynamics.dataverse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataverseConnectionInfo;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@ExtendWith(OutputCaptureExtension.class)
class DataverseConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DynamicsProperties.class)
    static class Settings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, DataverseConfiguration.class)
            .withBean(WebClient.Builder.class, WebClient::builder)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void aConfiguredEnvironmentIsUsedLiveWithoutASimulator(CapturedOutput output) {
        runner.withPropertyValues(
                        "dynamics.environment-url=https://contoso.crm4.dynamics.com/",
                        "dynamics.tenant-id=contoso.onmicrosoft.com",
                        "dynamics.client-id=client-1",
                        "dynamics.client-secret=Zq8~never-logged",
                        "dynamics.platform-application-ids=11111111-0000-0000-0000-000000000001")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(DataverseSimulator.class);
                    assertThat(context).hasSingleBean(DataverseClient.class).hasSingleBean(AccountClassifier.class);
                    assertThat(context.getBean(DataverseConnectionInfo.class))
                            .isEqualTo(new DataverseConnectionInfo(
                                    DataverseConnectionInfo.Mode.LIVE,
                                    URI.create("https://contoso.crm4.dynamics.com")));
                    DataverseConnection connection = context.getBean(DataverseConnection.class);
                    assertThat(connection.apiBase()).hasToString("https://contoso.crm4.dynamics.com/api/data/v9.2/");
                    assertThat(connection.tokenUri())
                            .hasToString("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
                    assertThat(connection.scope()).isEqualTo("https://contoso.crm4.dynamics.com/.default");
                    assertThat(connection.toString()).doesNotContain("Zq8~never-logged");
                });
        assertThat(output)
                .contains("Connecting to Dataverse environment https://contoso.crm4.dynamics.com")
                .doesNotContain("Zq8~never-logged");
    }

    @Test
    void withoutAnEnvironmentUrlTheSimulatorIsStartedUsedAndClosed(CapturedOutput output) throws Exception {
        URI[] started = new URI[1];
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(DataverseSimulator.class);
            DataverseSimulator simulator = context.getBean(DataverseSimulator.class);
            DataverseConnectionInfo info = context.getBean(DataverseConnectionInfo.class);
            assertThat(info.mode()).isEqualTo(DataverseConnectionInfo.Mode.SIMULATOR);
            assertThat(info.environmentUrl()).isEqualTo(simulator.environmentUrl());
            assertThat(context.getBean(DataverseClient.class).whoAmI().userId()).isNotNull();
            started[0] = simulator.environmentUrl();
        });
        assertThat(output).contains("using the embedded Dataverse simulator at " + started[0]);
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() ->
                            socket.connect(new InetSocketAddress(started[0].getHost(), started[0].getPort()), 1000))
                    .isInstanceOf(java.io.IOException.class);
        }
    }
}
