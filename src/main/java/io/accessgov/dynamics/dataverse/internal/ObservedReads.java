package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.ReadObserver;
import java.time.Duration;

/**
 * The observer of the read running on this thread, if any. Reads block on the calling thread, so every exchange
 * {@link DataverseHttp} makes for an observed read happens on the thread that started it.
 */
final class ObservedReads {

    private static final ThreadLocal<ReadObserver> CURRENT = new ThreadLocal<>();

    private ObservedReads() {}

    /** Runs {@code read} with {@code observer} told of its exchanges and throttling waits. */
    static void run(ReadObserver observer, Runnable read) {
        ReadObserver outer = CURRENT.get();
        CURRENT.set(observer);
        try {
            read.run();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    static void exchanged() {
        ReadObserver observer = CURRENT.get();
        if (observer != null) {
            observer.exchanged();
        }
    }

    static void throttled(Duration waited) {
        ReadObserver observer = CURRENT.get();
        if (observer != null) {
            observer.throttled(waited);
        }
    }
}
