package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.DataverseConnectionInfo;
import io.accessgov.dynamics.dataverse.DataverseConnector;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.dataverse.EnvironmentDefinition;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Connects each environment (docs/api.md §9) with a client of its own; in demo mode to its embedded simulator
 * ({@link DemoSimulators}).
 */
@Slf4j
final class DataverseConnections implements DataverseConnector {

    private final DynamicsProperties properties;
    private final WebClient.Builder webClientBuilder;
    private final MeterRegistry meterRegistry;
    private final @Nullable DemoSimulators demo;

    /** @param demo the simulators of demo mode; null when environments are configured */
    DataverseConnections(
            DynamicsProperties properties,
            WebClient.Builder webClientBuilder,
            MeterRegistry meterRegistry,
            @Nullable DemoSimulators demo) {
        this.properties = properties;
        this.webClientBuilder = webClientBuilder;
        this.meterRegistry = meterRegistry;
        this.demo = demo;
    }

    @Override
    public Connection connect(EnvironmentDefinition environment) {
        DataverseConnection connection = environment.connection() == null
                ? simulated(environment.name())
                : live(environment.name(), environment.connection());
        WebApiDataverseClient client = DataverseWiring.client(
                environment.name(),
                connection,
                properties.http(),
                webClientBuilder,
                meterRegistry,
                new AccountClassifier(environment.platformApplicationIds()),
                Clock.systemUTC(),
                duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()));
        return new Connection(connection.info(), client);
    }

    private DataverseConnection simulated(String name) {
        if (demo == null) {
            throw new IllegalStateException("the demo environment " + name + " has no simulator: not in demo mode");
        }
        DataverseSimulator simulator = demo.of(name);
        return DataverseConnection.of(
                DataverseConnectionInfo.Mode.SIMULATOR,
                simulator.environmentUrl(),
                simulator.authorityUrl(),
                simulator.tenantId(),
                simulator.clientId(),
                simulator.clientSecret());
    }

    private static DataverseConnection live(String name, EnvironmentDefinition.Connection settings) {
        DataverseConnection connection = DataverseConnection.of(
                DataverseConnectionInfo.Mode.LIVE,
                settings.environmentUrl(),
                settings.authorityUrl(),
                settings.tenantId(),
                settings.clientId(),
                settings.clientSecret());
        log.info(
                "Environment '{}': Dataverse at {} as client {} (token endpoint {})",
                name,
                connection.environmentUrl(),
                connection.clientId(),
                connection.tokenUri());
        return connection;
    }
}
