package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/** Dataverse has no record with the id asked for (404, usually {@code 0x80040217}). */
public final class RecordNotFound extends DataverseException {

    public RecordNotFound(String message, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, dataverseCode, requestId);
    }
}
