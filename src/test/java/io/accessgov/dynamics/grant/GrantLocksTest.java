package io.accessgov.dynamics.grant;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.database.Migrated;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two replicas' locks on one PostgreSQL: the same grant is changed by one at a time, other grants run alongside. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantLocksTest {

    private Migrated db;
    private GrantLocks first;
    private GrantLocks second;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @BeforeAll
    void start() {
        db = new Migrated();
        first = new GrantLocks(db.jdbc, db.transactions);
        second = new GrantLocks(db.jdbc, db.transactions);
    }

    @AfterAll
    void stop() {
        threads.shutdownNow();
        db.close();
    }

    @Test
    void theSameGrantIsHeldByOneReplicaAtATime() throws Exception {
        GrantId grant = grant();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Runnable change = () -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            sleep(150);
            inside.decrementAndGet();
        };
        Future<?> a = threads.submit(() -> first.withLock("contoso", grant, () -> {
            change.run();
            return null;
        }));
        Future<?> b = threads.submit(() -> second.withLock("contoso", grant, () -> {
            change.run();
            return null;
        }));
        a.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);

        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void differentGrantsAndEnvironmentsDoNotWaitForEachOther() throws Exception {
        GrantId grant = grant();
        CountDownLatch bothInside = new CountDownLatch(2);
        Future<Boolean> a = threads.submit(() -> first.withLock("contoso", grant, () -> await(bothInside)));
        Future<Boolean> b = threads.submit(() -> second.withLock("contoso-sandbox", grant, () -> await(bothInside)));

        assertThat(a.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(b.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailedChangeReleasesTheLock() throws Exception {
        GrantId grant = grant();
        try {
            first.withLock("contoso", grant, () -> {
                throw new IllegalStateException("Dataverse said no");
            });
        } catch (IllegalStateException expected) {
            // the change failed; its lock must be free again
        }
        assertThat(threads.submit(() -> second.withLock("contoso", grant, () -> "changed"))
                        .get(5, TimeUnit.SECONDS))
                .isEqualTo("changed");
    }

    private static GrantId grant() {
        return new GrantId(
                GrantId.ResourceType.ROLE, UUID.randomUUID(), GrantId.PrincipalType.ACCOUNT, UUID.randomUUID());
    }

    private static boolean await(CountDownLatch latch) {
        latch.countDown();
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
