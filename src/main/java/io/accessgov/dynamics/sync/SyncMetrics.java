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

    private final MeterRegistry registry;
    private final AtomicLong lastSuccess = new AtomicLong();

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("connector.sync.last.success", lastSuccess, AtomicLong::get)
                .description("When the last successful full sync ended, in seconds since the epoch; 0 before one")
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
                .description("Rows read from Dataverse by full syncs")
                .tag("table", table)
                .register(registry);
    }

    private Timer duration(SyncStatus outcome) {
        return Timer.builder("connector.sync.duration")
                .description("How long full syncs took")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
