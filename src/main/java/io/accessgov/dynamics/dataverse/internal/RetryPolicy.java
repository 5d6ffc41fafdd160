package io.accessgov.dynamics.dataverse.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a Dataverse request again, in one place. Reads are retried on 429, 500/502/503/504, connection
 * failures, answers cut short and timeouts; a request that never reached Dataverse (connection refused, no token to
 * be had, 429 from service protection) may be retried even when it changes something; other failures of a change are not retried, because Dataverse
 * may have applied it. Never sooner than {@code Retry-After}; otherwise exponential backoff with jitter. Bounded by
 * a budget: the number of attempts and the overall deadline. Requests a caller waits for have the budget of
 * {@code dynamics.http}; background work (a full sync's reads) has the longer one of {@code dynamics.http.background}
 * ({@link #withBudget}).
 */
final class RetryPolicy {

    /** What went wrong with one attempt, as far as retrying is concerned. */
    public enum Failure {
        /** 429: service protection; the request was not executed. */
        THROTTLED,
        /** 500, 502, 503 or 504. */
        SERVER_ERROR,
        /** No connection could be made: the request was not sent. */
        CONNECT_FAILED,
        /** The connection broke after the request may have been sent. */
        IO_ERROR,
        /** No answer within the read timeout. */
        TIMEOUT,
        /** Entra's token endpoint could not be reached, failed or was too slow: nothing was sent to Dataverse. */
        SIGN_IN_UNAVAILABLE,
        /** Anything else (4xx): retrying cannot help. */
        FINAL
    }

    private final int maxAttempts;
    private final Duration deadline;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final DoubleSupplier random;

    public RetryPolicy(
            int maxAttempts, Duration deadline, Duration baseBackoff, Duration maxBackoff, DoubleSupplier random) {
        this.maxAttempts = maxAttempts;
        this.deadline = deadline;
        this.baseBackoff = baseBackoff;
        this.maxBackoff = maxBackoff;
        this.random = random;
    }

    public Duration deadline() {
        return deadline;
    }

    /** The same policy with another budget: how many attempts in all, and how long all of them may take. */
    public RetryPolicy withBudget(int attempts, Duration within) {
        return new RetryPolicy(attempts, within, baseBackoff, maxBackoff, random);
    }

    /** The answer for one failed attempt: wait and retry, or give up (and whether the deadline was the reason). */
    public record Decision(Optional<Duration> retryAfter, boolean deadlineReached) {
        static Decision giveUp() {
            return new Decision(Optional.empty(), false);
        }
    }

    /**
     * @param failure what went wrong
     * @param attemptsMade attempts made so far, the failed one included
     * @param retrySafe whether the request may be repeated without harm (reads, checkable writes)
     * @param elapsed time spent on the operation so far
     * @param serverWait the server's {@code Retry-After}, if it sent one
     */
    public Decision decide(
            Failure failure, int attemptsMade, boolean retrySafe, Duration elapsed, Optional<Duration> serverWait) {
        boolean retryable =
                switch (failure) {
                    case THROTTLED, CONNECT_FAILED, SIGN_IN_UNAVAILABLE -> true;
                    case SERVER_ERROR, IO_ERROR, TIMEOUT -> retrySafe;
                    case FINAL -> false;
                };
        if (!retryable || attemptsMade >= maxAttempts) {
            return Decision.giveUp();
        }
        Duration wait = serverWait.orElseGet(() -> backoff(attemptsMade, failure == Failure.THROTTLED));
        if (elapsed.plus(wait).compareTo(deadline) >= 0) {
            return new Decision(Optional.empty(), true);
        }
        return new Decision(Optional.of(wait), false);
    }

    /**
     * Exponential backoff with "equal jitter": half fixed, half random; throttling without Retry-After starts at
     * 1 s.
     */
    Duration backoff(int attemptsMade, boolean throttled) {
        Duration base =
                throttled && baseBackoff.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : baseBackoff;
        long exponential = base.toMillis() << Math.min(attemptsMade - 1, 16);
        long capped = Math.min(exponential, maxBackoff.toMillis());
        long jitter = (long) (capped / 2.0 * random.getAsDouble());
        return Duration.ofMillis(capped / 2 + jitter);
    }
}
