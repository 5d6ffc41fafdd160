package io.accessgov.dynamics.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The requests the simulator received, oldest first (it keeps the most recent 50,000), and the peak number of Web
 * API requests that were in flight at once.
 */
public final class RequestLog {

    private static final int CAPACITY = 50_000;

    private final ConcurrentLinkedDeque<RecordedRequest> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final boolean recording;

    /** A log that records every request. */
    RequestLog() {
        this(true);
    }

    /** @param recording false keeps nothing: a simulator without test hooks */
    RequestLog(boolean recording) {
        this.recording = recording;
    }

    void started() {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    void finished() {
        inFlight.decrementAndGet();
    }

    /** The most Web API requests that were being served at the same moment since start (or the last clear). */
    public int peakConcurrency() {
        return peak.get();
    }

    void add(RecordedRequest request) {
        if (!recording) {
            return;
        }
        entries.addLast(request);
        if (size.incrementAndGet() > CAPACITY && entries.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    public List<RecordedRequest> all() {
        return new ArrayList<>(entries);
    }

    /** Requests to the Dataverse Web API only. */
    public List<RecordedRequest> dataverse() {
        return matching(RecordedRequest::isDataverse);
    }

    /** Requests to the token endpoint only. */
    public List<RecordedRequest> tokenRequests() {
        return matching(RecordedRequest::isTokenRequest);
    }

    public List<RecordedRequest> matching(Predicate<RecordedRequest> predicate) {
        return entries.stream().filter(predicate).toList();
    }

    /** Requests to the Web API that would change data (POST, PATCH, PUT, DELETE). */
    public List<RecordedRequest> writes() {
        return matching(r -> r.isDataverse() && !r.method().equals("GET"));
    }

    public int count() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
        size.set(0);
        peak.set(inFlight.get());
    }
}
