package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/**
 * Dataverse no longer knows the changes since this token ({@code organization.expirechangetrackingindays}, 7 days
 * by default, or its tracking data was cleaned up): the table must be read in full again (docs/dataverse.md §12).
 */
public final class ChangeTokenExpired extends DataverseRejectedRequest {

    public ChangeTokenExpired(String message, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, dataverseCode, requestId);
    }
}
