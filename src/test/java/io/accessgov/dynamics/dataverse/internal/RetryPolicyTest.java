package io.accessgov.dynamics.dataverse.internal;

import static io.accessgov.dynamics.dataverse.internal.RetryPolicy.Failure.CONNECT_FAILED;
import static io.accessgov.dynamics.dataverse.internal.RetryPolicy.Failure.FINAL;
import static io.accessgov.dynamics.dataverse.internal.RetryPolicy.Failure.IO_ERROR;
import static io.accessgov.dynamics.dataverse.internal.RetryPolicy.Failure.SERVER_ERROR;
import static io.accessgov.dynamics.dataverse.internal.RetryPolicy.Failure.SIGN_IN_UNAVAILABLE;
import static io.accessgov.dynamics.dataverse.internal.RetryPolicy.Failure.THROTTLED;
import static io.accessgov.dynamics.dataverse.internal.RetryPolicy.Failure.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(4, Duration.ofSeconds(60), Duration.ofMillis(250), Duration.ofSeconds(10), () -> 1.0);

    @Test
    void retriesReadsOnServerErrorsTimeoutsAndBrokenConnections() {
        for (RetryPolicy.Failure failure :
                new RetryPolicy.Failure[] {SERVER_ERROR, TIMEOUT, IO_ERROR, THROTTLED, CONNECT_FAILED}) {
            assertThat(policy.decide(failure, 1, true, Duration.ZERO, Optional.empty())
                            .retryAfter())
                    .as(failure.name())
                    .isPresent();
        }
        assertThat(policy.decide(FINAL, 1, true, Duration.ZERO, Optional.empty())
                        .retryAfter())
                .isEmpty();
    }

    @Test
    void retriesAChangeOnlyWhenItCannotHaveReachedDataverse() {
        assertThat(policy.decide(THROTTLED, 1, false, Duration.ZERO, Optional.empty())
                        .retryAfter())
                .isPresent();
        assertThat(policy.decide(CONNECT_FAILED, 1, false, Duration.ZERO, Optional.empty())
                        .retryAfter())
                .isPresent();
        assertThat(policy.decide(SERVER_ERROR, 1, false, Duration.ZERO, Optional.empty())
                        .retryAfter())
                .isEmpty();
        assertThat(policy.decide(IO_ERROR, 1, false, Duration.ZERO, Optional.empty())
                        .retryAfter())
                .isEmpty();
        assertThat(policy.decide(TIMEOUT, 1, false, Duration.ZERO, Optional.empty())
                        .retryAfter())
                .isEmpty();
    }

    @Test
    void aTokenThatCouldNotBeHadIsAskedForAgainEvenForAChange() {
        assertThat(policy.decide(SIGN_IN_UNAVAILABLE, 1, false, Duration.ZERO, Optional.empty())
                        .retryAfter())
                .isPresent();
    }

    @Test
    void anotherBudgetKeepsTheBackoffButNotTheLimits() {
        RetryPolicy background = policy.withBudget(10, Duration.ofMinutes(15));

        assertThat(policy.decide(SERVER_ERROR, 4, true, Duration.ZERO, Optional.empty())
                        .retryAfter())
                .isEmpty();
        assertThat(background
                        .decide(SERVER_ERROR, 4, true, Duration.ZERO, Optional.empty())
                        .retryAfter())
                .contains(policy.backoff(4, false));
        assertThat(background
                        .decide(SERVER_ERROR, 10, true, Duration.ZERO, Optional.empty())
                        .retryAfter())
                .isEmpty();
        assertThat(background.deadline()).isEqualTo(Duration.ofMinutes(15));
        assertThat(background
                        .decide(THROTTLED, 1, true, Duration.ofMinutes(10), Optional.of(Duration.ofMinutes(2)))
                        .retryAfter())
                .contains(Duration.ofMinutes(2));
    }

    @Test
    void neverWaitsLessThanRetryAfter() {
        assertThat(policy.decide(THROTTLED, 1, true, Duration.ZERO, Optional.of(Duration.ofSeconds(9)))
                        .retryAfter())
                .contains(Duration.ofSeconds(9));
    }

    @Test
    void stopsAtOnceWhenTheWaitWouldPassTheDeadline() {
        RetryPolicy.Decision decision =
                policy.decide(THROTTLED, 1, true, Duration.ofSeconds(50), Optional.of(Duration.ofSeconds(15)));

        assertThat(decision.retryAfter()).isEmpty();
        assertThat(decision.deadlineReached()).isTrue();
    }

    @Test
    void stopsAfterTheLastAttempt() {
        assertThat(policy.decide(SERVER_ERROR, 4, true, Duration.ZERO, Optional.empty())
                        .retryAfter())
                .isEmpty();
    }

    @Test
    void backsOffExponentiallyWithBoundedJitter() {
        RetryPolicy low =
                new RetryPolicy(10, Duration.ofMinutes(5), Duration.ofMillis(250), Duration.ofSeconds(10), () -> 0.0);
        assertThat(low.backoff(1, false)).isEqualTo(Duration.ofMillis(125));
        assertThat(policy.backoff(1, false)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.backoff(2, false)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(3, false)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.backoff(30, false)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(1, true)).isEqualTo(Duration.ofSeconds(1));
    }
}
