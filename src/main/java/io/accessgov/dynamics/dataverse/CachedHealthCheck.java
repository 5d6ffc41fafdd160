package io.accessgov.dynamics.dataverse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;

/**
 * A health check that cannot be turned against what it checks: it runs at most once per interval however many
 * callers ask, and every caller in between gets the remembered result, which says when it was found
 * ({@code checkedAt}) and how long the check took ({@code latencyMs}). A caller never waits longer than the budget
 * for a check under way; callers arriving while one runs share it, and a check that outlives the budget is reported
 * DOWN until it ends (its own result then replaces that). One instance per health component, each with a thread of
 * its own; {@link #close()} stops it.
 */
@Slf4j
public final class CachedHealthCheck implements AutoCloseable {

    private final String subject;
    private final Supplier<Health> check;
    private final Duration interval;
    private final Duration budget;
    private final Clock clock;
    private final ExecutorService thread;

    private volatile @Nullable Checked last;
    private @Nullable Running running;

    /**
     * @param subject what is checked, as the start of a sentence, e.g. {@code "Dataverse (WhoAmI)"}; also names the
     *     thread
     * @param check the check itself; its exceptions count as DOWN
     * @param interval how long a result is reused before the next caller starts a new check
     * @param budget how long a caller waits at most for a check under way
     */
    public CachedHealthCheck(String subject, Supplier<Health> check, Duration interval, Duration budget, Clock clock) {
        this.subject = subject;
        this.check = check;
        this.interval = interval;
        this.budget = budget;
        this.clock = clock;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread health = new Thread(runnable, "health " + subject);
            health.setDaemon(true);
            return health;
        });
    }

    /** The remembered result while it is younger than the interval; otherwise a new check's, within the budget. */
    public Health current() {
        Checked remembered = last;
        Instant now = clock.instant();
        if (fresh(remembered, now)) {
            return remembered.health();
        }
        Running run = runningOrStarted(now);
        long left = budget.minus(Duration.between(run.startedAt(), now)).toMillis();
        try {
            return run.result().get(Math.max(0, left), TimeUnit.MILLISECONDS).health();
        } catch (TimeoutException e) {
            Health.Builder down = Health.down()
                    .withDetail("reason", subject + " did not answer within " + budget.toMillis() + " ms.");
            return remember(finished(down, run.startedAt(), run.startedAt(), budget, false))
                    .health();
        } catch (ExecutionException e) {
            // checkNow catches everything the check throws; only a broken executor ends here
            return Health.down()
                    .withDetail("reason", "The health check failed unexpectedly.")
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down()
                    .withDetail("reason", "The health check was interrupted.")
                    .build();
        }
    }

    private boolean fresh(@Nullable Checked result, Instant now) {
        return result != null && now.isBefore(result.checkedAt().plus(interval));
    }

    private synchronized Running runningOrStarted(Instant now) {
        Checked remembered = last;
        if (fresh(remembered, now)) {
            // a check finished while this caller was on its way here
            return new Running(CompletableFuture.completedFuture(remembered), now);
        }
        if (running == null || running.result().isDone()) {
            running = new Running(CompletableFuture.supplyAsync(() -> remember(checkNow(now)), thread), now);
        }
        return running;
    }

    private Checked checkNow(Instant runStartedAt) {
        Instant started = clock.instant();
        Health.Builder health;
        try {
            Health result = check.get();
            health = Health.status(result.getStatus()).withDetails(result.getDetails());
        } catch (RuntimeException e) {
            log.warn("The health check of {} failed unexpectedly", subject, e);
            health = Health.down().withDetail("reason", "The health check failed unexpectedly.");
        }
        return finished(health, runStartedAt, started, Duration.between(started, clock.instant()), true);
    }

    private static Checked finished(
            Health.Builder health, Instant runStartedAt, Instant started, Duration took, boolean answered) {
        Instant checkedAt = started.plus(took);
        return new Checked(
                health.withDetail("checkedAt", checkedAt.toString())
                        .withDetail("latencyMs", took.toMillis())
                        .build(),
                checkedAt,
                runStartedAt,
                answered);
    }

    /**
     * Keeps the result of the latest check: a later check's result replaces an earlier one's, and a check's own
     * answer replaces the timeout its callers were given meanwhile (never the other way round).
     */
    private synchronized Checked remember(Checked result) {
        Checked remembered = last;
        if (remembered == null
                || result.runStartedAt().isAfter(remembered.runStartedAt())
                || (result.runStartedAt().equals(remembered.runStartedAt())
                        && (result.answered() || !remembered.answered()))) {
            last = result;
        }
        return result;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /**
     * @param runStartedAt when the check this result belongs to was started
     * @param answered true for the check's own result, false for the timeout its callers were given
     */
    private record Checked(Health health, Instant checkedAt, Instant runStartedAt, boolean answered) {}

    private record Running(CompletableFuture<Checked> result, Instant startedAt) {}
}
