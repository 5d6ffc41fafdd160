package io.accessgov.dynamics.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a simulator.
 *
 * @param port the port on 127.0.0.1; 0 picks a free one
 * @param seed the organisation to serve
 * @param tokenLifetime the lifetime of issued tokens ({@code expires_in}); Entra's is 60–90 minutes
 * @param maxPageSize the largest page served (Dataverse: 5000); larger {@code odata.maxpagesize} values are capped
 * @param clock the clock for token expiry, throttling windows and the request log
 * @param testHooks whether the hooks tests use are on: the request log ({@link DataverseSimulator#requests()}) and
 *     fault injection ({@link DataverseSimulator#faults()}); a simulator serving demo mode runs without them
 */
public record SimulatorOptions(
        int port, OrganisationSeed seed, Duration tokenLifetime, int maxPageSize, Clock clock, boolean testHooks) {

    public SimulatorOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(clock, "clock");
        if (tokenLifetime.isZero() || tokenLifetime.isNegative()) {
            throw new IllegalArgumentException("tokenLifetime must be positive");
        }
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("maxPageSize must be at least 1");
        }
    }

    /**
     * Port 0, the demo organisation, 3599-second tokens, pages of at most 5000, the system clock, the test hooks on.
     */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(
                0, OrganisationSeed.demo(), Duration.ofSeconds(3599), 5000, Clock.systemUTC(), true);
    }

    /** Without the hooks of tests: nothing is recorded and no fault can be injected (demo mode). */
    public SimulatorOptions withoutTestHooks() {
        return new SimulatorOptions(port, seed, tokenLifetime, maxPageSize, clock, false);
    }

    public SimulatorOptions withPort(int value) {
        return new SimulatorOptions(value, seed, tokenLifetime, maxPageSize, clock, testHooks);
    }

    public SimulatorOptions withSeed(OrganisationSeed value) {
        return new SimulatorOptions(port, value, tokenLifetime, maxPageSize, clock, testHooks);
    }

    public SimulatorOptions withTokenLifetime(Duration value) {
        return new SimulatorOptions(port, seed, value, maxPageSize, clock, testHooks);
    }

    public SimulatorOptions withMaxPageSize(int value) {
        return new SimulatorOptions(port, seed, tokenLifetime, value, clock, testHooks);
    }

    public SimulatorOptions withClock(Clock value) {
        return new SimulatorOptions(port, seed, tokenLifetime, maxPageSize, value, testHooks);
    }
}
