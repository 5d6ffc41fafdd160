package io.accessgov.dynamics.sync;

/** Where a full sync stands (docs/api.md §8). */
public enum SyncStatus {
    /** Reading Dataverse or writing the snapshot. */
    RUNNING,
    /** The snapshot is complete and can be exported. */
    SUCCEEDED,
    /** Cut short by an error or a restart; {@code problem} says why. No snapshot is served. */
    FAILED
}
