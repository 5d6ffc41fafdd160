package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.ReadObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A sync while it runs: progress per table, Dataverse requests and throttling waits as they happen, and the
 * switch that stops every table read at its next page once one has failed.
 */
final class SyncRun implements ReadObserver {

    /** The seven tables of a full sync, in the order progress lists them. */
    static final List<DataverseTable<?>> TABLES = List.of(
            DataverseTable.BUSINESS_UNITS,
            DataverseTable.USERS,
            DataverseTable.ROLES,
            DataverseTable.TEAMS,
            DataverseTable.USER_ROLES,
            DataverseTable.TEAM_MEMBERSHIPS,
            DataverseTable.TEAM_ROLES,
            DataverseTable.PRIVILEGES,
            DataverseTable.ROLE_PRIVILEGES,
            DataverseTable.FIELD_SECURITY_PROFILES,
            DataverseTable.FIELD_PERMISSIONS,
            DataverseTable.USER_PROFILES,
            DataverseTable.TEAM_PROFILES);

    private static final String EVERYWHERE = "";

    private final UUID id;
    private final String environment;
    private final Instant startedAt;
    private final SyncMode mode;
    private final Map<String, String> fallbacks = new ConcurrentHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttledNanos = new AtomicLong();
    private final ObjLongConsumer<String> rowsRead;
    private volatile boolean cancelled;

    SyncRun(UUID id, String environment, SyncMode mode, Instant startedAt, ObjLongConsumer<String> rowsRead) {
        this.environment = environment;
        this.mode = mode;
        this.id = id;
        this.startedAt = startedAt;
        this.rowsRead = rowsRead;
        TABLES.forEach(table -> tables.put(table.name(), new Table()));
    }

    UUID id() {
        return id;
    }

    SyncMode mode() {
        return mode;
    }

    /**
     * Records that this table was read whole instead of by following its changes, and why; only an incremental sync
     * reports it (a full sync reads every table whole).
     */
    void fellBack(DataverseTable<?> table, String why) {
        if (mode == SyncMode.INCREMENTAL) {
            fallbacks.put(table.name(), why);
        }
    }

    /** Records that no table's changes could be followed, and why. */
    void fellBackEverywhere(String why) {
        if (mode == SyncMode.INCREMENTAL) {
            fallbacks.put(EVERYWHERE, why);
        }
    }

    /** Why tables were read whole in an incremental sync, table by table in progress order; null when none was. */
    @Nullable
    String fallback() {
        if (fallbacks.isEmpty()) {
            return null;
        }
        if (fallbacks.containsKey(EVERYWHERE)) {
            return fallbacks.get(EVERYWHERE) + "; every table was read whole.";
        }
        StringJoiner all = new StringJoiner("; ", "", ".");
        for (DataverseTable<?> table : TABLES) {
            String why = fallbacks.get(table.name());
            if (why != null) {
                all.add(table.name() + ": " + why);
            }
        }
        return all.toString();
    }

    @Override
    public void exchanged() {
        requests.incrementAndGet();
    }

    @Override
    public void throttled(Duration waited) {
        throttledNanos.addAndGet(waited.toNanos());
    }

    /** Counts each page of {@code table} before handing it on; stops the read once the sync is cancelled. */
    <T> Consumer<List<T>> counting(DataverseTable<T> table, Consumer<List<T>> then) {
        return counting(table, then, true);
    }

    /**
     * Like {@link #counting(DataverseTable, Consumer)}; rows that come from the previous sync's delta state rather
     * than from Dataverse ({@code fromDataverse} false) count in the table's progress but not as rows read.
     */
    <T> Consumer<List<T>> counting(DataverseTable<T> table, Consumer<List<T>> then, boolean fromDataverse) {
        Table progress = tables.get(table.name());
        return page -> {
            if (cancelled || Thread.currentThread().isInterrupted()) {
                throw new SyncCancelled();
            }
            then.accept(page);
            progress.rows.addAndGet(page.size());
            progress.pages.incrementAndGet();
            if (fromDataverse) {
                rowsRead.accept(table.name(), page.size());
            }
        };
    }

    /** Counts rows read from Dataverse that are not handed on page by page: the changes of a table. */
    void read(DataverseTable<?> table, long rows) {
        rowsRead.accept(table.name(), rows);
    }

    /** Marks the table read to its last page. */
    void done(DataverseTable<?> table) {
        tables.get(table.name()).done = true;
    }

    /** Stops the reads still running at their next page. */
    void cancel() {
        cancelled = true;
    }

    /** The sync as it stands. */
    Sync view(
            SyncStatus status,
            @Nullable Instant finishedAt,
            Sync.Counts counts,
            @Nullable Map<String, Object> problem) {
        List<Sync.TableProgress> progress = new ArrayList<>();
        tables.forEach((name, table) ->
                progress.add(new Sync.TableProgress(name, table.rows.get(), table.pages.get(), table.done)));
        return new Sync(
                id,
                environment,
                status,
                mode,
                startedAt,
                finishedAt,
                progress,
                counts,
                requests.get(),
                Duration.ofNanos(throttledNanos.get()).toMillis(),
                fallback(),
                problem);
    }

    Sync running() {
        return view(SyncStatus.RUNNING, null, Sync.Counts.NONE, null);
    }

    private static final class Table {
        final AtomicLong rows = new AtomicLong();
        final AtomicLong pages = new AtomicLong();
        volatile boolean done;
    }

    /** Thrown into a table read to stop it because the sync is over. */
    static final class SyncCancelled extends RuntimeException {
        SyncCancelled() {
            super("The sync was cancelled", null, false, false);
        }
    }
}
