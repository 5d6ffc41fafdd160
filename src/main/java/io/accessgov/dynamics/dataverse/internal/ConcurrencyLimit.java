package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseTimedOut;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A fair bound on the number of Dataverse exchanges in flight at once, with the figures for the gauges. */
final class ConcurrencyLimit {

    private final Semaphore permits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxObserved = new AtomicInteger();

    public ConcurrencyLimit(int maxConcurrent) {
        this.permits = new Semaphore(maxConcurrent, true);
    }

    /** Waits up to {@code patience} for a slot. */
    public void acquire(Duration patience) {
        try {
            if (!permits.tryAcquire(Math.max(0, patience.toNanos()), TimeUnit.NANOSECONDS)) {
                throw new DataverseTimedOut("No slot for a Dataverse request became free before the deadline.", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataverseTimedOut("Interrupted while waiting for a Dataverse request slot.", null);
        }
        int now = inFlight.incrementAndGet();
        maxObserved.accumulateAndGet(now, Math::max);
    }

    public void release() {
        inFlight.decrementAndGet();
        permits.release();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int maxObserved() {
        return maxObserved.get();
    }
}
