package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseConnector;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the one door to Dataverse, once per environment (docs/api.md §9): the connection (a real environment, or an
 * embedded simulator per demo environment when none is configured), OAuth2 client credentials, the WebClient,
 * retries, limits and meters.
 */
@Configuration(proxyBeanMethods = false)
class DataverseConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(DemoMode.class)
    DemoSimulators demoSimulators(DynamicsProperties properties) {
        return new DemoSimulators(properties.simulator());
    }

    /** The default demo environment's simulator ({@code contoso}), for whoever wants to look into demo mode. */
    @Bean
    @Primary
    @Conditional(DemoMode.class)
    DataverseSimulator dataverseSimulator(DemoSimulators simulators) {
        return simulators.of(DynamicsProperties.DEMO_ENVIRONMENTS.get(0));
    }

    /** The sandbox demo environment's simulator ({@code contoso-sandbox}). */
    @Bean
    @Conditional(DemoMode.class)
    DataverseSimulator sandboxSimulator(DemoSimulators simulators) {
        return simulators.of(DynamicsProperties.DEMO_ENVIRONMENTS.get(1));
    }

    @Bean
    DataverseConnector dataverseConnector(
            DynamicsProperties properties,
            WebClient.Builder webClientBuilder,
            MeterRegistry meterRegistry,
            ObjectProvider<DemoSimulators> demo) {
        return new DataverseConnections(properties, webClientBuilder, meterRegistry, demo.getIfAvailable());
    }
}
