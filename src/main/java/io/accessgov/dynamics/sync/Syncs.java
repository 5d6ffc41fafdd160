package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.environment.Environment;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The sync service of each environment (docs/api.md §9): one sync runs per environment at a time, and different
 * environments may sync at once; a sync id names a sync of its own environment only.
 */
final class Syncs implements AutoCloseable {

    private final Map<String, SyncService> byEnvironment;
    private final ExecutorService renewals;

    Syncs(Map<String, SyncService> byEnvironment, ExecutorService renewals) {
        this.byEnvironment = Map.copyOf(byEnvironment);
        this.renewals = renewals;
    }

    /** The syncs of this environment. */
    SyncService of(Environment environment) {
        SyncService service = byEnvironment.get(environment.name());
        if (service == null) {
            throw new IllegalStateException("no sync service for environment " + environment.name());
        }
        return service;
    }

    @Override
    public void close() throws InterruptedException {
        for (SyncService service : byEnvironment.values()) {
            service.close();
        }
        renewals.shutdownNow();
    }
}
