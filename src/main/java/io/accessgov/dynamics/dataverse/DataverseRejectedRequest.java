package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/**
 * Dataverse refused the request as malformed (400 that is not a business rule); a fault of this service, not the
 * caller.
 */
public sealed class DataverseRejectedRequest extends DataverseException
        permits ChangeTokenExpired, ChangeTrackingRefused {

    public DataverseRejectedRequest(String message, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, dataverseCode, requestId);
    }
}
