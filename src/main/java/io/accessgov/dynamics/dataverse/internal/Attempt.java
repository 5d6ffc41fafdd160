package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.DataverseTimedOut;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.Exceptions;

/**
 * The outcome of one HTTP exchange of {@link DataverseHttp}, classified for the retry policy: the answer read (a
 * 2xx), another answer (any status, decoded on demand), or a failure that left no answer to decode (the connection,
 * the sign-in, an unreadable body).
 */
record Attempt<T>(
        boolean read,
        @Nullable T value,
        DataverseHttp.@Nullable Response response,
        @Nullable DataverseException noAnswer,
        RetryPolicy.Failure noAnswerKind) {

    static <T> Attempt<T> read(T value) {
        return new Attempt<>(true, value, null, null, RetryPolicy.Failure.FINAL);
    }

    static <T> Attempt<T> answered(DataverseHttp.Response response) {
        return new Attempt<>(false, null, response, null, RetryPolicy.Failure.FINAL);
    }

    static <T> Attempt<T> failed(DataverseException failure, RetryPolicy.Failure kind) {
        return new Attempt<>(false, null, null, failure, kind);
    }

    /**
     * A failure of the exchange itself: a timeout, a connection that could not be made, or one that broke. A
     * {@link DataverseException} raised inside the client is thrown on as it is.
     */
    static <T> Attempt<T> ofTransportFailure(RuntimeException e, Duration readTimeout) {
        Throwable cause = Exceptions.unwrap(e);
        if (cause instanceof WebClientRequestException wrapped && wrapped.getCause() != null) {
            cause = wrapped.getCause();
        }
        if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
            return failed(
                    new DataverseTimedOut("Dataverse did not answer within " + readTimeout + ".", null),
                    RetryPolicy.Failure.TIMEOUT);
        }
        if (cause instanceof ConnectException
                || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException) {
            return failed(
                    new DataverseUnavailable(
                            "Dataverse could not be reached ("
                                    + cause.getClass().getSimpleName() + ").",
                            null,
                            null,
                            null),
                    RetryPolicy.Failure.CONNECT_FAILED);
        }
        if (cause instanceof DataverseException known) {
            throw known;
        }
        return failed(
                new DataverseUnavailable(
                        "The connection to Dataverse failed ("
                                + cause.getClass().getSimpleName() + ").",
                        null,
                        null,
                        null),
                RetryPolicy.Failure.IO_ERROR);
    }

    /** What went wrong, as the exception named after it. */
    DataverseException failure(DataverseErrorDecoder decoder, boolean change) {
        return response != null
                ? decoder.decode(response.status(), response.headers(), response.body(), change)
                : Objects.requireNonNull(noAnswer);
    }

    /** What went wrong, as far as retrying is concerned. */
    RetryPolicy.Failure kind() {
        if (response == null) {
            return noAnswerKind;
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
