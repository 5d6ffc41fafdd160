package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.web.ConnectorProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Starts syncs by themselves (docs/api.md §11): for each environment an incremental and a full schedule, each a
 * Spring cron expression, the environment's own ({@code dynamics.environments.<name>.syncs.schedule.*}) or else the
 * service's ({@code connector.syncs.schedule.*}); empty is off. A scheduled sync that finds one running in its
 * environment is skipped and logged, never queued.
 */
@Slf4j
final class SyncSchedules implements AutoCloseable {

    /** One schedule, resolved: which environment, which mode, when. */
    record Planned(String environment, SyncMode mode, String cron, String property) {}

    private final @Nullable ThreadPoolTaskScheduler scheduler;
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

    SyncSchedules(Syncs syncs, List<Environment> environments, List<Planned> plans) {
        if (plans.isEmpty()) {
            scheduler = null;
            log.info("No sync is scheduled");
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("sync-schedule-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        for (Planned plan : plans) {
            Environment environment = environments.stream()
                    .filter(candidate -> candidate.name().equals(plan.environment()))
                    .findFirst()
                    .orElseThrow();
            scheduled.add(scheduler.schedule(() -> start(syncs, environment, plan), new CronTrigger(plan.cron())));
            log.info(
                    "{} syncs of environment '{}' are scheduled at '{}' ({})",
                    plan.mode(),
                    plan.environment(),
                    plan.cron(),
                    plan.property());
        }
    }

    /**
     * The schedules of these environments.
     *
     * @throws IllegalStateException naming the property, when an expression is not a Spring cron expression
     */
    static List<Planned> plan(
            List<Environment> environments,
            ConnectorProperties.Schedule defaults,
            Map<String, EnvironmentSyncProperties.PerEnvironment> perEnvironment) {
        List<Planned> plans = new ArrayList<>();
        for (Environment environment : environments) {
            EnvironmentSyncProperties.PerEnvironment own = perEnvironment.get(environment.name());
            ConnectorProperties.Schedule schedule =
                    own == null ? null : own.syncs().schedule();
            String prefix = "dynamics.environments." + environment.name() + ".syncs.schedule.";
            plan(
                            environment,
                            SyncMode.INCREMENTAL,
                            schedule == null ? null : schedule.incremental(),
                            prefix + "incremental",
                            defaults.incremental(),
                            "connector.syncs.schedule.incremental")
                    .ifPresent(plans::add);
            plan(
                            environment,
                            SyncMode.FULL,
                            schedule == null ? null : schedule.full(),
                            prefix + "full",
                            defaults.full(),
                            "connector.syncs.schedule.full")
                    .ifPresent(plans::add);
        }
        return plans;
    }

    private static Optional<Planned> plan(
            Environment environment,
            SyncMode mode,
            @Nullable String own,
            String ownProperty,
            @Nullable String fallback,
            String fallbackProperty) {
        String property = own != null ? ownProperty : fallbackProperty;
        Optional<String> cron = ConnectorProperties.Schedule.expression(own != null ? own : fallback);
        if (cron.isPresent() && !CronExpression.isValidExpression(cron.get())) {
            throw new IllegalStateException(property + " must be a Spring cron expression such as '0 */15 * * * *'"
                    + " (seconds first), or empty for no schedule; it is '" + cron.get() + "'");
        }
        return cron.map(expression -> new Planned(environment.name(), mode, expression, property));
    }

    private static void start(Syncs syncs, Environment environment, Planned plan) {
        try {
            Sync sync = syncs.of(environment).start(plan.mode());
            log.info("Scheduled {} sync {} of environment '{}' started", plan.mode(), sync.id(), plan.environment());
        } catch (SyncAlreadyRunning running) {
            log.info(
                    "Scheduled {} sync of environment '{}' skipped: sync {} is still running",
                    plan.mode(),
                    plan.environment(),
                    running.properties().get("runningSyncId"));
        } catch (RuntimeException e) {
            log.error("Scheduled {} sync of environment '{}' could not start", plan.mode(), plan.environment(), e);
        }
    }

    @Override
    public void close() {
        scheduled.forEach(future -> future.cancel(false));
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }
}
