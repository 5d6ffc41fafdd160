package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/** Dataverse has no record with the id asked for (404, usually {@code 0x80040217}). */
public final class RecordNotFound extends DataverseException {

    /** The code Dataverse usually sends with it (ObjectDoesNotExist), for documentation examples. */
    public static final String TYPICAL_CODE = "0x80040217";

    public RecordNotFound(String message, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, dataverseCode, requestId);
    }
}
