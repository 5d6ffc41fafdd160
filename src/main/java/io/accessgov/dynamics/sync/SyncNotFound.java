package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.UUID;

/** No sync with this id is kept. */
final class SyncNotFound extends ApiProblem {

    SyncNotFound(UUID id) {
        super(ProblemKind.SYNC_NOT_FOUND, "No sync " + id + " is kept; GET /api/v1/syncs lists the syncs kept.");
    }
}
