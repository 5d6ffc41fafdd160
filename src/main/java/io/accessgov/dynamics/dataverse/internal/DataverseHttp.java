package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.DataverseThrottled;
import io.accessgov.dynamics.dataverse.DataverseTimedOut;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends one logical request to Dataverse: takes a concurrency slot, adds the token and the standard OData headers,
 * and applies the retry policy, the one-refresh rule for 401 and the overall deadline. Blocking outward; the
 * reactive WebClient stays in here. Every exchange is metered.
 */
@Slf4j
final class DataverseHttp {

    /**
     * One logical request.
     *
     * @param target the entity set or function, for metrics (no ids)
     * @param prefer values of the {@code Prefer} header
     * @param retrySafe whether repeating it cannot do harm (reads; writes whose outcome the caller checks)
     * @param singleAttempt whether it is sent at most once (a 401 answer aside, which Dataverse did not execute): the
     *     caller decides, after reading back, whether to send it again
     * @param background whether background work (a full sync) waits for it rather than a caller: it then retries
     *     within {@code dynamics.http.background}'s longer budget
     */
    public record Request(
            HttpMethod method,
            URI uri,
            String target,
            List<String> prefer,
            byte @Nullable [] body,
            boolean retrySafe,
            boolean singleAttempt,
            boolean background) {

        public static Request read(URI uri, String target, List<String> prefer) {
            return new Request(HttpMethod.GET, uri, target, prefer, null, true, false, false);
        }

        /**
         * A change. It is retried after failures that may have reached Dataverse (5xx, broken connection, timeout)
         * only when {@code checkable} says repeating it is harmless — because it is idempotent, or because the
         * caller reads the state back before relying on the outcome. A 429 or a refused connection is always
         * retried: Dataverse did not execute the request. Link changes do not use this: the issue asks that even a
         * throttled change be read back before it is sent again, so they go through {@link #once} and
         * {@link LinkWriter}.
         */
        public static Request write(
                HttpMethod method, URI uri, String target, byte @Nullable [] body, boolean checkable) {
            return new Request(method, uri, target, List.of(), body, checkable, false, false);
        }

        /**
         * A change sent exactly once, whatever the answer: after a 429, a 5xx, a broken connection or a timeout the
         * caller reads the state back before it decides to send it again, so it is never applied twice and never
         * reported failed when it succeeded.
         */
        public static Request once(HttpMethod method, URI uri, String target, byte @Nullable [] body) {
            return new Request(method, uri, target, List.of(), body, false, true, false);
        }

        /** This request on behalf of background work, with the background retry budget. */
        public Request inBackground() {
            return new Request(method, uri, target, prefer, body, retrySafe, singleAttempt, true);
        }

        /** Whether the request is meant to change something (anything but a GET). */
        boolean change() {
            return !HttpMethod.GET.equals(method);
        }
    }

    /** A 2xx answer. */
    public record Response(int status, HttpHeaders headers, byte[] body) {}

    private final WebClient webClient;
    private final TokenSource tokens;
    private final RetryPolicy interactive;
    private final RetryPolicy background;
    private final DataverseErrorDecoder decoder;
    private final ConcurrencyLimit limit;
    private final DataverseMetrics metrics;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration readTimeout;

    /**
     * @param interactive the retry budget of requests a caller waits for
     * @param background the retry budget of {@linkplain Request#inBackground() background} requests
     */
    public DataverseHttp(
            WebClient webClient,
            TokenSource tokens,
            RetryPolicy interactive,
            RetryPolicy background,
            DataverseErrorDecoder decoder,
            ConcurrencyLimit limit,
            DataverseMetrics metrics,
            Clock clock,
            Sleeper sleeper,
            Duration readTimeout) {
        this.webClient = webClient;
        this.tokens = tokens;
        this.interactive = interactive;
        this.background = background;
        this.decoder = decoder;
        this.limit = limit;
        this.metrics = metrics;
        this.clock = clock;
        this.sleeper = sleeper;
        this.readTimeout = readTimeout;
        metrics.inFlight(limit::inFlight, limit::maxObserved);
    }

    /** Sends the request, retrying as the policy allows; a 2xx answer or a {@link DataverseException}. */
    public Response execute(Request request) {
        return execute(request, response -> response);
    }

    /**
     * Sends the request and reads the 2xx answer with {@code reader}, retrying as the policy allows. When the reader
     * finds the answer unreadable ({@link AnswerUnreadable}: cut short, not JSON), the exchange counts as a
     * connection that broke mid-answer: tried again when the request is safe to repeat (a read), never otherwise.
     * A token that Entra could not issue for being unreachable, down or too slow is asked for again within the same
     * budget: no request reached Dataverse.
     */
    public <T> T execute(Request request, Function<Response, T> reader) {
        RetryPolicy policy = request.background() ? background : interactive;
        Instant start = clock.instant();
        boolean refreshed = false;
        int attempts = 0;
        while (true) {
            attempts++;
            String token = null;
            Attempt<T> attempt;
            try {
                token = tokens.accessToken();
                attempt = attempt(request, reader, token, remaining(policy, start));
            } catch (DataverseUnavailable unavailable) {
                if (token != null) {
                    throw unavailable;
                }
                // Entra could not be reached, was down or too slow: nothing was sent to Dataverse
                attempt = Attempt.failed(unavailable, RetryPolicy.Failure.SIGN_IN_UNAVAILABLE);
            }
            if (attempt.read()) {
                return attempt.value();
            }
            if (token != null
                    && attempt.response() != null
                    && attempt.response().status() == 401) {
                if (refreshed) {
                    throw decoder.decode(
                            401,
                            attempt.response().headers(),
                            attempt.response().body(),
                            request.change());
                }
                refreshed = true;
                attempts--;
                tokens.reject(token);
                metrics.retry(DataverseMetrics.RetryReason.UNAUTHORIZED);
                continue;
            }
            DataverseException failure = attempt.failure(decoder, request.change());
            if (request.singleAttempt()) {
                throw failure;
            }
            RetryPolicy.Failure kind = attempt.kind();
            Optional<Duration> serverWait = attempt.response() == null
                    ? Optional.empty()
                    : decoder.retryAfter(attempt.response().headers());
            Duration elapsed = Duration.between(start, clock.instant());
            RetryPolicy.Decision decision = policy.decide(kind, attempts, request.retrySafe(), elapsed, serverWait);
            if (decision.retryAfter().isEmpty()) {
                throw finalFailure(failure, decision.deadlineReached(), serverWait);
            }
            Duration wait = decision.retryAfter().get();
            metrics.retry(DataverseMetrics.RetryReason.of(kind));
            log.debug("Retrying {} {} in {} after {}", request.method(), request.target(), wait, kind);
            pause(wait);
            if (kind == RetryPolicy.Failure.THROTTLED) {
                metrics.throttleWait(wait);
                ObservedReads.throttled(wait);
            }
        }
    }

    private DataverseException finalFailure(
            DataverseException failure, boolean deadlineReached, Optional<Duration> serverWait) {
        if (!deadlineReached) {
            return failure;
        }
        if (failure instanceof DataverseThrottled throttled) {
            return new DataverseThrottled(
                    "Dataverse is throttling the service and asked to wait longer than the request may take.",
                    serverWait.orElse(throttled.retryAfter().orElse(null)),
                    failure.dataverseCode().orElse(null),
                    failure.requestId().orElse(null));
        }
        return failure;
    }

    private Duration remaining(RetryPolicy policy, Instant start) {
        return policy.deadline().minus(Duration.between(start, clock.instant()));
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataverseTimedOut("Interrupted while waiting to retry a Dataverse request.", null);
        }
    }

    private <T> Attempt<T> attempt(Request request, Function<Response, T> reader, String token, Duration remaining) {
        if (remaining.isNegative() || remaining.isZero()) {
            return Attempt.failed(
                    new DataverseTimedOut("The Dataverse request ran past its deadline.", null),
                    RetryPolicy.Failure.FINAL);
        }
        limit.acquire(remaining);
        long started = System.nanoTime();
        Response response;
        try {
            response = send(request, token);
        } catch (RuntimeException e) {
            DataverseMetrics.RequestOutcome outcome = DataverseMetrics.RequestOutcome.IO_ERROR;
            try {
                Attempt<T> failed = Attempt.ofTransportFailure(e, readTimeout);
                if (failed.noAnswerKind() == RetryPolicy.Failure.TIMEOUT) {
                    outcome = DataverseMetrics.RequestOutcome.TIMEOUT;
                }
                return failed;
            } finally {
                metrics.request(request.target(), request.method().name(), outcome, "none", since(started));
            }
        } finally {
            limit.release();
            ObservedReads.exchanged();
        }
        Duration took = since(started);
        String status = Integer.toString(response.status());
        if (response.status() >= 300) {
            metrics.request(
                    request.target(),
                    request.method().name(),
                    DataverseMetrics.RequestOutcome.of(response.status()),
                    status,
                    took);
            return Attempt.answered(response);
        }
        DataverseMetrics.RequestOutcome outcome = DataverseMetrics.RequestOutcome.SUCCESS;
        try {
            return Attempt.read(reader.apply(response));
        } catch (AnswerUnreadable unreadable) {
            // like a connection that broke mid-answer: metered as io_error, with the status that came
            outcome = DataverseMetrics.RequestOutcome.IO_ERROR;
            return Attempt.failed(
                    new DataverseUnavailable(
                            unreadable.getMessage(), null, null, DataverseErrorDecoder.requestId(response.headers())),
                    RetryPolicy.Failure.IO_ERROR);
        } finally {
            metrics.request(request.target(), request.method().name(), outcome, status, took);
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private Response send(Request request, String token) {
        WebClient.RequestBodySpec spec = webClient
                .method(request.method())
                .uri(request.uri())
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
                    headers.set("OData-MaxVersion", "4.0");
                    headers.set("OData-Version", "4.0");
                    if (!request.prefer().isEmpty()) {
                        headers.set("Prefer", String.join(", ", request.prefer()));
                    }
                });
        WebClient.RequestHeadersSpec<?> ready = request.body() == null
                ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(request.body());
        Response response = ready.exchangeToMono(answer -> answer.bodyToMono(byte[].class)
                        .defaultIfEmpty(new byte[0])
                        .map(body -> new Response(
                                answer.statusCode().value(), answer.headers().asHttpHeaders(), body)))
                .timeout(readTimeout.plusSeconds(1))
                .block();
        if (response == null) {
            throw new DataverseUnavailable("Dataverse sent no answer.", null, null, null);
        }
        return response;
    }
}
