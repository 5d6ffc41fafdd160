package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.Map;
import java.util.UUID;

/** The changes of a sync were asked for against the previous one, and no earlier sync of its environment succeeded. */
final class NoEarlierSync extends ApiProblem {

    private final UUID sync;

    NoEarlierSync(UUID sync) {
        super(
                ProblemKind.NO_EARLIER_SYNC,
                "No sync of this environment succeeded before sync " + sync
                        + ", so there is nothing to compare it with; name one with since.");
        this.sync = sync;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("syncId", sync.toString());
    }
}
