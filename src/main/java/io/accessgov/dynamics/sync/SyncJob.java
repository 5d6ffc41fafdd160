package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.account.AccountTypeResolver;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.grant.GrantRules;
import io.accessgov.dynamics.web.ProblemKind;
import io.accessgov.dynamics.web.Problems;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import lombok.extern.slf4j.Slf4j;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one full sync to its end: reads the seven tables once each, concurrently (the client bounds the requests in
 * flight), keeps what the joins need, then writes the snapshot and commits it whole. Any failure ends the sync
 * FAILED with nothing committed.
 */
@Slf4j
final class SyncJob {

    private final DataverseClient dataverse;
    private final GrantRules rules;
    private final AccountTypeResolver types;
    private final JsonMapper json;
    private final SnapshotStore store;
    private final Path workDirectory;
    private final ExecutorService readers;
    private final Clock clock;

    SyncJob(
            DataverseClient dataverse,
            GrantRules rules,
            AccountTypeResolver types,
            JsonMapper json,
            SnapshotStore store,
            Path workDirectory,
            ExecutorService readers,
            Clock clock) {
        this.dataverse = dataverse;
        this.rules = rules;
        this.types = types;
        this.json = json;
        this.store = store;
        this.workDirectory = workDirectory;
        this.readers = readers;
        this.clock = clock;
    }

    /** Runs the sync; the result is SUCCEEDED with its snapshot committed, or FAILED with a problem. */
    Sync run(SyncRun run) {
        try (SnapshotCollector tables = new SnapshotCollector(
                rules, types, json, workDirectory, run.id().toString())) {
            long started = System.nanoTime();
            readAll(run, tables);
            long read = System.nanoTime();
            log.info("Sync {} read every table in {} ms", run.id(), (read - started) / 1_000_000);
            Sync.Counts counts;
            try (SnapshotStore.Draft draft = store.draft(run.id())) {
                OutputStream stream = new BufferedOutputStream(draft.stream(), 1 << 16);
                counts = new SnapshotComposer(rules, json, readers).compose(tables, new SnapshotWriter(stream, json));
                stream.flush();
                draft.commit();
            }
            log.info("Sync {} wrote its snapshot in {} ms", run.id(), (System.nanoTime() - read) / 1_000_000);
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
        }
    }

    static Map<String, Object> interrupted(String detail) {
        return Problems.asJson(Problems.of(ProblemKind.SYNC_INTERRUPTED, detail, null));
    }

    private Sync failed(SyncRun run, Map<String, Object> problem) {
        return run.view(SyncStatus.FAILED, clock.instant(), Sync.Counts.NONE, problem);
    }

    private void readAll(SyncRun run, SnapshotCollector tables) throws InterruptedException {
        List<Future<?>> reads = new ArrayList<>();
        reads.add(read(run, DataverseTable.BUSINESS_UNITS, tables::businessUnits));
        reads.add(read(run, DataverseTable.USERS, tables::users));
        reads.add(read(run, DataverseTable.ROLES, tables::roles));
        reads.add(read(run, DataverseTable.TEAMS, tables::teams));
        reads.add(read(run, DataverseTable.USER_ROLES, tables::userRoles));
        reads.add(read(run, DataverseTable.TEAM_MEMBERSHIPS, tables::memberships));
        reads.add(read(run, DataverseTable.TEAM_ROLES, tables::teamRoles));
        RuntimeException first = null;
        try {
            for (Future<?> read : reads) {
                try {
                    read.get();
                } catch (ExecutionException e) {
                    run.cancel();
                    if (first == null || first instanceof SyncRun.SyncCancelled) {
                        first = e.getCause() instanceof RuntimeException cause
                                ? cause
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            run.cancel();
            reads.forEach(read -> read.cancel(true));
            throw e;
        }
        if (first != null) {
            throw first;
        }
    }

    private <T> Future<?> read(SyncRun run, DataverseTable<T> table, Consumer<List<T>> into) {
        return readers.submit(() -> {
            dataverse.readAll(table, run.counting(table, into), run);
            run.done(table);
        });
    }
}
