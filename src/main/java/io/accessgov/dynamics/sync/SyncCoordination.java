package io.accessgov.dynamics.sync;

import java.util.Optional;
import java.util.UUID;

/**
 * The one-running-sync-per-environment rule beyond this process (docs/api.md §12), and the writes of a sync's record
 * that must agree with it. The embedded default has one replica, whose {@link SyncService} alone decides; with a
 * shared database a lease row per environment, renewed while the sync runs, decides across replicas.
 */
interface SyncCoordination {

    /**
     * Takes the environment's lease for a new sync.
     *
     * @return empty when taken; else the id of the sync another replica runs
     */
    Optional<UUID> acquire(String environment, UUID syncId);

    /**
     * Renews the lease of a running sync and records its progress.
     *
     * @return false when the lease was lost (it expired and was taken over): the sync must stop
     */
    boolean renew(Sync progress);

    /**
     * Records how a sync ended and gives up its lease, at once.
     *
     * @return false when the lease had been lost, so the sync was already reported interrupted; nothing is recorded
     */
    boolean complete(Sync result);

    /**
     * Records a sync found RUNNING as {@code failed}, if nobody runs it any more: its lease expired or it has none.
     * The caller has checked that this process does not run it.
     */
    void failIfAbandoned(Sync failed);

    /** The embedded default: this process is the only replica, so its sync service alone decides. */
    static SyncCoordination singleReplica(SnapshotStore store) {
        return new SyncCoordination() {
            @Override
            public Optional<UUID> acquire(String environment, UUID syncId) {
                return Optional.empty();
            }

            @Override
            public boolean renew(Sync progress) {
                return true;
            }

            @Override
            public boolean complete(Sync result) {
                store.save(result);
                return true;
            }

            @Override
            public void failIfAbandoned(Sync failed) {
                store.save(failed);
            }
        };
    }
}
