package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.extern.slf4j.Slf4j;

/**
 * The embedded simulators of demo mode, one per demo environment (docs/api.md §9), each on 127.0.0.1: {@code contoso},
 * the demo organisation, on {@code dynamics.simulator.port}; {@code contoso-sandbox}, the sandbox organisation, on a
 * free port. Stopped when the service stops.
 */
@Slf4j
final class DemoSimulators implements AutoCloseable {

    private final Map<String, DataverseSimulator> byEnvironment = new LinkedHashMap<>();

    DemoSimulators(DynamicsProperties.Simulator settings) {
        SimulatorOptions options = settings.testHooks()
                ? SimulatorOptions.defaults()
                : SimulatorOptions.defaults().withoutTestHooks();
        try {
            byEnvironment.put(
                    DynamicsProperties.DEMO_ENVIRONMENTS.get(0),
                    DataverseSimulator.start(options.withPort(settings.port())));
            byEnvironment.put(
                    DynamicsProperties.DEMO_ENVIRONMENTS.get(1),
                    DataverseSimulator.start(options.withSeed(OrganisationSeed.sandbox())));
        } catch (RuntimeException failed) {
            close();
            throw failed;
        }
        byEnvironment.forEach((name, simulator) -> log.warn(
                "No Dataverse environment configured: the demo environment '{}' is an embedded Dataverse simulator at"
                        + " {} (demo data only)",
                name,
                simulator.environmentUrl()));
    }

    /** The simulator of this demo environment. */
    DataverseSimulator of(String environment) {
        DataverseSimulator simulator = byEnvironment.get(environment);
        if (simulator == null) {
            throw new IllegalArgumentException("no demo environment " + environment);
        }
        return simulator;
    }

    @Override
    public void close() {
        byEnvironment.values().forEach(DataverseSimulator::close);
    }
}
