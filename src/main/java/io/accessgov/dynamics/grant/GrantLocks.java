package io.accessgov.dynamics.grant;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Serialises changes to the same grant inside this process, so that identical concurrent requests read the state one
 * after the other and only the first one writes. Striped: a fixed set of locks, chosen by the grant id's hash, so
 * memory does not grow with the number of grants; unrelated grants rarely share a stripe. Across replicas,
 * Dataverse's duplicate-link rule and the client's read-back keep the outcome to one change.
 */
@Component
class GrantLocks {

    private static final int STRIPES = 64;

    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    GrantLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Runs {@code work} holding the lock of this grant of this environment (grant ids are unique per environment). */
    <T> T withLock(String environment, GrantId id, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod((environment + '|' + id).hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
