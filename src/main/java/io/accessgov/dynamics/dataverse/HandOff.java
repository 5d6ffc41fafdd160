package io.accessgov.dynamics.dataverse;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Hands items (a table's pages, as they are read) to their consumer on a thread of its own, in the order they came,
 * so that the reader asks for the next page while the last one is decoded and applied: a long table then takes about
 * its chain of requests, not the requests plus the work on each page. At most {@code ahead} items wait in the queue,
 * besides the one being applied. When the consumer fails, the next hand-over throws its failure, and so does {@link
 * #finish}; {@link #close} returns only once the consumer's thread has ended, so nothing it writes to outlives the
 * read. The consumer runs on that other thread: it must not rely on the reading thread's thread-locals.
 */
public final class HandOff<T> implements Consumer<T>, AutoCloseable {

    /**
     * Pages that may wait for the consumer: enough to hide its work behind the next requests even when it stalls for
     * a while (a collection, a slow disk), few enough to hold little.
     */
    public static final int PAGES_AHEAD = 4;

    /**
     * A read stopped by an interrupt: the reading thread's while it handed a page over or waited for the last one to
     * be applied, or the consumer's when the hand-off was closed under it. The service is stopping the read.
     */
    public static final class Interrupted extends RuntimeException {
        public Interrupted() {
            super("Interrupted while pages were handed over", null, false, false);
        }
    }

    private static final long POLL_MILLIS = 100;
    private static final Object END = new Object();

    private final BlockingQueue<Object> waiting;
    private final Consumer<T> consumer;
    private final Thread thread;
    private volatile @Nullable Throwable failure;
    private volatile boolean closed;

    /** Starts the consumer's thread, named {@code name}; {@code ahead} items may wait for it. */
    public HandOff(String name, int ahead, Consumer<T> consumer) {
        this.waiting = new ArrayBlockingQueue<>(ahead);
        this.consumer = consumer;
        this.thread = new Thread(this::apply, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the item; throws the consumer's failure instead when it has stopped on one. */
    @Override
    public void accept(T item) {
        try {
            hand(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted();
        }
    }

    /** Waits until every item queued is applied; throws the consumer's failure, if it stopped on one. */
    public void finish() throws InterruptedException {
        hand(END);
        thread.join();
        rethrowFailure();
        if (closed) {
            throw new IllegalStateException("The consumer of the pages was stopped before their end");
        }
    }

    /**
     * Stops the consumer if it still runs, and waits until its thread has ended (at most the item it is on). Items
     * still waiting are dropped; after this, handing an item over or finishing throws.
     */
    @Override
    public void close() {
        boolean interrupted = false;
        closed = true;
        thread.interrupt();
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private void apply() {
        try {
            while (!closed) {
                Object item = waiting.take();
                if (item == END || closed) {
                    return;
                }
                consumer.accept((T) item);
            }
        } catch (InterruptedException e) {
            failure = new Interrupted();
        } catch (Throwable e) { // whatever ends the consumer is its failure, never a quiet end
            failure = e;
        }
    }

    private void hand(Object item) throws InterruptedException {
        checkRunning();
        while (!waiting.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            checkRunning();
        }
    }

    /**
     * Refuses once closed; else throws the consumer's failure, or says it has stopped (past the end) when it ended
     * without one.
     */
    private void checkRunning() {
        if (closed) {
            throw new IllegalStateException("The hand-off of the pages was closed; nothing more can be handed over");
        }
        rethrowFailure();
        if (!thread.isAlive()) {
            rethrowFailure(); // it may have failed in the meantime
            throw new IllegalStateException("The consumer of the pages has stopped; nothing more can be handed over");
        }
    }

    private void rethrowFailure() {
        Throwable stopped = failure;
        if (stopped instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (stopped instanceof Error error) {
            throw error;
        }
        if (stopped != null) {
            throw new IllegalStateException("Applying a page failed", stopped);
        }
    }
}
