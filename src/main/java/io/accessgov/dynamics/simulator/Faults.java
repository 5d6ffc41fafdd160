package io.accessgov.dynamics.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Fault injection: queued faults for the next matching requests, a seeded probabilistic mode, and added latency on
 * every request (for benchmarks). Applies to the token endpoint too (match on {@code "/oauth2/"}).
 */
public final class Faults {

    private final List<Pending> queue = new ArrayList<>();
    private @Nullable Fault randomFault;
    private double probability;
    private @Nullable Random random;
    private volatile Duration latency = Duration.ZERO;

    private static final class Pending {
        final Fault fault;
        int remaining;

        Pending(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    /** Queues the fault for the next {@link Fault#times()} requests it matches (faults apply in the order given). */
    public synchronized Faults inject(Fault fault) {
        queue.add(new Pending(fault));
        return this;
    }

    /**
     * Hits each matching request with the fault with this probability, drawn from a source seeded with {@code seed}
     * (so a run is repeatable for the same order of requests). The fault's {@code times} is ignored here.
     */
    public synchronized Faults randomly(double chance, Fault fault, long seed) {
        if (chance < 0 || chance > 1) {
            throw new IllegalArgumentException("probability must be between 0 and 1");
        }
        this.probability = chance;
        this.randomFault = fault;
        this.random = new Random(seed);
        return this;
    }

    /** Adds this latency to every request (0 for none). */
    public Faults addedLatency(Duration value) {
        this.latency = value;
        return this;
    }

    public Duration addedLatency() {
        return latency;
    }

    /** Removes every queued and random fault and the added latency. */
    public synchronized void clear() {
        queue.clear();
        randomFault = null;
        random = null;
        latency = Duration.ZERO;
    }

    /** How many queued fault hits are still to come. */
    public synchronized int pending() {
        return queue.stream().mapToInt(p -> p.remaining).sum();
    }

    synchronized @Nullable Fault take(String method, String rawPath) {
        Iterator<Pending> it = queue.iterator();
        while (it.hasNext()) {
            Pending pending = it.next();
            if (pending.fault.matches(method, rawPath)) {
                if (--pending.remaining == 0) {
                    it.remove();
                }
                return pending.fault;
            }
        }
        if (randomFault != null
                && random != null
                && randomFault.matches(method, rawPath)
                && random.nextDouble() < probability) {
            return randomFault;
        }
        return null;
    }
}
