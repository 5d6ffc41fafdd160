package io.accessgov.dynamics.sync;

/** How a sync reads Dataverse (docs/api.md §11). */
public enum SyncMode {
    /** Every table read whole. */
    FULL,
    /**
     * Only what changed since the previous successful sync, for every table whose changes Dataverse tracks; the
     * others, and any table whose changes cannot be followed, read whole. The snapshot is the one a full sync would
     * produce.
     */
    INCREMENTAL
}
