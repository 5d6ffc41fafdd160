package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseConnector;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the one door to Dataverse, once per environment (docs/api.md §9): the connection (a real environment, or an
 * embedded simulator per demo environment when none is configured), OAuth2 client credentials, the WebClient,
 * retries, limits and meters.
 */
@Configuration(proxyBeanMethods = false)
class DataverseConfiguration {

    @Bean
    DataverseConnector dataverseConnector(
            DynamicsProperties properties, WebClient.Builder webClientBuilder, MeterRegistry meterRegistry) {
        return new DataverseConnections(properties, webClientBuilder, meterRegistry);
    }
}
