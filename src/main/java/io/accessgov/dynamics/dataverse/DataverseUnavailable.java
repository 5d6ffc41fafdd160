package io.accessgov.dynamics.dataverse;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Dataverse could not be reached or kept failing (5xx, dropped connections) until the attempts or the deadline ran
 * out.
 */
public final class DataverseUnavailable extends DataverseException {

    private final @Nullable Duration retryAfter;

    public DataverseUnavailable(
            String message, @Nullable Duration retryAfter, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, dataverseCode, requestId);
        this.retryAfter = retryAfter;
    }

    /** How long Dataverse asked to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
