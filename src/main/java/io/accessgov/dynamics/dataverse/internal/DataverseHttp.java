package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.DataverseThrottled;
import io.accessgov.dynamics.dataverse.DataverseTimedOut;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.dataverse.SignInFailed;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.Exceptions;

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
     */
    public record Request(
            HttpMethod method,
            URI uri,
            String target,
            List<String> prefer,
            byte @Nullable [] body,
            boolean retrySafe,
            boolean singleAttempt) {

        public static Request read(URI uri, String target, List<String> prefer) {
            return new Request(HttpMethod.GET, uri, target, prefer, null, true, false);
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
            return new Request(method, uri, target, List.of(), body, checkable, false);
        }

        /**
         * A change sent exactly once, whatever the answer: after a 429, a 5xx, a broken connection or a timeout the
         * caller reads the state back before it decides to send it again, so it is never applied twice and never
         * reported failed when it succeeded.
         */
        public static Request once(HttpMethod method, URI uri, String target, byte @Nullable [] body) {
            return new Request(method, uri, target, List.of(), body, false, true);
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
    private final RetryPolicy policy;
    private final DataverseErrorDecoder decoder;
    private final ConcurrencyLimit limit;
    private final DataverseMetrics metrics;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration readTimeout;

    public DataverseHttp(
            WebClient webClient,
            TokenSource tokens,
            RetryPolicy policy,
            DataverseErrorDecoder decoder,
            ConcurrencyLimit limit,
            DataverseMetrics metrics,
            Clock clock,
            Sleeper sleeper,
            Duration readTimeout) {
        this.webClient = webClient;
        this.tokens = tokens;
        this.policy = policy;
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
        Instant start = clock.instant();
        boolean refreshed = false;
        int attempts = 0;
        while (true) {
            String token = tokens.accessToken();
            attempts++;
            Attempt attempt = attempt(request, token, remaining(start));
            if (attempt.response != null && attempt.response.status() < 300) {
                return attempt.response;
            }
            if (attempt.response != null && attempt.response.status() == 401) {
                if (refreshed) {
                    throw decoder.decode(401, attempt.response.headers(), attempt.response.body(), request.change());
                }
                refreshed = true;
                attempts--;
                tokens.reject(token);
                metrics.retry("unauthorized");
                continue;
            }
            DataverseException failure = attempt.failure(request);
            if (request.singleAttempt()) {
                throw failure;
            }
            RetryPolicy.Failure kind = attempt.kind();
            Optional<Duration> serverWait =
                    attempt.response == null ? Optional.empty() : decoder.retryAfter(attempt.response.headers());
            Duration elapsed = Duration.between(start, clock.instant());
            RetryPolicy.Decision decision = policy.decide(kind, attempts, request.retrySafe(), elapsed, serverWait);
            if (decision.retryAfter().isEmpty()) {
                throw finalFailure(failure, decision.deadlineReached(), serverWait);
            }
            Duration wait = decision.retryAfter().get();
            metrics.retry(kind.name().toLowerCase(java.util.Locale.ROOT));
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

    private Duration remaining(Instant start) {
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

    /** The outcome of one HTTP exchange: a response (any status) or a transport failure. */
    private record Attempt(
            @Nullable Response response,
            @Nullable DataverseException transportFailure,
            RetryPolicy.Failure transportKind,
            DataverseErrorDecoder decoder) {

        DataverseException failure(Request request) {
            return response != null
                    ? decoder.decode(response.status(), response.headers(), response.body(), request.change())
                    : transportFailure;
        }

        RetryPolicy.Failure kind() {
            if (response == null) {
                return transportKind;
            }
            int status = response.status();
            if (status == 429) {
                return RetryPolicy.Failure.THROTTLED;
            }
            if (status == 500 || status == 502 || status == 503 || status == 504) {
                return RetryPolicy.Failure.SERVER_ERROR;
            }
            return RetryPolicy.Failure.FINAL;
        }
    }

    private Attempt attempt(Request request, String token, Duration remaining) {
        if (remaining.isNegative() || remaining.isZero()) {
            return new Attempt(
                    null,
                    new DataverseTimedOut("The Dataverse request ran past its deadline.", null),
                    RetryPolicy.Failure.FINAL,
                    decoder);
        }
        limit.acquire(remaining);
        long started = System.nanoTime();
        String outcome = "io_error";
        String status = "none";
        try {
            Response response = send(request, token);
            status = Integer.toString(response.status());
            outcome = outcome(response.status());
            return new Attempt(response, null, RetryPolicy.Failure.FINAL, decoder);
        } catch (RuntimeException e) {
            Throwable cause = Exceptions.unwrap(e);
            if (cause instanceof WebClientRequestException wrapped && wrapped.getCause() != null) {
                cause = wrapped.getCause();
            }
            if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
                outcome = "timeout";
                return new Attempt(
                        null,
                        new DataverseTimedOut("Dataverse did not answer within " + readTimeout + ".", null),
                        RetryPolicy.Failure.TIMEOUT,
                        decoder);
            }
            if (cause instanceof ConnectException
                    || cause instanceof ConnectTimeoutException
                    || cause instanceof UnknownHostException) {
                return new Attempt(
                        null,
                        new DataverseUnavailable(
                                "Dataverse could not be reached ("
                                        + cause.getClass().getSimpleName() + ").",
                                null,
                                null,
                                null),
                        RetryPolicy.Failure.CONNECT_FAILED,
                        decoder);
            }
            if (cause instanceof SignInFailed || cause instanceof DataverseException) {
                throw (DataverseException) cause;
            }
            return new Attempt(
                    null,
                    new DataverseUnavailable(
                            "The connection to Dataverse failed ("
                                    + cause.getClass().getSimpleName() + ").",
                            null,
                            null,
                            null),
                    RetryPolicy.Failure.IO_ERROR,
                    decoder);
        } finally {
            limit.release();
            ObservedReads.exchanged();
            metrics.request(
                    request.target(),
                    request.method().name(),
                    outcome,
                    status,
                    Duration.ofNanos(System.nanoTime() - started));
        }
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

    private static String outcome(int status) {
        if (status < 400) {
            return "success";
        }
        if (status == 429) {
            return "throttled";
        }
        return status >= 500 ? "server_error" : "client_error";
    }
}
