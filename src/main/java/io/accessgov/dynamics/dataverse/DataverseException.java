package io.accessgov.dynamics.dataverse;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something Dataverse (or Entra, signing in to it) answered other than success. Decoded once, in the client; the
 * subclasses are named after what happened, and the web layer turns each into a problem response.
 */
public abstract sealed class DataverseException extends RuntimeException
        permits RecordNotFound,
                DataverseThrottled,
                DataverseAccessDenied,
                DataverseUnavailable,
                DataverseTimedOut,
                DataverseRejectedRequest,
                BusinessRuleViolated,
                SignInFailed,
                InvalidContinuation {

    private final @Nullable String dataverseCode;
    private final @Nullable String requestId;

    protected DataverseException(String message, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, null, false, false);
        this.dataverseCode = dataverseCode;
        this.requestId = requestId;
    }

    /** Dataverse's hex error code, such as {@code 0x80040217}, when it sent one. */
    public Optional<String> dataverseCode() {
        return Optional.ofNullable(dataverseCode).filter(code -> !code.isBlank() && !code.equals("0x0"));
    }

    /** Dataverse's request id ({@code REQ_ID}/{@code x-ms-service-request-id}), for support cases and audit. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
