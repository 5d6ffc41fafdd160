package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/**
 * What a change to a link (a role assignment or a team membership) did in Dataverse.
 *
 * @param outcome whether this call changed Dataverse or found the change already made
 * @param requestId Dataverse's request id ({@code REQ_ID}) of the last write sent, for audit; null when Dataverse's
 *     answer was lost (a timeout) and the outcome was learnt by reading back
 * @param attempts how many times the write was sent
 * @param readBack true when the outcome was learnt by reading the link back after an answer that left it uncertain
 *     (throttled, timed out, failed)
 */
public record LinkChange(Outcome outcome, @Nullable String requestId, int attempts, boolean readBack) {

    /** Whether the call changed anything. */
    public enum Outcome {
        /** The link was added or removed by this call. */
        CHANGED,
        /** The link was already as asked (present for an add, absent for a removal); nothing changed. */
        ALREADY_DONE
    }

    public boolean changed() {
        return outcome == Outcome.CHANGED;
    }
}
