package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.ChangeToken;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.HandOff;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.GrantRules;
import io.accessgov.dynamics.web.ProblemKind;
import io.accessgov.dynamics.web.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one sync to its end: reads the seven tables once each, concurrently (the client bounds the requests in
 * flight), the three that grow with the accounts in several key ranges at once if so configured; keeps what the joins
 * need, then writes the snapshot and commits it whole, with its delta state. An incremental sync (docs/api.md §11)
 * first reads what changed in each table since the previous sync and applies it to the rows that sync kept; when
 * nothing changed anywhere, the snapshot is the previous one. Any failure ends the sync FAILED with nothing
 * committed.
 */
@Slf4j
final class SyncJob {

    private final DataverseClient dataverse;
    private final GrantRules rules;
    private final AccountClassifier classifier;
    private final JsonMapper json;
    private final SnapshotStore store;
    private final SnapshotCompression compression;
    private final Path workDirectory;
    private final ExecutorService readers;
    private final int parts;
    private final Clock clock;
    private final Map<DataverseTable<?>, RowCodec<?>> codecs;

    SyncJob(
            Environment environment,
            JsonMapper json,
            SnapshotStore store,
            SnapshotCompression compression,
            Path workDirectory,
            ExecutorService readers,
            int parts,
            Clock clock) {
        this.dataverse = environment.dataverse();
        this.rules = GrantRules.of(environment);
        this.classifier = environment.classifier();
        this.json = json;
        this.store = store;
        this.compression = compression;
        this.workDirectory = workDirectory;
        this.readers = readers;
        this.parts = parts;
        this.clock = clock;
        this.codecs = RowCodec.all(json);
    }

    /** The previous successful sync of the environment and its snapshot: what an incremental sync continues from. */
    record Previous(Sync sync, SnapshotStore.Snapshot snapshot) {}

    /**
     * Runs the sync; the result is SUCCEEDED with its snapshot committed, or FAILED with a problem.
     *
     * @param previous what an incremental sync continues from; null when there is nothing (every table is then read
     *     whole, and the sync says so)
     */
    Sync run(SyncRun run, @Nullable Previous previous) {
        Reads reads = null;
        Path state = workDirectory.resolve(run.id() + "-state");
        try (SnapshotCollector tables = new SnapshotCollector(
                        rules, classifier, json, workDirectory, run.id().toString());
                SnapshotStore.Draft draft = store.draft(run.id())) {
            long started = System.nanoTime();
            Files.createDirectories(state);
            Map<String, StateSection> before =
                    run.mode() == SyncMode.INCREMENTAL ? previousState(run, previous, state, false) : Map.of();
            Map<DataverseTable<?>, TableSync.Delta<?>> deltas = readChanges(run, before, state);
            if (previous != null
                    && deltas.size() == SyncRun.TABLES.size()
                    && deltas.values().stream().allMatch(TableSync.Delta::quiet)) {
                return unchanged(run, previous, deltas, draft);
            }
            if (!deltas.isEmpty()) {
                before = previousState(run, previous, state, true);
                deltas = placeable(run, before, deltas, state);
            }
            Set<DataverseTable<?>> tracked =
                    deltas.size() == SyncRun.TABLES.size() ? Set.of() : dataverse.changeTrackedTables(run);
            DeltaState.Writer deltaState = new DeltaState.Writer(draft.state());
            try (HandOff<StateSection> kept = keeping(run, deltaState)) {
                reads = new Reads(run, tables, before, deltas, tracked, state, kept);
                SnapshotWriter out = new SnapshotWriter(draft, compression, json);
                SnapshotComposer composer = new SnapshotComposer(json, readers);
                reads.await(reads.businessUnits, reads.users, reads.roles, reads.teams, reads.privilegeTables);
                composer.writeObjects(tables, out);
                reads.await(reads.userRoles);
                composer.indexDirectRoles(tables);
                reads.await(reads.memberships, reads.teamRoles, reads.profiles, reads.userProfiles, reads.teamProfiles);
                reads.await(reads.privileges, reads.rolePrivileges, reads.permissions);
                long read = System.nanoTime();
                log.info("Sync {} read every table in {} ms", run.id(), (read - started) / 1_000_000);
                Map<UUID, String> privilegeTables = reads.privilegeTables();
                Sync.Counts counts = composer.writeGrants(tables, out);
                composer.writeAccessRules(tables, privilegeTables, out);
                kept.finish();
                deltaState.end();
                out.commit();
                log.info(
                        "Sync {} wrote the rest of its snapshot in {} ms",
                        run.id(),
                        (System.nanoTime() - read) / 1_000_000);
                return run.view(SyncStatus.SUCCEEDED, clock.instant(), counts, null);
            }
        } catch (DataverseException failure) {
            log.warn("Sync {} failed: {}", run.id(), failure.getMessage());
            return failed(run, Problems.asJson(Problems.ofDataverseFailure(failure)));
        } catch (SyncRun.SyncCancelled | HandOff.Interrupted | InterruptedException stopped) {
            log.warn("Sync {} was cut short by the service stopping", run.id());
            return failed(run, interrupted("The service stopped while the sync ran; start a new sync."));
        } catch (IOException | RuntimeException e) {
            log.error("Sync {} failed unexpectedly", run.id(), e);
            return failed(
                    run,
                    Problems.asJson(Problems.of(
                            ProblemKind.INTERNAL_ERROR,
                            "The sync failed unexpectedly; it was logged. Start a new sync.",
                            null)));
        } finally {
            if (reads != null) {
                reads.stop();
            }
            try {
                FileSystemUtils.deleteRecursively(state);
            } catch (IOException e) {
                log.warn("Cannot remove the work files of sync {}: {}", run.id(), e.getMessage());
            }
        }
    }

    /**
     * The previous sync's delta state, with one work file per table when {@code rows}, else only each table's token;
     * empty (and the run told why) when there is none.
     */
    private static Map<String, StateSection> previousState(
            SyncRun run, @Nullable Previous previous, Path directory, boolean rows) {
        if (previous == null) {
            run.fellBackEverywhere("no earlier sync of this environment succeeded");
            return Map.of();
        }
        try {
            Optional<InputStream> state = previous.snapshot().state();
            if (state.isEmpty()) {
                run.fellBackEverywhere("the previous sync (" + previous.sync().id() + ") kept no delta state");
                return Map.of();
            }
            try (InputStream in = state.get()) {
                return DeltaState.read(in, directory, "before", rows);
            }
        } catch (IOException e) {
            log.warn(
                    "The delta state of sync {} cannot be read: {}",
                    previous.sync().id(),
                    e.getMessage());
            run.fellBackEverywhere(
                    "the delta state of the previous sync (" + previous.sync().id() + ") cannot be read");
            return Map.of();
        }
    }

    /**
     * Reads, all at once, the changes since the previous sync of every table it kept a section for; the tables
     * whose changes can be followed, with them.
     */
    private Map<DataverseTable<?>, TableSync.Delta<?>> readChanges(
            SyncRun run, Map<String, StateSection> before, Path directory) throws InterruptedException {
        if (before.isEmpty()) {
            return Map.of();
        }
        Map<DataverseTable<?>, Future<Optional<? extends TableSync.Delta<?>>>> reading = new LinkedHashMap<>();
        for (DataverseTable<?> table : SyncRun.TABLES) {
            StateSection previous = before.get(table.name());
            if (previous == null) {
                run.fellBack(table, "the previous sync kept no state for it");
                continue;
            }
            TableSync<?> sync = tableSync(table, run, directory);
            reading.put(table, readers.submit(() -> sync.changesSince(previous)));
        }
        Map<DataverseTable<?>, TableSync.Delta<?>> deltas = new HashMap<>();
        try {
            for (Map.Entry<DataverseTable<?>, Future<Optional<? extends TableSync.Delta<?>>>> read :
                    reading.entrySet()) {
                read.getValue().get().ifPresent(delta -> deltas.put(read.getKey(), delta));
            }
        } catch (ExecutionException e) {
            reading.values().forEach(read -> read.cancel(true));
            throw e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException("Reading changes failed", e.getCause());
        }
        return deltas;
    }

    /** The deltas whose removals can be placed in the previous sync's rows; the others' tables are read whole. */
    private Map<DataverseTable<?>, TableSync.Delta<?>> placeable(
            SyncRun run,
            Map<String, StateSection> before,
            Map<DataverseTable<?>, TableSync.Delta<?>> deltas,
            Path directory)
            throws IOException {
        Map<DataverseTable<?>, TableSync.Delta<?>> placeable = new HashMap<>();
        for (Map.Entry<DataverseTable<?>, TableSync.Delta<?>> delta : deltas.entrySet()) {
            StateSection section = before.get(delta.getKey().name());
            if (section != null && placeable(tableSync(delta.getKey(), run, directory), section, delta.getValue())) {
                placeable.put(delta.getKey(), delta.getValue());
            }
        }
        return placeable;
    }

    @SuppressWarnings("unchecked")
    private static <T> boolean placeable(TableSync<T> sync, StateSection section, TableSync.Delta<?> delta)
            throws IOException {
        return sync.placeable(section, (TableSync.Delta<T>) delta);
    }

    /**
     * Nothing changed in any table: the snapshot is the previous one, byte for byte, and the delta state continues
     * from the new tokens.
     */
    private Sync unchanged(
            SyncRun run,
            Previous previous,
            Map<DataverseTable<?>, TableSync.Delta<?>> deltas,
            SnapshotStore.Draft draft)
            throws IOException {
        Map<String, @Nullable ChangeToken> tokens = new HashMap<>();
        for (DataverseTable<?> table : SyncRun.TABLES) {
            tokens.put(table.name(), deltas.get(table).next());
            run.done(table);
        }
        try (InputStream lines = previous.snapshot().lines();
                InputStream keys = previous.snapshot().keys();
                InputStream state = previous.snapshot()
                        .state()
                        .orElseThrow(() -> new IOException(
                                "The delta state of sync " + previous.sync().id() + " is gone"))) {
            lines.transferTo(draft.lines());
            keys.transferTo(draft.keys());
            DeltaState.continued(state, draft.state(), tokens);
        }
        draft.commit(previous.snapshot().size());
        log.info(
                "Sync {} found no change since sync {}",
                run.id(),
                previous.sync().id());
        return run.view(SyncStatus.SUCCEEDED, clock.instant(), previous.sync().counts(), null);
    }

    /**
     * The new delta state, written on a thread of its own: each table's section as soon as its read ends (so the
     * sections are in the order the reads ended), while the last reads and the grants go on; {@link
     * HandOff#finish} waits for the last.
     */
    private static HandOff<StateSection> keeping(SyncRun run, DeltaState.Writer state) {
        return new HandOff<>("sync-state-" + run.id(), SyncRun.TABLES.size(), section -> {
            try {
                state.add(section);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private <T> TableSync<T> tableSync(DataverseTable<T> table, SyncRun run, Path directory) {
        return new TableSync<>(
                dataverse,
                table,
                (RowCodec<T>) codecs.get(table),
                directory.resolve("after-" + table.name()),
                run,
                !GROWING.contains(table)); // a growing table is not held in memory to be compared
    }

    static Map<String, Object> interrupted(String detail) {
        return Problems.asJson(Problems.of(ProblemKind.SYNC_INTERRUPTED, detail, null));
    }

    private Sync failed(SyncRun run, Map<String, Object> problem) {
        return run.view(SyncStatus.FAILED, clock.instant(), Sync.Counts.NONE, problem);
    }

    /** The tables that grow with the number of accounts: read in {@code parts} key ranges at once. */
    static final Set<DataverseTable<?>> GROWING =
            Set.of(DataverseTable.USERS, DataverseTable.USER_ROLES, DataverseTable.TEAM_MEMBERSHIPS);

    /** The table reads, started at once on the reader threads. */
    private final class Reads {
        private final SyncRun run;
        private final Map<String, StateSection> before;
        private final Map<DataverseTable<?>, TableSync.Delta<?>> deltas;
        private final Set<DataverseTable<?>> tracked;
        private final Path directory;
        private final HandOff<StateSection> kept;
        private final List<Future<?>> all = new ArrayList<>();
        final Future<?> businessUnits;
        final Future<?> users;
        final Future<?> roles;
        final Future<?> teams;
        final Future<?> userRoles;
        final Future<?> memberships;
        final Future<?> teamRoles;
        final Future<?> privileges;
        final Future<?> rolePrivileges;
        final Future<?> profiles;
        final Future<?> permissions;
        final Future<?> userProfiles;
        final Future<?> teamProfiles;
        final Future<Map<UUID, String>> privilegeTables;

        Reads(
                SyncRun run,
                SnapshotCollector tables,
                Map<String, StateSection> before,
                Map<DataverseTable<?>, TableSync.Delta<?>> deltas,
                Set<DataverseTable<?>> tracked,
                Path directory,
                HandOff<StateSection> kept) {
            this.run = run;
            this.kept = kept;
            this.before = before;
            this.deltas = deltas;
            this.tracked = tracked;
            this.directory = directory;
            businessUnits = read(DataverseTable.BUSINESS_UNITS, tables::businessUnits);
            users = read(DataverseTable.USERS, tables::users);
            roles = read(DataverseTable.ROLES, tables::roles);
            teams = read(DataverseTable.TEAMS, tables::teams);
            userRoles = read(DataverseTable.USER_ROLES, tables::userRoles);
            memberships = read(DataverseTable.TEAM_MEMBERSHIPS, tables::memberships);
            teamRoles = read(DataverseTable.TEAM_ROLES, tables::teamRoles);
            privileges = read(DataverseTable.PRIVILEGES, tables::privileges);
            rolePrivileges = read(DataverseTable.ROLE_PRIVILEGES, tables::rolePrivileges);
            profiles = read(DataverseTable.FIELD_SECURITY_PROFILES, tables::profiles);
            permissions = read(DataverseTable.FIELD_PERMISSIONS, tables::permissions);
            userProfiles = read(DataverseTable.USER_PROFILES, tables::userProfiles);
            teamProfiles = read(DataverseTable.TEAM_PROFILES, tables::teamProfiles);
            privilegeTables = readers.submit(() -> dataverse.tablesOfPrivileges(run));
            all.add(privilegeTables);
        }

        /**
         * Reads one table: its changes applied to the previous sync's rows when they could be followed, else the
         * whole table, with change tracking where Dataverse tracks it and the table is read as one chain of pages
         * (tracking allows no key-range filter, so a table read in several key ranges gets no token).
         */
        @SuppressWarnings("unchecked")
        private <T> Future<?> read(DataverseTable<T> table, Consumer<List<T>> into) {
            int tableParts = GROWING.contains(table) ? parts : 1;
            TableRead<T> reading = new TableRead<>(dataverse, table, tableParts, readers);
            TableSync<T> sync = tableSync(table, run, directory);
            TableSync.Delta<T> delta = (TableSync.Delta<T>) deltas.get(table);
            Consumer<List<T>> counted = run.counting(table, into, delta == null);
            Future<?> read = readers.submit(() -> {
                StateSection section = delta != null
                        ? sync.apply(before.get(table.name()), delta, counted)
                        : sync.readWhole(
                                tracked.contains(table) && tableParts == 1, counted, rows -> reading.run(rows, run));
                kept.accept(section);
                run.done(table);
                return null;
            });
            all.add(read);
            return read;
        }

        /** Privilege id → the table whose definition lists it, read beside the tables. */
        Map<UUID, String> privilegeTables() throws InterruptedException {
            await(privilegeTables);
            try {
                return privilegeTables.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("A read that ended well threw", e);
            }
        }

        /**
         * Waits for these reads. When one failed, stops the others and throws the failure that ended the sync (not
         * a read stopped because of it), once every read has stopped.
         */
        void await(Future<?>... reads) throws InterruptedException {
            for (Future<?> read : reads) {
                try {
                    read.get();
                } catch (ExecutionException e) {
                    run.cancel();
                    RuntimeException first = cause(e);
                    for (Future<?> other : all) {
                        try {
                            other.get();
                        } catch (ExecutionException also) {
                            if (first instanceof SyncRun.SyncCancelled || first instanceof HandOff.Interrupted) {
                                first = cause(also);
                            }
                        }
                    }
                    throw first;
                }
            }
        }

        /** Stops every read still running (after a failure elsewhere, or when the service stops). */
        void stop() {
            run.cancel();
            all.forEach(read -> read.cancel(true));
        }

        private static RuntimeException cause(ExecutionException e) {
            if (e.getCause() instanceof InterruptedException) {
                return new SyncRun.SyncCancelled(); // a read stopped while it waited: the sync is being stopped
            }
            return e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }
}
