package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.web.CursorPages;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;

/**
 * Starts syncs (full or incremental) in the background, one at a time, and answers for them: the running one from
 * memory, the others from the snapshot store. A sync found RUNNING that nobody runs any more (this process restarted,
 * or the replica running it died and its lease expired: {@link SyncCoordination}) becomes FAILED
 * {@code sync-interrupted};
 * after each sync only the newest {@code keep} snapshots (and as many failed syncs) are kept.
 */
@Slf4j
class SyncService implements AutoCloseable {

    /** Newest first; ties (same start) by id, so the order is total. */
    static final Comparator<Sync> NEWEST_FIRST = Comparator.comparing(Sync::startedAt)
            .thenComparing(sync -> sync.id().toString())
            .reversed();

    /** {@link #NEWEST_FIRST} for paging: by a cursor that names a sync's start and id. */
    private static final CursorPages.Order<Sync> NEWEST_FIRST_PAGES =
            CursorPages.Order.descending("syncs", SyncService::cursorOf);

    private final String environment;
    private final boolean defaultEnvironment;
    private final SnapshotStore store;
    private final SyncCoordination coordination;
    private final ScheduledExecutorService renewals;
    private final Duration renewEvery;
    private final SyncJob job;
    private final ExecutorService runner;
    private final SyncMetrics metrics;
    private final CursorPages pages;
    private final Clock clock;
    private final int keep;
    private final Object lock = new Object();
    private @Nullable SyncRun running;
    private @Nullable ScheduledFuture<?> renewal;

    /**
     * @param environment the environment whose syncs this runs and answers for; the store may hold other
     *     environments' syncs too, which this neither shows nor touches
     * @param defaultEnvironment whether it is the default environment, which also owns the syncs an earlier version
     *     kept without an environment
     */
    SyncService(
            String environment,
            boolean defaultEnvironment,
            SnapshotStore store,
            SyncCoordination coordination,
            ScheduledExecutorService renewals,
            Duration lease,
            SyncJob job,
            ExecutorService runner,
            SyncMetrics metrics,
            PageTokens pageTokens,
            Clock clock,
            int keep) {
        this.environment = environment;
        this.defaultEnvironment = defaultEnvironment;
        this.store = store;
        this.coordination = coordination;
        this.renewals = renewals;
        this.renewEvery = lease.dividedBy(3);
        this.job = job;
        this.runner = runner;
        this.metrics = metrics;
        this.pages = new CursorPages(pageTokens);
        this.clock = clock;
        this.keep = keep;
        recover();
    }

    /** The syncs of this environment the store keeps, each named with it. */
    private List<Sync> kept() {
        return store.list().stream()
                .filter(this::ours)
                .map(sync -> sync.in(environment))
                .toList();
    }

    private boolean ours(Sync sync) {
        return sync.environment() == null
                ? defaultEnvironment
                : sync.environment().equals(environment);
    }

    private void recover() {
        for (Sync sync : kept()) {
            if (sync.status() == SyncStatus.RUNNING) {
                coordination.failIfAbandoned(sync.failed(
                        clock.instant(),
                        SyncJob.interrupted("The service restarted while the sync ran; start a new sync.")));
            } else if (sync.status() == SyncStatus.SUCCEEDED && sync.finishedAt() != null) {
                metrics.succeededAt(sync.finishedAt());
            }
        }
    }

    /**
     * Starts a sync in the background (docs/api.md §11).
     *
     * @param requested the mode asked for; null for INCREMENTAL when the previous successful sync can be continued
     *     (it kept a delta state), else FULL
     * @throws SyncAlreadyRunning when one runs
     */
    Sync start(@Nullable SyncMode requested) {
        synchronized (lock) {
            if (running != null) {
                throw new SyncAlreadyRunning(running.id());
            }
            SyncJob.Previous previous = previous();
            SyncMode mode = requested != null
                    ? requested
                    : previous != null && hasState(previous) ? SyncMode.INCREMENTAL : SyncMode.FULL;
            SyncRun run = new SyncRun(UUID.randomUUID(), environment, mode, clock.instant(), metrics::rows);
            coordination.acquire(environment, run.id()).ifPresent(other -> {
                throw new SyncAlreadyRunning(other);
            });
            Sync started = run.running();
            store.save(started);
            SyncJob.Previous from = mode == SyncMode.INCREMENTAL ? previous : null;
            try {
                runner.execute(() -> finish(run, from));
            } catch (RejectedExecutionException stopping) {
                Sync failed = started.failed(clock.instant(), SyncJob.interrupted("The service is stopping."));
                coordination.complete(failed);
                return failed;
            }
            running = run;
            renewal = renewals.scheduleWithFixedDelay(
                    () -> renew(run), renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
            return started;
        }
    }

    /** The newest successful sync of this environment with its snapshot, if one is kept. */
    private SyncJob.@Nullable Previous previous() {
        return kept().stream()
                .filter(sync -> sync.status() == SyncStatus.SUCCEEDED)
                .sorted(NEWEST_FIRST)
                .findFirst()
                .flatMap(sync -> {
                    try {
                        return Optional.of(new SyncJob.Previous(sync, store.read(sync.id())));
                    } catch (IOException e) {
                        log.warn("The snapshot of sync {} cannot be read: {}", sync.id(), e.getMessage());
                        return Optional.empty();
                    }
                })
                .orElse(null);
    }

    private static boolean hasState(SyncJob.Previous previous) {
        try {
            Optional<InputStream> state = previous.snapshot().state();
            if (state.isPresent()) {
                state.get().close();
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The successful sync of this environment that started last before this one, which {@code changes} compares
     * with when no other is named (docs/api.md §11).
     *
     * @throws SyncNotFound when this sync is not kept
     * @throws SyncNotSucceeded when it runs or failed
     * @throws NoEarlierSync when no earlier sync of the environment succeeded
     */
    UUID earlierThan(UUID id) {
        Sync sync = get(id);
        if (sync.status() != SyncStatus.SUCCEEDED) {
            throw new SyncNotSucceeded(sync);
        }
        return kept().stream()
                .filter(other -> other.status() == SyncStatus.SUCCEEDED)
                .filter(other -> NEWEST_FIRST.compare(other, sync) > 0)
                .sorted(NEWEST_FIRST)
                .findFirst()
                .map(Sync::id)
                .orElseThrow(() -> new NoEarlierSync(id));
    }

    /** Keeps the sync's lease and shows its progress to the other replicas; stops the sync once the lease is lost. */
    private void renew(SyncRun run) {
        try {
            if (!coordination.renew(run.running())) {
                log.warn("Sync {} of environment '{}' lost its lease; it stops", run.id(), environment);
                run.cancel();
            }
        } catch (RuntimeException e) {
            log.warn("Cannot renew the lease of sync {}: {}", run.id(), e.getMessage());
        }
    }

    private void finish(SyncRun run, SyncJob.@Nullable Previous previous) {
        Sync result = job.run(run, previous);
        synchronized (lock) {
            if (renewal != null) {
                renewal.cancel(false);
                renewal = null;
            }
            try {
                if (!coordination.complete(result)) {
                    log.warn(
                            "Sync {} of environment '{}' ended {} after losing its lease; it stays reported FAILED",
                            run.id(),
                            environment,
                            result.status());
                }
            } catch (RuntimeException e) {
                log.error(
                        "Sync {} of environment '{}' ended {} but that could not be recorded; it will be reported"
                                + " FAILED once its lease expires",
                        run.id(),
                        environment,
                        result.status(),
                        e);
                return;
            } finally {
                running = null;
            }
        }
        metrics.finished(result);
        log.info(
                "Sync {} of environment '{}' {}: {} Dataverse requests, {} throttled ms, {}",
                run.id(),
                environment,
                result.status(),
                result.dataverseRequests(),
                result.throttledWaitMillis(),
                result.counts());
        prune();
    }

    private void prune() {
        List<Sync> all = kept().stream().sorted(NEWEST_FIRST).toList();
        all.stream()
                .filter(sync -> sync.status() == SyncStatus.SUCCEEDED)
                .skip(keep)
                .forEach(this::forget);
        all.stream()
                .filter(sync -> sync.status() == SyncStatus.FAILED)
                .skip(keep)
                .forEach(this::forget);
    }

    private void forget(Sync sync) {
        log.info("Deleting sync {} of environment '{}' beyond the newest {} kept", sync.id(), environment, keep);
        store.delete(sync.id());
    }

    /** The sync with this id of this environment, live while it runs; a sync of another environment is not found. */
    Sync get(UUID id) {
        return find(id).orElseThrow(() -> new SyncNotFound(id));
    }

    private Optional<Sync> find(UUID id) {
        synchronized (lock) {
            if (running != null && running.id().equals(id)) {
                return Optional.of(running.running());
            }
        }
        Optional<Sync> kept = store.find(id).filter(this::ours);
        if (kept.isPresent() && kept.get().status() == SyncStatus.RUNNING) {
            coordination.failIfAbandoned(kept.get()
                    .failed(
                            clock.instant(),
                            SyncJob.interrupted("The replica running the sync stopped before it finished; start a"
                                    + " new sync.")));
            kept = store.find(id).filter(this::ours);
        }
        return kept.map(sync -> sync.in(environment));
    }

    /** A page of the syncs kept, newest first. */
    Page<Sync> list(@Nullable Integer pageSize, @Nullable String pageToken) {
        return pages.page(
                NEWEST_FIRST_PAGES.in(environment), PageTokens.fingerprint(), pageSize, pageToken, () -> kept().stream()
                        .map(sync -> find(sync.id()).orElse(sync))
                        .toList());
    }

    /** Orders like {@link #NEWEST_FIRST} reversed: a later start, or the same start and a larger id, is larger. */
    private static String cursorOf(Sync sync) {
        return String.format(
                "%020d%09d|%s",
                sync.startedAt().getEpochSecond(), sync.startedAt().getNano(), sync.id());
    }

    /**
     * The snapshot of a sync that succeeded.
     *
     * @throws SyncNotFound when no such sync is kept
     * @throws SyncNotSucceeded when it runs or failed
     */
    SnapshotStore.Snapshot snapshot(UUID id) {
        Sync sync = get(id);
        if (sync.status() != SyncStatus.SUCCEEDED) {
            throw new SyncNotSucceeded(sync);
        }
        try {
            return store.read(id);
        } catch (IOException e) {
            throw new UncheckedIOException("The snapshot of sync " + id + " cannot be read", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        SyncRun run;
        synchronized (lock) {
            run = running;
        }
        if (run != null) {
            run.cancel();
        }
        runner.shutdownNow();
        if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn(
                    "A sync of environment '{}' did not stop within 30 s; it will be reported FAILED at the next start",
                    environment);
        }
    }
}
