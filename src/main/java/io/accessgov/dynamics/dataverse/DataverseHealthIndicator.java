package io.accessgov.dynamics.dataverse;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code dataverse} health component: signs in (token) and calls {@code WhoAmI}. UP with the environment, the
 * calling user and the latency; DOWN with a short reason a person can act on. Never shows the secret. Belongs in
 * the readiness group, never in liveness.
 */
@Component("dataverseHealthIndicator")
class DataverseHealthIndicator implements HealthIndicator {

    private final DataverseClient client;
    private final DataverseConnectionInfo connection;

    DataverseHealthIndicator(DataverseClient client, DataverseConnectionInfo connection) {
        this.client = client;
        this.connection = connection;
    }

    @Override
    public Health health() {
        long started = System.nanoTime();
        Health.Builder health;
        try {
            WhoAmI me = client.whoAmI();
            health = Health.up().withDetail("userId", me.userId().toString());
        } catch (DataverseException e) {
            health = Health.down().withDetail("reason", e.getMessage());
            if (e.dataverseCode().isPresent()) {
                health.withDetail("code", e.dataverseCode().get());
            }
        }
        return health.withDetail("environmentUrl", connection.environmentUrl().toString())
                .withDetail("mode", connection.mode().label())
                .withDetail("latencyMs", Duration.ofNanos(System.nanoTime() - started).toMillis())
                .build();
    }
}
