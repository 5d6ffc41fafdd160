package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.DataverseConnectionInfo;
import io.accessgov.dynamics.dataverse.DataverseConnector;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.dataverse.EnvironmentDefinition;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Connects each environment (docs/api.md §9) with a client of its own. In demo mode each demo environment gets an
 * embedded simulator of its own on 127.0.0.1 ({@code contoso}: the demo organisation, on
 * {@code dynamics.simulator.port}; {@code contoso-sandbox}: the sandbox organisation, on a free port), stopped when
 * the service stops.
 */
@Slf4j
final class DataverseConnections implements DataverseConnector, DisposableBean {

    private final DynamicsProperties properties;
    private final WebClient.Builder webClientBuilder;
    private final MeterRegistry meterRegistry;
    private final List<DataverseSimulator> simulators = new ArrayList<>();

    DataverseConnections(
            DynamicsProperties properties, WebClient.Builder webClientBuilder, MeterRegistry meterRegistry) {
        this.properties = properties;
        this.webClientBuilder = webClientBuilder;
        this.meterRegistry = meterRegistry;
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
        boolean sandbox = !name.equals(DynamicsProperties.DEMO_ENVIRONMENTS.get(0));
        SimulatorOptions options = sandbox
                ? SimulatorOptions.defaults().withSeed(OrganisationSeed.sandbox())
                : SimulatorOptions.defaults().withPort(properties.simulator().port());
        DataverseSimulator simulator = DataverseSimulator.start(options);
        synchronized (simulators) {
            simulators.add(simulator);
        }
        DataverseConnection connection = DataverseConnection.of(
                DataverseConnectionInfo.Mode.SIMULATOR,
                simulator.environmentUrl(),
                simulator.authorityUrl(),
                simulator.tenantId(),
                simulator.clientId(),
                simulator.clientSecret());
        log.warn(
                "No Dataverse environment configured: the demo environment '{}' is an embedded Dataverse simulator at"
                        + " {} (demo data only)",
                name,
                connection.environmentUrl());
        return connection;
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

    @Override
    public void destroy() {
        synchronized (simulators) {
            simulators.forEach(DataverseSimulator::close);
            simulators.clear();
        }
    }
}
