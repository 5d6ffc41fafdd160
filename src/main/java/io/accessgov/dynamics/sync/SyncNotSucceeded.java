package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.Map;

/** The snapshot of a sync that is still running, or that failed, was asked for: there is none. */
final class SyncNotSucceeded extends ApiProblem {

    private final Sync sync;

    SyncNotSucceeded(Sync sync) {
        super(
                ProblemKind.SYNC_NOT_SUCCEEDED,
                "Sync " + sync.id() + " is " + sync.status()
                        + (sync.status() == SyncStatus.RUNNING
                                ? "; its snapshot can be read once it has SUCCEEDED."
                                : " and has no snapshot; start a new sync."));
        this.sync = sync;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of(
                "syncId", sync.id().toString(), "syncStatus", sync.status().name());
    }
}
