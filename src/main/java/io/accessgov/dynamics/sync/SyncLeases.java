package io.accessgov.dynamics.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leases in PostgreSQL ({@code sync_lease}): one row per environment naming the running sync and until when its
 * replica vouches for it. The replica renews it while the sync runs (every third of {@code connector.syncs.lease}); a
 * replica that dies stops renewing, and once the lease has expired any replica reports the sync FAILED
 * {@code sync-interrupted}, removes its uncommitted chunks and may start a new one. Times are the database's, so the
 * replicas' clocks need not agree. Each decision is one transaction, so two replicas never both start a sync, and a
 * sync that completes is never also reported interrupted.
 */
@Slf4j
final class SyncLeases implements SyncCoordination {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JdbcSnapshotStore store;
    private final JsonMapper json;
    private final String owner;
    private final long leaseMillis;

    SyncLeases(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            JdbcSnapshotStore store,
            JsonMapper json,
            String owner,
            Duration lease) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.store = store;
        this.json = json;
        this.owner = owner;
        this.leaseMillis = lease.toMillis();
    }

    @Override
    public Optional<UUID> acquire(String environment, UUID syncId) {
        return transactions.execute(status -> {
            int inserted = jdbc.update(
                    "INSERT INTO sync_lease (environment, sync_id, owner, expires_at)"
                            + " VALUES (?, ?, ?, now() + ? * interval '1 millisecond') ON CONFLICT DO NOTHING",
                    environment,
                    syncId,
                    owner,
                    leaseMillis);
            if (inserted == 1) {
                return Optional.<UUID>empty();
            }
            List<Holder> holders = jdbc.query(
                    "SELECT sync_id, expires_at < now() FROM sync_lease WHERE environment = ? FOR UPDATE",
                    (row, n) -> new Holder(row.getObject(1, UUID.class), row.getBoolean(2)),
                    environment);
            Holder holder = holders.get(0);
            if (!holder.expired()) {
                return Optional.of(holder.syncId());
            }
            log.warn(
                    "The lease of sync {} of environment '{}' expired: its replica stopped; the sync is FAILED",
                    holder.syncId(),
                    environment);
            interrupt(holder.syncId());
            jdbc.update(
                    "UPDATE sync_lease SET sync_id = ?, owner = ?, expires_at = now() + ? * interval '1 millisecond'"
                            + " WHERE environment = ?",
                    syncId,
                    owner,
                    leaseMillis,
                    environment);
            return Optional.<UUID>empty();
        });
    }

    private record Holder(UUID syncId, boolean expired) {}

    @Override
    public boolean renew(Sync progress) {
        Boolean renewed = transactions.execute(status -> {
            int held = jdbc.update(
                    "UPDATE sync_lease SET expires_at = now() + ? * interval '1 millisecond' WHERE sync_id = ?",
                    leaseMillis,
                    progress.id());
            if (held == 0) {
                return false;
            }
            jdbc.update(
                    "UPDATE sync_record SET record = ?::jsonb WHERE id = ? AND status = 'RUNNING'",
                    json.writeValueAsString(progress),
                    progress.id());
            return true;
        });
        return Boolean.TRUE.equals(renewed);
    }

    @Override
    public boolean complete(Sync result) {
        Boolean completed = transactions.execute(status -> {
            int held = jdbc.update("DELETE FROM sync_lease WHERE sync_id = ?", result.id());
            if (held == 0) {
                return false;
            }
            store.save(result);
            return true;
        });
        return Boolean.TRUE.equals(completed);
    }

    @Override
    public void failIfAbandoned(Sync failed) {
        transactions.executeWithoutResult(status -> {
            List<UUID> leased = jdbc.queryForList(
                    "SELECT sync_id FROM sync_lease WHERE sync_id = ? AND expires_at >= now() FOR UPDATE",
                    UUID.class,
                    failed.id());
            if (!leased.isEmpty()) {
                return;
            }
            int updated = jdbc.update(
                    "UPDATE sync_record SET status = 'FAILED', record = ?::jsonb WHERE id = ? AND status = 'RUNNING'",
                    json.writeValueAsString(failed),
                    failed.id());
            if (updated == 1) {
                log.warn("Sync {} was abandoned by its replica; it is FAILED", failed.id());
                jdbc.update("DELETE FROM sync_lease WHERE sync_id = ?", failed.id());
                store.deleteUncommitted(failed.id());
            }
        });
    }

    /** Ends a sync whose lease expired, inside the transaction that takes the lease over. */
    private void interrupt(UUID syncId) {
        store.find(syncId).filter(sync -> sync.status() == SyncStatus.RUNNING).ifPresent(sync -> {
            Sync failed = sync.failed(
                    Instant.now(),
                    SyncJob.interrupted(
                            "The replica running the sync stopped renewing its lease; start a new" + " sync."));
            jdbc.update(
                    "UPDATE sync_record SET status = 'FAILED', record = ?::jsonb WHERE id = ?",
                    json.writeValueAsString(failed),
                    syncId);
        });
        store.deleteUncommitted(syncId);
    }
}
