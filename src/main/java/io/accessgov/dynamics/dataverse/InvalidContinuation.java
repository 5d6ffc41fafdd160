package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/**
 * A paging continuation does not lead into the configured environment's data, so it was not followed; nothing was
 * sent.
 */
public final class InvalidContinuation extends DataverseException {

    public InvalidContinuation(String message, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, dataverseCode, requestId);
    }
}
