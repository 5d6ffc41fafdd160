package io.accessgov.dynamics.dataverse.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The client's meters (docs/api.md §7): every Dataverse exchange by target, method, outcome and status; time spent
 * waiting out 429s; token fetches; retries; requests in flight. Tags are low-cardinality: entity sets and function
 * names, never ids.
 */
final class DataverseMetrics {

    private final MeterRegistry registry;

    public DataverseMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records one HTTP exchange with Dataverse. */
    public void request(String target, String method, String outcome, String status, Duration took) {
        Timer.builder("dataverse.requests")
                .description("HTTP exchanges with Dataverse")
                .tag("entity.set", target)
                .tag("method", method)
                .tag("outcome", outcome)
                .tag("status", status)
                .register(registry)
                .record(took.toNanos(), TimeUnit.NANOSECONDS);
    }

    public void throttleWait(Duration waited) {
        Timer.builder("dataverse.throttle.wait")
                .description("Time spent waiting before retrying requests Dataverse throttled (429)")
                .register(registry)
                .record(waited.toNanos(), TimeUnit.NANOSECONDS);
    }

    public void tokenFetch(String outcome) {
        Counter.builder("dataverse.token.fetches")
                .description("Access tokens requested from Entra")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    public void retry(String reason) {
        Counter.builder("dataverse.retries")
                .description("Dataverse requests tried again")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public void inFlight(Supplier<Number> inFlight, Supplier<Number> maxObserved) {
        Gauge.builder("dataverse.requests.in_flight", inFlight)
                .description("Dataverse requests in flight now")
                .register(registry);
        Gauge.builder("dataverse.requests.in_flight.max", maxObserved)
                .description("Most Dataverse requests observed in flight at once")
                .register(registry);
    }
}
