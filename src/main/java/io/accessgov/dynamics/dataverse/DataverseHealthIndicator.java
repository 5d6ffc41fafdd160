package io.accessgov.dynamics.dataverse;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one environment's door to Dataverse (the component {@code dataverse-<name>}, docs/api.md §9): signs
 * in (token) and calls {@code WhoAmI}. UP with the environment, the calling user and the latency; DOWN with a short
 * reason a person can act on. Never shows the secret. Never part of liveness.
 *
 * <p>The check runs at most once per {@code dynamics.health.interval} however many probes, monitors and people ask
 * (see {@link CachedHealthCheck}); {@code /readyz}, {@code /actuator/health} and everything else that shows the
 * status share that result, whose {@code checkedAt} says when it was found. A probe answers within
 * {@link #PROBE_BUDGET} even when Dataverse is slow (the client's own retries and deadline may take far longer).
 */
public final class DataverseHealthIndicator implements HealthIndicator, AutoCloseable {

    static final Duration PROBE_BUDGET = Duration.ofSeconds(5);

    private final DataverseClient client;
    private final DataverseConnectionInfo connection;
    private final CachedHealthCheck check;

    /** The health of the environment behind {@code client}, checked at most once per {@code interval}. */
    public DataverseHealthIndicator(DataverseClient client, DataverseConnectionInfo connection, Duration interval) {
        this(client, connection, interval, PROBE_BUDGET, Clock.systemUTC());
    }

    /** With the default interval and budget. */
    DataverseHealthIndicator(DataverseClient client, DataverseConnectionInfo connection) {
        this(client, connection, HealthCheckProperties.DEFAULT_INTERVAL, PROBE_BUDGET, Clock.systemUTC());
    }

    DataverseHealthIndicator(
            DataverseClient client,
            DataverseConnectionInfo connection,
            Duration interval,
            Duration budget,
            Clock clock) {
        this.client = client;
        this.connection = connection;
        this.check = new CachedHealthCheck("Dataverse (WhoAmI)", this::whoAmI, interval, budget, clock);
    }

    @Override
    public Health health() {
        Health result = check.current();
        return Health.status(result.getStatus())
                .withDetails(result.getDetails())
                .withDetail("environmentUrl", connection.environmentUrl().toString())
                .withDetail("mode", connection.mode().label())
                .build();
    }

    private Health whoAmI() {
        try {
            WhoAmI me = client.whoAmI();
            return Health.up().withDetail("userId", me.userId().toString()).build();
        } catch (DataverseException e) {
            Health.Builder down = Health.down().withDetail("reason", e.getMessage());
            e.dataverseCode().ifPresent(code -> down.withDetail("code", code));
            return down.build();
        }
    }

    @Override
    public void close() {
        check.close();
    }
}
