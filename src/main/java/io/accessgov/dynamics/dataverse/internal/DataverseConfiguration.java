package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.AccountVisibility;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataverseConnectionInfo;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Wires the one door to Dataverse: the connection (a real environment, or the embedded simulator when
 * {@code dynamics.environment-url} is unset), OAuth2 client credentials, the WebClient, retries, limits and meters.
 */
@Slf4j
@Configuration(proxyBeanMethods = false)
class DataverseConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(DemoMode.class)
    DataverseSimulator dataverseSimulator(DynamicsProperties properties) {
        return DataverseSimulator.start(properties.simulator().port());
    }

    @Bean
    DataverseConnection dataverseConnection(
            DynamicsProperties properties, ObjectProvider<DataverseSimulator> simulator) {
        DataverseConnection connection;
        if (properties.demoMode()) {
            DataverseSimulator sim = simulator.getObject();
            connection = DataverseConnection.of(
                    DataverseConnectionInfo.Mode.SIMULATOR,
                    sim.environmentUrl(),
                    sim.authorityUrl(),
                    sim.tenantId(),
                    sim.clientId(),
                    sim.clientSecret());
            log.warn(
                    "No DYNAMICS_ENVIRONMENT_URL set: using the embedded Dataverse simulator at {} (demo data only)",
                    connection.environmentUrl());
        } else {
            connection = DataverseConnection.of(
                    DataverseConnectionInfo.Mode.LIVE,
                    Objects.requireNonNull(properties.environmentUrl()),
                    properties.authorityUrl(),
                    Objects.requireNonNull(properties.tenantId()),
                    Objects.requireNonNull(properties.clientId()),
                    Objects.requireNonNull(properties.clientSecret()));
            log.info(
                    "Connecting to Dataverse environment {} as client {} (token endpoint {})",
                    connection.environmentUrl(),
                    connection.clientId(),
                    connection.tokenUri());
        }
        return connection;
    }

    @Bean
    DataverseConnectionInfo dataverseConnectionInfo(DataverseConnection connection) {
        return connection.info();
    }

    @Bean
    AccountClassifier accountClassifier(DynamicsProperties properties) {
        return new AccountClassifier(properties.platformApplicationIds());
    }

    @Bean
    AccountVisibility accountVisibility(DynamicsProperties properties) {
        return AccountVisibility.of(properties);
    }

    @Bean
    DataverseClient dataverseClient(
            DataverseConnection connection,
            DynamicsProperties properties,
            WebClient.Builder webClientBuilder,
            MeterRegistry meterRegistry,
            AccountClassifier classifier) {
        return DataverseWiring.client(
                connection,
                properties.http(),
                webClientBuilder,
                meterRegistry,
                classifier,
                Clock.systemUTC(),
                duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()));
    }
}
