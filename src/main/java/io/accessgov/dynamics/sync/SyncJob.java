package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.GrantRules;
import io.accessgov.dynamics.web.ProblemKind;
import io.accessgov.dynamics.web.Problems;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import lombok.extern.slf4j.Slf4j;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one full sync to its end: reads the seven tables once each, concurrently (the client bounds the requests in
 * flight), the three that grow with the accounts in several key ranges at once if so configured; keeps what the joins
 * need, then writes the snapshot and commits it whole. Any failure ends the sync FAILED with nothing committed.
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
    }

    /** Runs the sync; the result is SUCCEEDED with its snapshot committed, or FAILED with a problem. */
    Sync run(SyncRun run) {
        Reads reads = null;
        try (SnapshotCollector tables = new SnapshotCollector(
                        rules, classifier, json, workDirectory, run.id().toString());
                SnapshotStore.Draft draft = store.draft(run.id())) {
            long started = System.nanoTime();
            reads = new Reads(run, tables);
            SnapshotWriter out = new SnapshotWriter(draft, compression, json);
            SnapshotComposer composer = new SnapshotComposer(json, readers);
            reads.await(reads.businessUnits, reads.users, reads.roles, reads.teams);
            composer.writeObjects(tables, out);
            reads.await(reads.userRoles);
            composer.indexDirectRoles(tables);
            reads.await(reads.memberships, reads.teamRoles);
            long read = System.nanoTime();
            log.info("Sync {} read every table in {} ms", run.id(), (read - started) / 1_000_000);
            Sync.Counts counts = composer.writeGrants(tables, out);
            out.commit();
            log.info(
                    "Sync {} wrote the rest of its snapshot in {} ms",
                    run.id(),
                    (System.nanoTime() - read) / 1_000_000);
            return run.view(SyncStatus.SUCCEEDED, clock.instant(), counts, null);
        } catch (DataverseException failure) {
            log.warn("Sync {} failed: {}", run.id(), failure.getMessage());
            return failed(run, Problems.asJson(Problems.ofDataverseFailure(failure)));
        } catch (SyncRun.SyncCancelled | InterruptedException stopped) {
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
        }
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

    /** The seven table reads, started at once on the reader threads. */
    private final class Reads {
        private final SyncRun run;
        private final List<Future<?>> all = new ArrayList<>();
        final Future<?> businessUnits;
        final Future<?> users;
        final Future<?> roles;
        final Future<?> teams;
        final Future<?> userRoles;
        final Future<?> memberships;
        final Future<?> teamRoles;

        Reads(SyncRun run, SnapshotCollector tables) {
            this.run = run;
            businessUnits = read(DataverseTable.BUSINESS_UNITS, tables::businessUnits);
            users = read(DataverseTable.USERS, tables::users);
            roles = read(DataverseTable.ROLES, tables::roles);
            teams = read(DataverseTable.TEAMS, tables::teams);
            userRoles = read(DataverseTable.USER_ROLES, tables::userRoles);
            memberships = read(DataverseTable.TEAM_MEMBERSHIPS, tables::memberships);
            teamRoles = read(DataverseTable.TEAM_ROLES, tables::teamRoles);
        }

        private <T> Future<?> read(DataverseTable<T> table, Consumer<List<T>> into) {
            TableRead<T> reading = new TableRead<>(dataverse, table, GROWING.contains(table) ? parts : 1, readers);
            Future<?> read = readers.submit(() -> {
                reading.run(run.counting(table, into), run);
                run.done(table);
                return null;
            });
            all.add(read);
            return read;
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
                            if (first instanceof SyncRun.SyncCancelled) {
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
            return e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }
}
