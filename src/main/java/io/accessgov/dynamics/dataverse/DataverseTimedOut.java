package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/** Dataverse did not answer within the read timeout or the operation's overall deadline. */
public final class DataverseTimedOut extends DataverseException {

    public DataverseTimedOut(String message, @Nullable String requestId) {
        super(message, null, requestId);
    }
}
