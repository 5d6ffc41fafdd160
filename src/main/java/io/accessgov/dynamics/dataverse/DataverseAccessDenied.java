package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/** Dataverse refused the service's application user: a privilege or the application user itself is missing (403). */
public final class DataverseAccessDenied extends DataverseException {

    /** The code Dataverse usually sends with it (PrivilegeDenied), for documentation examples. */
    public static final String TYPICAL_CODE = "0x80040220";

    public DataverseAccessDenied(String message, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, dataverseCode, requestId);
    }
}
