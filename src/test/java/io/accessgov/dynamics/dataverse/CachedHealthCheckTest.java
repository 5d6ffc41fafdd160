package io.accessgov.dynamics.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class CachedHealthCheckTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration BUDGET = Duration.ofMillis(300);

    private final SettableClock clock = new SettableClock();
    private final AtomicInteger checks = new AtomicInteger();
    private final List<CachedHealthCheck> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(CachedHealthCheck::close);
    }

    @Test
    void callersWithinTheIntervalShareOneCheckAndItsTime() throws Exception {
        CachedHealthCheck health = cached(() -> Health.up().build());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Health>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(callers.submit(health::current));
            }
            for (Future<Health> answer : answers) {
                Health result = answer.get(5, TimeUnit.SECONDS);
                assertThat(result.getStatus()).isEqualTo(Status.UP);
                assertThat(result.getDetails()).containsEntry("checkedAt", "2026-03-02T09:00:00Z");
            }
        } finally {
            callers.shutdownNow();
        }
        clock.advance(INTERVAL.minusMillis(1));
        health.current();

        assertThat(checks).hasValue(1);
    }

    @Test
    void aResultAsOldAsTheIntervalIsCheckedAgain() {
        CachedHealthCheck health = cached(() -> Health.up().build());
        health.current();

        clock.advance(INTERVAL);
        Health again = health.current();

        assertThat(checks).hasValue(2);
        assertThat(again.getDetails()).containsEntry("checkedAt", "2026-03-02T09:00:10Z");
    }

    @Test
    void theResultSaysHowLongTheCheckTook() {
        CachedHealthCheck health = cached(() -> {
            clock.advance(Duration.ofMillis(42));
            return Health.up().withDetail("userId", "me").build();
        });

        Health result = health.current();

        assertThat(result.getDetails())
                .containsEntry("userId", "me")
                .containsEntry("latencyMs", 42L)
                .containsEntry("checkedAt", "2026-03-02T09:00:00.042Z");
    }

    @Test
    void aSlowCheckIsDownWithinTheBudgetAndNoSecondOneStartsWhileItRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CachedHealthCheck health = cached(() -> {
            await(release);
            return Health.up().build();
        });

        long started = System.nanoTime();
        Health first = health.current();
        Health cachedTimeout = health.current();
        clock.advance(INTERVAL.multipliedBy(3));
        Health stillRunning = health.current();
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(first.getStatus()).isEqualTo(Status.DOWN);
        assertThat(first.getDetails().get("reason").toString()).isEqualTo("the probe did not answer within 300 ms.");
        assertThat(cachedTimeout).isEqualTo(first);
        assertThat(stillRunning.getStatus()).isEqualTo(Status.DOWN);
        assertThat(waited).as("one budget in all, not one per caller").isLessThan(Duration.ofMillis(300 * 2 + 500));
        assertThat(checks).hasValue(1);

        release.countDown();
        Health late = awaitStatus(health, Status.UP);
        assertThat(late.getDetails()).containsEntry("checkedAt", "2026-03-02T09:00:30Z");
        assertThat(checks).hasValue(1);
    }

    @Test
    void aCheckThatThrowsIsDownAndTriedAgainAfterTheInterval() {
        CachedHealthCheck health = cached(() -> {
            throw new IllegalStateException("broken");
        });

        Health down = health.current();
        health.current();
        clock.advance(INTERVAL);
        health.current();

        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("reason")).isEqualTo("The health check failed unexpectedly.");
        assertThat(down.getDetails().toString()).doesNotContain("broken");
        assertThat(checks).hasValue(2);
    }

    private CachedHealthCheck cached(Supplier<Health> check) {
        CachedHealthCheck health = new CachedHealthCheck(
                "the probe",
                () -> {
                    checks.incrementAndGet();
                    return check.get();
                },
                INTERVAL,
                BUDGET,
                clock);
        opened.add(health);
        return health;
    }

    private static Health awaitStatus(CachedHealthCheck health, Status status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Health current = health.current();
        while (!current.getStatus().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            current = health.current();
        }
        return current;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
