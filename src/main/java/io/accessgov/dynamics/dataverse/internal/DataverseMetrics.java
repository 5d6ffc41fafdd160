package io.accessgov.dynamics.dataverse.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The client's meters (docs/api.md §7, README "Metrics"), all registered here: every Dataverse exchange by target,
 * method, outcome and status; time spent waiting out 429s; token fetches; retries; requests in flight. Tags are
 * low-cardinality: entity sets and function names, never ids.
 *
 * <p>Every meter is there from start-up, at zero, so that alerts need no {@code or vector(0)}: the throttling wait,
 * one retry series per reason, one token-fetch series per outcome, and one request series per outcome whose
 * {@code entity.set}, {@code method} and {@code status} are empty (Prometheus reads an empty label as no label).
 * Series of a particular entity set or status appear with the first such exchange.
 */
final class DataverseMetrics {

    /** The {@code outcome} of one exchange. */
    enum RequestOutcome {
        SUCCESS,
        CLIENT_ERROR,
        SERVER_ERROR,
        THROTTLED,
        TIMEOUT,
        /** The connection broke, or the answer was cut short or not JSON. */
        IO_ERROR;

        static RequestOutcome of(int status) {
            if (status < 400) {
                return SUCCESS;
            }
            if (status == 429) {
                return THROTTLED;
            }
            return status >= 500 ? SERVER_ERROR : CLIENT_ERROR;
        }
    }

    /** Why a request was tried again: what failed, a refused token, or a change read back before it is resent. */
    enum RetryReason {
        THROTTLED,
        SERVER_ERROR,
        CONNECT_FAILED,
        IO_ERROR,
        TIMEOUT,
        SIGN_IN_UNAVAILABLE,
        UNAUTHORIZED,
        CHECKED_WRITE;

        static RetryReason of(RetryPolicy.Failure failure) {
            return valueOf(failure.name());
        }
    }

    /** How a token request to Entra ended. */
    enum TokenOutcome {
        SUCCESS,
        /** Entra refused the credentials or the request (4xx). */
        REFUSED,
        /** Entra could not be reached, failed or was too slow. */
        ERROR
    }

    /** The tag naming the environment (docs/api.md §9). */
    static final String ENVIRONMENT = "environment";

    /** The value of the tags a pre-registered series does not attribute. */
    static final String UNATTRIBUTED = "";

    /** The environment of an exchange when only one is configured in a test. */
    static final String DEFAULT_ENVIRONMENT = "default";

    private final MeterRegistry registry;
    private final String environment;

    public DataverseMetrics(MeterRegistry registry) {
        this(registry, DEFAULT_ENVIRONMENT);
    }

    /** The meters of one environment's client: every meter carries the tag {@code environment}. */
    public DataverseMetrics(MeterRegistry registry, String environment) {
        this.registry = registry;
        this.environment = environment;
        for (RequestOutcome outcome : RequestOutcome.values()) {
            requests(UNATTRIBUTED, UNATTRIBUTED, outcome, UNATTRIBUTED);
        }
        throttleWaits();
        for (RetryReason reason : RetryReason.values()) {
            retries(reason);
        }
        for (TokenOutcome outcome : TokenOutcome.values()) {
            tokenFetches(outcome);
        }
    }

    /** Records one HTTP exchange with Dataverse. */
    public void request(String target, String method, RequestOutcome outcome, String status, Duration took) {
        requests(target, method, outcome, status).record(took.toNanos(), TimeUnit.NANOSECONDS);
    }

    public void throttleWait(Duration waited) {
        throttleWaits().record(waited.toNanos(), TimeUnit.NANOSECONDS);
    }

    public void tokenFetch(TokenOutcome outcome) {
        tokenFetches(outcome).increment();
    }

    public void retry(RetryReason reason) {
        retries(reason).increment();
    }

    public void inFlight(Supplier<Number> inFlight, Supplier<Number> maxObserved) {
        Gauge.builder("dataverse.requests.in_flight", inFlight)
                .description("Dataverse requests in flight now")
                .tag(ENVIRONMENT, environment)
                .register(registry);
        Gauge.builder("dataverse.requests.in_flight.max", maxObserved)
                .description("Most Dataverse requests observed in flight at once")
                .tag(ENVIRONMENT, environment)
                .register(registry);
    }

    private Timer requests(String target, String method, RequestOutcome outcome, String status) {
        return Timer.builder("dataverse.requests")
                .description("HTTP exchanges with Dataverse")
                .tag(ENVIRONMENT, environment)
                .tag("entity.set", target)
                .tag("method", method)
                .tag("outcome", tag(outcome))
                .tag("status", status)
                .register(registry);
    }

    private Timer throttleWaits() {
        return Timer.builder("dataverse.throttle.wait")
                .description("Time spent waiting before retrying requests Dataverse throttled (429)")
                .tag(ENVIRONMENT, environment)
                .register(registry);
    }

    private Counter tokenFetches(TokenOutcome outcome) {
        return Counter.builder("dataverse.token.fetches")
                .description("Access tokens requested from Entra")
                .tag(ENVIRONMENT, environment)
                .tag("outcome", tag(outcome))
                .register(registry);
    }

    private Counter retries(RetryReason reason) {
        return Counter.builder("dataverse.retries")
                .description("Dataverse requests tried again")
                .tag(ENVIRONMENT, environment)
                .tag("reason", tag(reason))
                .register(registry);
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
