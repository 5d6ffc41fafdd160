package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/**
 * Dataverse refused to read a table with change tracking: the table (or both tables an intersect relates) is not
 * enabled for it, or the read was one change tracking does not allow (docs/dataverse.md §12). The table can only be
 * read in full.
 */
public final class ChangeTrackingRefused extends DataverseRejectedRequest {

    public ChangeTrackingRefused(String message, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, dataverseCode, requestId);
    }
}
