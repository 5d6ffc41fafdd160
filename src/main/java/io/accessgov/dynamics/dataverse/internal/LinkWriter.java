package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.BusinessRule;
import io.accessgov.dynamics.dataverse.BusinessRuleViolated;
import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.DataverseThrottled;
import io.accessgov.dynamics.dataverse.DataverseTimedOut;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.dataverse.LinkChange;
import io.accessgov.dynamics.dataverse.RecordNotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;

/**
 * Changes one link so that it is safe to retry: the write is sent once at a time; after an answer that leaves the
 * outcome uncertain (429, 5xx, broken connection, timeout) it waits as the retry policy says, reads the link back,
 * and sends the write again only if the link is still not as asked. After the last attempt it reads back once more
 * before it reports a failure. A duplicate-link refusal ({@link BusinessRule#DUPLICATE_LINK}) on an add, or a missing
 * link (404) on a removal, means the link is already as asked.
 */
@Slf4j
final class LinkWriter {

    /** How long to let a write the client gave up on land before the final read-back. */
    static final Duration LAST_READ_BACK_DELAY = Duration.ofSeconds(2);

    private final DataverseHttp http;
    private final RetryPolicy policy;
    private final DataverseMetrics metrics;
    private final Clock clock;
    private final Sleeper sleeper;

    LinkWriter(DataverseHttp http, RetryPolicy policy, DataverseMetrics metrics, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.policy = policy;
        this.metrics = metrics;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Sends {@code write} until the link is as asked.
     *
     * @param adding true to add the link, false to remove it
     * @param inPlace reads the link back: true when it exists
     */
    LinkChange change(DataverseHttp.Request write, boolean adding, BooleanSupplier inPlace) {
        Instant start = clock.instant();
        boolean uncertain = false;
        String lastRequestId = null;
        int attempts = 0;
        while (true) {
            attempts++;
            DataverseException failure;
            try {
                DataverseHttp.Response response = http.execute(write);
                return new LinkChange(
                        LinkChange.Outcome.CHANGED,
                        DataverseErrorDecoder.requestId(response.headers()),
                        attempts,
                        false);
            } catch (BusinessRuleViolated refused) {
                if (adding && refused.rule() == BusinessRule.DUPLICATE_LINK) {
                    return alreadyDone(uncertain, refused.requestId().orElse(lastRequestId), attempts);
                }
                throw refused;
            } catch (RecordNotFound missing) {
                if (!adding && !inPlace.getAsBoolean()) {
                    return alreadyDone(uncertain, missing.requestId().orElse(lastRequestId), attempts);
                }
                throw missing;
            } catch (DataverseThrottled | DataverseUnavailable | DataverseTimedOut e) {
                failure = e;
            }
            boolean throttled = failure instanceof DataverseThrottled;
            // A 429 means Dataverse did not run the request; anything else may have changed the link.
            uncertain |= !throttled;
            lastRequestId = failure.requestId().orElse(lastRequestId);
            Duration elapsed = Duration.between(start, clock.instant());
            RetryPolicy.Decision decision =
                    policy.decide(kindOf(failure), attempts, true, elapsed, serverWait(failure));
            decision.retryAfter().ifPresent(wait -> pause(wait, throttled));
            if (decision.retryAfter().isEmpty() && !throttled) {
                // Giving up: Dataverse may still be running the request the client stopped waiting for, so let it
                // land before the last read-back decides between "done" and "failed".
                pause(LAST_READ_BACK_DELAY, false);
            }
            boolean done = inPlace.getAsBoolean() == adding;
            log.debug(
                    "{} {} answered {}; read back: link {}",
                    write.method(),
                    write.target(),
                    failure.getClass().getSimpleName(),
                    done ? "as asked" : "not yet as asked");
            if (done) {
                return new LinkChange(LinkChange.Outcome.CHANGED, lastRequestId, attempts, true);
            }
            if (decision.retryAfter().isEmpty()) {
                throw failure;
            }
            metrics.retry(DataverseMetrics.RetryReason.CHECKED_WRITE);
        }
    }

    private static LinkChange alreadyDone(boolean uncertain, @Nullable String requestId, int attempts) {
        // After an uncertain attempt of this call, "already done" means that attempt did it.
        return new LinkChange(
                uncertain ? LinkChange.Outcome.CHANGED : LinkChange.Outcome.ALREADY_DONE,
                requestId,
                attempts,
                uncertain);
    }

    private static RetryPolicy.Failure kindOf(DataverseException failure) {
        if (failure instanceof DataverseThrottled) {
            return RetryPolicy.Failure.THROTTLED;
        }
        if (failure instanceof DataverseTimedOut) {
            return RetryPolicy.Failure.TIMEOUT;
        }
        return RetryPolicy.Failure.SERVER_ERROR;
    }

    private static Optional<Duration> serverWait(DataverseException failure) {
        if (failure instanceof DataverseThrottled throttled) {
            return throttled.retryAfter();
        }
        if (failure instanceof DataverseUnavailable unavailable) {
            return unavailable.retryAfter();
        }
        return Optional.empty();
    }

    private void pause(Duration wait, boolean throttled) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataverseTimedOut("Interrupted while waiting to retry a Dataverse change.", null);
        }
        if (throttled) {
            metrics.throttleWait(wait);
        }
    }
}
