package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.ReadObserver;
import io.accessgov.dynamics.dataverse.TablePart;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;

/**
 * Reads one whole table, in {@code parts} key ranges at once when asked: each part is its own chain of pages, so the
 * table takes about {@code 1/parts} of the consecutive requests to read. Pages reach the consumer one at a time,
 * whichever part they come from. When Dataverse refuses the key-range filter before any page arrived, the table is
 * read again as one chain; once a part has delivered a page, any failure fails the read, so no row is ever handed
 * over twice.
 */
@Slf4j
final class TableRead<T> {

    private final DataverseClient dataverse;
    private final DataverseTable<T> table;
    private final int parts;
    private final ExecutorService threads;

    /**
     * @param parts 1 (one chain), 2, 4, 8 or 16
     * @param threads where the parts after the first run; must not be bounded below {@code parts} per table read
     */
    TableRead(DataverseClient dataverse, DataverseTable<T> table, int parts, ExecutorService threads) {
        this.dataverse = dataverse;
        this.table = table;
        this.parts = new TablePart(0, parts).count();
        this.threads = threads;
    }

    /** Reads the table to its end, handing each page to {@code pages}; throws the failure that stopped it. */
    void run(Consumer<List<T>> pages, ReadObserver observer) throws InterruptedException {
        if (parts == 1) {
            dataverse.readAll(table, pages, observer);
            return;
        }
        Delivery<T> delivery = new Delivery<>(pages);
        List<Future<?>> running = new ArrayList<>(parts);
        try {
            for (int index = 1; index < parts; index++) {
                TablePart part = new TablePart(index, parts);
                running.add(threads.submit(() -> {
                    try {
                        dataverse.readAll(table, part, delivery, observer);
                    } catch (RuntimeException e) {
                        delivery.stop(); // the other parts end at their next page
                        throw e;
                    }
                }));
            }
            @Nullable RuntimeException failure = null;
            try {
                dataverse.readAll(table, new TablePart(0, parts), delivery, observer);
            } catch (RuntimeException e) {
                failure = e;
                delivery.stop();
            }
            for (Future<?> part : running) {
                failure = firstOf(failure, outcome(part, delivery));
            }
            if (failure == null) {
                return;
            }
            if (failure instanceof DataverseRejectedRequest refused && !delivery.anyPage()) {
                log.warn(
                        "Dataverse refused reading {} in {} key ranges ({}); reading it as one chain of pages",
                        table,
                        parts,
                        refused.getMessage());
                dataverse.readAll(table, pages, observer);
                return;
            }
            throw failure;
        } finally {
            delivery.stop();
            running.forEach(part -> part.cancel(true));
        }
    }

    private static @Nullable RuntimeException outcome(Future<?> part, Delivery<?> delivery)
            throws InterruptedException {
        try {
            part.get();
            return null;
        } catch (ExecutionException e) {
            delivery.stop();
            return e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException("Reading a part of a table failed", e.getCause());
        }
    }

    /** The failure to report: a real one over a part stopped only because another part failed first. */
    private static @Nullable RuntimeException firstOf(
            @Nullable RuntimeException first, @Nullable RuntimeException next) {
        if (first == null || first instanceof PartStopped) {
            return next == null ? first : next;
        }
        return first;
    }

    /** Hands pages on one at a time and stops the other parts once one has failed. */
    private static final class Delivery<T> implements Consumer<List<T>> {
        private final Consumer<List<T>> pages;
        private volatile boolean stopped;
        private volatile boolean anyPage;

        Delivery(Consumer<List<T>> pages) {
            this.pages = pages;
        }

        @Override
        public synchronized void accept(List<T> page) {
            if (stopped) {
                throw new PartStopped();
            }
            anyPage = true;
            pages.accept(page);
        }

        void stop() {
            stopped = true;
        }

        boolean anyPage() {
            return anyPage;
        }
    }

    /** Thrown into a part to end it because another part failed. */
    static final class PartStopped extends RuntimeException {
        PartStopped() {
            super("Another part of the table read failed", null, false, false);
        }
    }
}
