package io.accessgov.dynamics.grant;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serialises changes to the same grant, so that identical concurrent requests read the state one after the other and
 * only the first one writes. Inside this process: striped locks, a fixed set chosen by the grant id's hash, so memory
 * does not grow with the number of grants. With a shared database (several replicas, docs/operations.md) also across
 * replicas: a PostgreSQL transaction-level advisory lock on the grant, taken after the local one and held for the
 * change. PostgreSQL queues the waiters and releases the lock when the transaction ends, or when the connection of a
 * replica that died drops, so a dead replica never leaves a grant locked. (No lease table or polling registry is
 * needed for a lock held only while one request runs.)
 */
@Component
class GrantLocks {

    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final @Nullable JdbcTemplate database;
    private final @Nullable TransactionTemplate transactions;

    @Autowired
    GrantLocks(ObjectProvider<JdbcTemplate> database, ObjectProvider<TransactionTemplate> transactions) {
        this(database.getIfAvailable(), transactions.getIfAvailable());
    }

    /** Locks inside this process only: the embedded default, one replica. */
    static GrantLocks inThisProcess() {
        return new GrantLocks((JdbcTemplate) null, null);
    }

    /** Locks across the replicas sharing this database, or inside this process only when it is null. */
    GrantLocks(@Nullable JdbcTemplate database, @Nullable TransactionTemplate transactions) {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
        this.database = database;
        this.transactions = transactions;
    }

    /** Runs {@code work} holding the lock of this grant of this environment (grant ids are unique per environment). */
    <T> T withLock(String environment, GrantId id, Supplier<T> work) {
        String name = environment + '|' + id;
        ReentrantLock lock = locks[Math.floorMod(name.hashCode(), STRIPES)];
        lock.lock();
        try {
            if (database == null || transactions == null) {
                return work.get();
            }
            return transactions.execute(status -> {
                database.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, key(name));
                return work.get();
            });
        } finally {
            lock.unlock();
        }
    }

    /** The advisory lock key of a grant: the first 64 bits of the SHA-256 of its name. */
    static long key(String name) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(("grant|" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
