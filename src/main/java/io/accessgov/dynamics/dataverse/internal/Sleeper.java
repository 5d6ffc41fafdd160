package io.accessgov.dynamics.dataverse.internal;

import java.time.Duration;

/** Waits between retries; tests replace it so that they need not sleep. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;
}
