package io.accessgov.dynamics.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One injected failure: an error status (with or without a JSON body), a delay before a normal answer, a hang, a
 * dropped connection, an answer cut short, or every access token revoked. Immutable; the {@code with…}/{@code on…}
 * methods return copies.
 *
 * <pre>{@code
 * simulator.faults().inject(Fault.throttled(Duration.ofSeconds(2)).times(3).onPath("/systemusers"));
 * simulator.faults().inject(Fault.status(502).withoutJsonBody().onMethod("POST"));
 * simulator.faults().inject(Fault.truncatedBody().onPath("/roles"));
 * simulator.faults().inject(Fault.slowTokenEndpoint(Duration.ofSeconds(4)));
 * }</pre>
 */
public final class Fault {

    /** What the fault does to a request. */
    public enum Kind {
        STATUS,
        DELAY,
        ANSWER_LATE,
        HANG,
        DROP_CONNECTION,
        TRUNCATED_BODY,
        REVOKE_TOKENS
    }

    private final Kind kind;
    private final int status;
    private final boolean jsonBody;
    private final @Nullable Duration retryAfter;
    private final Duration delay;
    private final int times;
    private final @Nullable String method;
    private final @Nullable String pathFragment;

    private Fault(
            Kind kind,
            int status,
            boolean jsonBody,
            @Nullable Duration retryAfter,
            Duration delay,
            int times,
            @Nullable String method,
            @Nullable String pathFragment) {
        this.kind = kind;
        this.status = status;
        this.jsonBody = jsonBody;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.times = times;
        this.method = method;
        this.pathFragment = pathFragment;
    }

    /** Answers with this status and Dataverse's JSON error body (429 also carries {@code Retry-After: 1}). */
    public static Fault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault status must be 4xx or 5xx, not " + status);
        }
        return new Fault(
                Kind.STATUS, status, true, status == 429 ? Duration.ofSeconds(1) : null, Duration.ZERO, 1, null, null);
    }

    /** 429 with the request-count body (0x80072322) and this {@code Retry-After}. */
    public static Fault throttled(Duration retryAfter) {
        return status(429).withRetryAfter(retryAfter);
    }

    /** Serves the request normally after this delay. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, false, null, delay, 1, null, null);
    }

    /**
     * Serves the request normally (a change is applied) and only then waits this long before answering: a client
     * with a shorter read timeout sees a timeout for a change that Dataverse made.
     */
    public static Fault answerLate(Duration delay) {
        return new Fault(Kind.ANSWER_LATE, 0, false, null, delay, 1, null, null);
    }

    /** Never answers (until the simulator is closed): the client's read timeout must fire. */
    public static Fault hang() {
        return new Fault(Kind.HANG, 0, false, null, Duration.ZERO, 1, null, null);
    }

    /** Closes the connection without an answer. */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP_CONNECTION, 0, false, null, Duration.ZERO, 1, null, null);
    }

    /**
     * Serves the request normally (a change is applied) but sends only the first half of the answer's body, as a
     * complete HTTP message whose {@code Content-Length} matches: JSON cut short, as by a proxy that gave up
     * mid-answer. The status stays the real one.
     */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, 0, false, null, Duration.ZERO, 1, null, null);
    }

    /**
     * Revokes every access token issued so far just before a Web API request is served, so that this request and
     * every other one still carrying an old token are answered 401 until the client signs in again.
     */
    public static Fault revokedToken() {
        return new Fault(Kind.REVOKE_TOKENS, 0, false, null, Duration.ZERO, 1, null, WebApi.ROOT);
    }

    /** The token endpoint answers this much later than it otherwise would (it still issues the token). */
    public static Fault slowTokenEndpoint(Duration delay) {
        return delay(delay).onPath("/oauth2/");
    }

    /** A gateway-style body (HTML) instead of the JSON error envelope. */
    public Fault withoutJsonBody() {
        return new Fault(kind, status, false, retryAfter, delay, times, method, pathFragment);
    }

    public Fault withRetryAfter(@Nullable Duration value) {
        return new Fault(kind, status, jsonBody, value, delay, times, method, pathFragment);
    }

    /** How many matching requests this fault hits (default 1). */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        return new Fault(kind, status, jsonBody, retryAfter, delay, count, method, pathFragment);
    }

    /** Only requests with this HTTP method. */
    public Fault onMethod(String value) {
        return new Fault(
                kind, status, jsonBody, retryAfter, delay, times, value.toUpperCase(Locale.ROOT), pathFragment);
    }

    /** Only requests whose raw path contains this text, e.g. {@code "/systemusers"} or {@code "/oauth2/"}. */
    public Fault onPath(String fragment) {
        return new Fault(kind, status, jsonBody, retryAfter, delay, times, method, Objects.requireNonNull(fragment));
    }

    boolean matches(String requestMethod, String rawPath) {
        return (method == null || method.equals(requestMethod))
                && (pathFragment == null || rawPath.contains(pathFragment));
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public boolean jsonBody() {
        return jsonBody;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    public Duration delay() {
        return delay;
    }

    public int times() {
        return times;
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (kind == Kind.STATUS ? " " + status : "") + " x" + times
                + (method == null ? "" : " " + method) + (pathFragment == null ? "" : " " + pathFragment) + "]";
    }
}
