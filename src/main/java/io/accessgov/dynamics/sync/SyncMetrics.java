package io.accessgov.dynamics.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sync's meters (docs/api.md §7, README "Metrics"): {@code connector.sync.duration} by outcome,
 * {@code connector.sync.rows} per table, and {@code connector.sync.last.success} (epoch seconds of the last successful
 * sync's end; 0 before one). Every series is registered at start-up, at zero: one duration per way a sync ends and
 * one row count per table read, so that alerts need no {@code or vector(0)}.
 */
final class SyncMetrics {

    private static final String ENVIRONMENT = "environment";

    private final MeterRegistry registry;
    private final String environment;
    private final AtomicLong lastSuccess = new AtomicLong();

    /** The meters of one environment's syncs: every meter carries the tag {@code environment}. */
    SyncMetrics(MeterRegistry registry, String environment) {
        this.registry = registry;
        this.environment = environment;
        Gauge.builder("connector.sync.last.success", lastSuccess, AtomicLong::get)
                .tag(ENVIRONMENT, environment)
                .description("When the last successful sync ended, in seconds since the epoch; 0 before one")
                .baseUnit("seconds")
                .register(registry);
        for (SyncStatus status : SyncStatus.values()) {
            if (status != SyncStatus.RUNNING) {
                duration(status);
            }
        }
        SyncRun.TABLES.forEach(table -> rows(table.name()));
    }

    void rows(String table, long rows) {
        rows(table).increment(rows);
    }

    void finished(Sync sync) {
        if (sync.finishedAt() == null) {
            return;
        }
        duration(sync.status()).record(Duration.between(sync.startedAt(), sync.finishedAt()));
        if (sync.status() == SyncStatus.SUCCEEDED) {
            succeededAt(sync.finishedAt());
        }
    }

    void succeededAt(Instant at) {
        lastSuccess.accumulateAndGet(at.getEpochSecond(), Math::max);
    }

    private Counter rows(String table) {
        return Counter.builder("connector.sync.rows")
                .description("Rows read from Dataverse by syncs (for an incremental sync, its changes)")
                .tag(ENVIRONMENT, environment)
                .tag("table", table)
                .register(registry);
    }

    private Timer duration(SyncStatus outcome) {
        return Timer.builder("connector.sync.duration")
                .description("How long syncs took")
                .tag(ENVIRONMENT, environment)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
