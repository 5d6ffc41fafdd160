package io.accessgov.dynamics.dataverse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.DataverseConnectionInfo;
import io.accessgov.dynamics.dataverse.DataverseConnector;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.dataverse.EnvironmentDefinition;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
    void aConfiguredEnvironmentIsConnectedLiveWithoutASimulator(CapturedOutput output) {
        runner.withPropertyValues(
                        "dynamics.environment-url=https://contoso.crm4.dynamics.com/",
                        "dynamics.tenant-id=contoso.onmicrosoft.com",
                        "dynamics.client-id=client-1",
                        "dynamics.client-secret=Zq8~never-logged")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(DataverseSimulator.class);
                    EnvironmentDefinition only = context.getBean(DynamicsProperties.class)
                            .environmentDefinitions()
                            .get(0);
                    DataverseConnector.Connection connection =
                            context.getBean(DataverseConnector.class).connect(only);
                    assertThat(connection.info())
                            .isEqualTo(new DataverseConnectionInfo(
                                    DataverseConnectionInfo.Mode.LIVE,
                                    URI.create("https://contoso.crm4.dynamics.com")));
                    assertThat(connection.client()).isNotNull();
                });
        assertThat(output)
                .contains("Environment 'default': Dataverse at https://contoso.crm4.dynamics.com as client client-1")
                .contains("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")
                .doesNotContain("Zq8~never-logged");
    }

    @Test
    void withoutAnEnvironmentEachDemoEnvironmentHasASimulatorOfItsOwnStartedUsedAndClosed(CapturedOutput output)
            throws Exception {
        List<URI> started = new ArrayList<>();
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            DataverseConnector connector = context.getBean(DataverseConnector.class);
            for (EnvironmentDefinition demo :
                    context.getBean(DynamicsProperties.class).environmentDefinitions()) {
                DataverseConnector.Connection connection = connector.connect(demo);
                assertThat(connection.info().mode()).isEqualTo(DataverseConnectionInfo.Mode.SIMULATOR);
                assertThat(connection.client().whoAmI().userId()).isNotNull();
                started.add(connection.info().environmentUrl());
            }
            DataverseSimulator primary = context.getBean(DataverseSimulator.class);
            assertThat(primary.environmentUrl())
                    .as("the primary simulator is the default demo environment's")
                    .isEqualTo(started.get(0));
            assertThatThrownBy(primary::requests)
                    .as("demo mode records no requests")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("test hook");
            assertThatThrownBy(primary::faults).isInstanceOf(IllegalStateException.class);
        });
        assertThat(started).hasSize(2).doesNotHaveDuplicates();
        assertThat(output)
                .contains("the demo environment 'contoso' is an embedded Dataverse simulator at " + started.get(0))
                .contains("the demo environment 'contoso-sandbox' is an embedded Dataverse simulator at "
                        + started.get(1));
        for (URI url : started) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 1000))
                        .as("closed: %s", url)
                        .isInstanceOf(java.io.IOException.class);
            }
        }
    }
}
