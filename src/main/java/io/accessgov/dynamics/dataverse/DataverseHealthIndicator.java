package io.accessgov.dynamics.dataverse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code dataverse} health component: signs in (token) and calls {@code WhoAmI}. UP with the environment, the
 * calling user and the latency; DOWN with a short reason a person can act on. Never shows the secret. Belongs in
 * the readiness group, never in liveness.
 *
 * <p>A probe answers within {@link #PROBE_BUDGET} even when Dataverse is slow (the client's own retries and deadline
 * may take far longer), and probes arriving while a check is under way share it instead of piling up requests.
 */
@Component("dataverseHealthIndicator")
class DataverseHealthIndicator implements HealthIndicator, DisposableBean {

    static final Duration PROBE_BUDGET = Duration.ofSeconds(5);

    private final DataverseClient client;
    private final DataverseConnectionInfo connection;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dataverse-health");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration budget;
    private CompletableFuture<Health> running;

    @Autowired
    DataverseHealthIndicator(DataverseClient client, DataverseConnectionInfo connection) {
        this(client, connection, PROBE_BUDGET);
    }

    DataverseHealthIndicator(DataverseClient client, DataverseConnectionInfo connection, Duration budget) {
        this.client = client;
        this.connection = connection;
        this.budget = budget;
    }

    @Override
    public Health health() {
        long started = System.nanoTime();
        Health.Builder health;
        try {
            Health result = check().get(budget.toMillis(), TimeUnit.MILLISECONDS);
            health = Health.status(result.getStatus()).withDetails(result.getDetails());
        } catch (TimeoutException e) {
            health = Health.down()
                    .withDetail("reason", "Dataverse did not answer WhoAmI within " + budget.toMillis() + " ms.");
        } catch (ExecutionException e) {
            health = Health.down().withDetail("reason", "The health check failed unexpectedly.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            health = Health.down().withDetail("reason", "The health check was interrupted.");
        }
        return health.withDetail("environmentUrl", connection.environmentUrl().toString())
                .withDetail("mode", connection.mode().label())
                .withDetail(
                        "latencyMs",
                        Duration.ofNanos(System.nanoTime() - started).toMillis())
                .build();
    }

    private synchronized CompletableFuture<Health> check() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::whoAmI, checks);
        }
        return running;
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
    public void destroy() {
        checks.shutdownNow();
    }
}
