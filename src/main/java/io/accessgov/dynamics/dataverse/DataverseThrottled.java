package io.accessgov.dynamics.dataverse;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Dataverse kept answering 429 (service protection) until the attempts or the deadline ran out. */
public final class DataverseThrottled extends DataverseException {

    /** The code Dataverse usually sends with it (the request-count limit), for documentation examples. */
    public static final String TYPICAL_CODE = "0x80072322";

    private final @Nullable Duration retryAfter;

    public DataverseThrottled(
            String message, @Nullable Duration retryAfter, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, dataverseCode, requestId);
        this.retryAfter = retryAfter;
    }

    /** How long Dataverse asked to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
