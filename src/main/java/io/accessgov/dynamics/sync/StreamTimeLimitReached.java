package io.accessgov.dynamics.sync;

import java.io.IOException;
import java.time.Duration;

/** A stream ran longer than {@code connector.syncs.stream-time-limit}; the rest is not sent. */
final class StreamTimeLimitReached extends IOException {

    StreamTimeLimitReached(Duration limit) {
        super("The stream ran longer than connector.syncs.stream-time-limit (" + limit + ")");
    }
}
