package io.accessgov.dynamics.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dataverse service protection per client (docs/dataverse.md §8.1): a sliding window of requests and of execution time,
 * and a concurrency limit. Throttled requests do not count towards the window.
 */
final class Throttling {

    private final Clock clock;
    private final Behaviour behaviour;
    private final Map<String, Counters> counters = new ConcurrentHashMap<>();

    Throttling(Clock clock, Behaviour behaviour) {
        this.clock = clock;
        this.behaviour = behaviour;
    }

    private static final class Counters {
        final ArrayDeque<Instant> requests = new ArrayDeque<>();
        final ArrayDeque<long[]> executions = new ArrayDeque<>();
        long executionMillis;
        int inFlight;
    }

    /** A request admitted: call {@link #finish} with its duration when it is answered. */
    record Permit(String clientId, int remainingRequests, long remainingMillis) {}

    Permit admit(String clientId) {
        Counters c = counters.computeIfAbsent(clientId, id -> new Counters());
        Instant now = clock.instant();
        Duration window = behaviour.requestWindow();
        synchronized (c) {
            Instant horizon = now.minus(window);
            while (!c.requests.isEmpty() && !c.requests.peekFirst().isAfter(horizon)) {
                c.requests.pollFirst();
            }
            while (!c.executions.isEmpty() && c.executions.peekFirst()[0] <= horizon.toEpochMilli()) {
                c.executionMillis -= c.executions.pollFirst()[1];
            }
            if (c.inFlight >= behaviour.concurrencyLimit()) {
                throw throttled(
                        "0x80072326",
                        "Number of concurrent requests exceeded the limit of " + behaviour.concurrencyLimit() + ".",
                        Duration.ofSeconds(1),
                        now);
            }
            if (c.requests.size() >= behaviour.requestLimit()) {
                Duration wait = Duration.between(now, c.requests.peekFirst().plus(window));
                throw throttled(
                        "0x80072322",
                        "Number of requests exceeded the limit of " + behaviour.requestLimit() + " over time window of "
                                + window.toSeconds() + " seconds.",
                        wait,
                        now);
            }
            if (c.executionMillis >= behaviour.executionTimeLimitMillis()) {
                Duration wait = Duration.between(
                        now, Instant.ofEpochMilli(c.executions.peekFirst()[0]).plus(window));
                throw throttled(
                        "0x80072321",
                        "Combined execution time of incoming requests exceeded limit of "
                                + String.format("%,d", behaviour.executionTimeLimitMillis())
                                + " milliseconds over time window"
                                + " of " + window.toSeconds()
                                + " seconds. Decrease number of concurrent requests or reduce"
                                + " the duration of requests and try again later.",
                        wait,
                        now);
            }
            c.requests.addLast(now);
            c.inFlight++;
            return new Permit(
                    clientId,
                    behaviour.requestLimit() - c.requests.size(),
                    behaviour.executionTimeLimitMillis() - c.executionMillis);
        }
    }

    void finish(Permit permit, long durationMillis) {
        Counters c = counters.get(permit.clientId());
        synchronized (c) {
            c.inFlight--;
            c.executions.addLast(new long[] {clock.millis(), durationMillis});
            c.executionMillis += durationMillis;
        }
    }

    ODataError throttled(String code, String message, Duration wait, Instant now) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String retryAfter = behaviour.retryAfterAsHttpDate()
                ? DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        now.plusSeconds(seconds).atOffset(ZoneOffset.UTC))
                : Long.toString(seconds);
        return new ODataError(429, code, message).withHeader("Retry-After", retryAfter);
    }
}
