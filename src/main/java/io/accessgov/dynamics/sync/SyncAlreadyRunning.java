package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.Map;
import java.util.UUID;

/** A sync was asked for while another runs; the problem names the running one. */
final class SyncAlreadyRunning extends ApiProblem {

    private final UUID runningSyncId;

    SyncAlreadyRunning(UUID runningSyncId) {
        super(
                ProblemKind.SYNC_ALREADY_RUNNING,
                "Sync " + runningSyncId + " is running; follow it at /api/v1/syncs/" + runningSyncId + ".");
        this.runningSyncId = runningSyncId;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("runningSyncId", runningSyncId.toString());
    }
}
