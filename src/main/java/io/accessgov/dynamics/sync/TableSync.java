package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.dataverse.ChangeToken;
import io.accessgov.dynamics.dataverse.ChangeTokenExpired;
import io.accessgov.dynamics.dataverse.ChangeTrackingRefused;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.HandOff;
import io.accessgov.dynamics.dataverse.InvalidContinuation;
import io.accessgov.dynamics.dataverse.RowChange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;

/**
 * One table of one sync (docs/api.md §11): either its changes since the previous sync, applied to the rows that
 * sync kept, or the whole table, read with change tracking when Dataverse tracks it. Either way the rows reach the
 * snapshot exactly as a whole read would hand them over, and the table's section of the new delta state is
 * written on the way. When the changes cannot be followed (an expired or refused token, a removal of a link row the
 * previous sync did not hold) the table is read whole and the sync says why: a removal is never guessed at.
 *
 * <p>A table Dataverse does not track (other than the ones that grow with the accounts) is kept by content ({@link RowCodec#contentId}):
 * the next incremental sync reads it whole again and compares, so that what changed in it, and whether anything did,
 * is known without change tracking.
 */
@Slf4j
final class TableSync<T> {

    private final DataverseClient dataverse;
    private final DataverseTable<T> table;
    private final RowCodec<T> codec;
    private final Path file;
    private final SyncRun run;
    private final boolean byContent;

    /**
     * @param file where the table's section of the new delta state is written
     * @param byContent whether, when Dataverse does not track the table, its rows are kept by content and compared
     *     (not for the tables that grow with the accounts, which would have to be held in memory)
     */
    TableSync(
            DataverseClient dataverse,
            DataverseTable<T> table,
            RowCodec<T> codec,
            Path file,
            SyncRun run,
            boolean byContent) {
        this.dataverse = dataverse;
        this.table = table;
        this.codec = codec;
        this.file = file;
        this.run = run;
        this.byContent = byContent;
    }

    /**
     * What changed in the table since a token, by primary key (the last word on each row), and the next token (none
     * for a table kept by content).
     */
    record Delta<T>(
            Map<UUID, RowChange<T>> changes, @Nullable ChangeToken next) {

        boolean quiet() {
            return changes.isEmpty();
        }
    }

    /**
     * Reads the changes since the previous sync's section; empty, with the reason recorded in the run, when they
     * cannot be followed and the table must be read whole. Whether its removals can be placed is a separate question
     * ({@link #placeable}).
     */
    Optional<Delta<T>> changesSince(StateSection previous) throws IOException {
        if (previous.token() == null) {
            if (byContent && previous.byContent()) {
                run.fellBack(table, "Dataverse does not track its changes: it was read whole and compared");
                return Optional.of(comparedWhole(previous));
            }
            run.fellBack(table, "Dataverse did not track its changes when the previous sync read it");
            return Optional.empty();
        }
        Map<UUID, RowChange<T>> changes = new LinkedHashMap<>();
        ChangeToken next;
        try {
            next = dataverse.readChanges(
                    table, previous.token(), page -> page.forEach(change -> changes.put(change.id(), change)), run);
        } catch (ChangeTokenExpired expired) {
            run.fellBack(table, "its change token expired (Dataverse keeps changes for a limited time)");
            return Optional.empty();
        } catch (ChangeTrackingRefused refused) {
            run.fellBack(table, "Dataverse refused to follow its changes (" + refused.getMessage() + ")");
            return Optional.empty();
        } catch (InvalidContinuation foreign) {
            run.fellBack(table, "its change token does not lead to this table in this environment");
            return Optional.empty();
        }
        run.read(table, changes.size());
        return Optional.of(new Delta<>(changes, next));
    }

    /**
     * Reads the whole table and compares it with the rows the previous sync kept by content: the rows that are gone
     * as removals, the new ones as present; no token.
     */
    private Delta<T> comparedWhole(StateSection previous) throws IOException {
        Map<UUID, RowChange<T>> now = new LinkedHashMap<>();
        dataverse.readAll(
                table,
                page -> page.forEach(row -> {
                    UUID id = codec.contentId(row);
                    now.put(id, RowChange.present(id, row));
                }),
                run);
        run.read(table, now.size());
        Map<UUID, RowChange<T>> changes = new LinkedHashMap<>();
        previous.forEachPage(
                codec,
                page -> page.forEach(kept -> {
                    if (now.remove(kept.id()) == null) {
                        changes.put(kept.id(), RowChange.removed(kept.id()));
                    }
                }));
        changes.putAll(now);
        return new Delta<>(changes, null);
    }

    /**
     * Whether every removal the delta reports can be placed in the previous sync's rows (the section's rows must
     * be read): always for a table of objects, whose removals name the object; for a link table only when each
     * names a link row the previous sync held. When not, the reason is recorded in the run and the table must be
     * read whole: which link went is never guessed.
     */
    boolean placeable(StateSection previous, Delta<T> delta) throws IOException {
        if (!codec.links()) {
            return true;
        }
        long unplaced = unplacedRemovals(previous, delta.changes());
        if (unplaced > 0) {
            run.fellBack(
                    table,
                    "Dataverse reported " + unplaced + " removed link row(s) the previous sync did not hold,"
                            + " which cannot be placed");
            return false;
        }
        return true;
    }

    /** How many removals name a link row the previous section does not hold. */
    private long unplacedRemovals(StateSection previous, Map<UUID, RowChange<T>> changes) throws IOException {
        Set<UUID> removals = new HashSet<>();
        changes.values().stream().filter(RowChange::isRemoval).forEach(change -> removals.add(change.id()));
        if (removals.isEmpty()) {
            return 0;
        }
        previous.forEachPage(codec, page -> page.forEach(row -> removals.remove(row.id())));
        return removals.size();
    }

    /**
     * Hands the previous sync's rows, with the changes applied, to {@code rows} (a page at a time, changed rows in
     * place, new ones last) and writes them as the table's new section.
     */
    StateSection apply(StateSection previous, Delta<T> delta, Consumer<List<T>> rows) throws IOException {
        Map<UUID, RowChange<T>> pending = new HashMap<>(delta.changes());
        try (StateSection.Writer<T> writer = new StateSection.Writer<>(table.name(), codec, file)) {
            previous.forEachPage(codec, page -> {
                List<RowChange<T>> kept = new ArrayList<>(page.size());
                for (RowChange<T> row : page) {
                    RowChange<T> change = pending.remove(row.id());
                    if (change == null) {
                        kept.add(row);
                    } else if (!change.isRemoval()) {
                        kept.add(change);
                    }
                }
                hand(kept, writer, rows);
            });
            List<RowChange<T>> added = new ArrayList<>();
            for (RowChange<T> change : pending.values()) {
                if (!change.isRemoval()) {
                    added.add(change);
                }
            }
            for (int from = 0; from < added.size(); from += StateSection.PAGE) {
                hand(added.subList(from, Math.min(added.size(), from + StateSection.PAGE)), writer, rows);
            }
            return delta.next() == null ? writer.finishByContent() : writer.finish(delta.next());
        }
    }

    /**
     * Reads the whole table, with change tracking when {@code tracked} (its section then continues from the token
     * Dataverse hands out), else with {@code whole} (its section then holds no rows and no token: the next
     * incremental sync reads it whole again). Each page is applied while the next is asked for: on the Dataverse
     * client's own hand-off thread for a read with change tracking ({@link DataverseClient#readAllTracked}), on a
     * {@link HandOff} of this read's for the others.
     */
    StateSection readWhole(boolean tracked, Consumer<List<T>> rows, WholeRead<T> whole)
            throws IOException, InterruptedException {
        try (StateSection.Writer<T> writer = new StateSection.Writer<>(table.name(), codec, file)) {
            if (tracked) {
                boolean[] any = {false};
                try {
                    Optional<ChangeToken> token = dataverse.readAllTracked(
                            table,
                            page -> {
                                any[0] = true;
                                hand(page, writer, rows);
                            },
                            run);
                    if (token.isEmpty()) {
                        run.fellBack(table, "Dataverse read it without tracking its changes");
                    }
                    return writer.finish(token.orElse(null));
                } catch (ChangeTrackingRefused refused) {
                    if (any[0]) {
                        throw refused;
                    }
                    log.warn(
                            "Dataverse refused to track the changes of {}; reading it without: {}",
                            table,
                            refused.getMessage());
                    run.fellBack(table, "Dataverse refused to track its changes (" + refused.getMessage() + ")");
                }
            }
            Consumer<List<T>> apply = byContent
                    ? page -> {
                        List<RowChange<T>> kept = new ArrayList<>(page.size());
                        page.forEach(row -> kept.add(RowChange.present(codec.contentId(row), row)));
                        writer.add(kept);
                        rows.accept(page);
                    }
                    : rows;
            try (HandOff<List<T>> ahead = new HandOff<>("sync-apply-" + table.name(), HandOff.PAGES_AHEAD, apply)) {
                whole.read(ahead);
                ahead.finish();
            }
            return byContent ? writer.finishByContent() : writer.finish(null);
        }
    }

    private static <T> void hand(List<RowChange<T>> page, StateSection.Writer<T> writer, Consumer<List<T>> rows) {
        writer.add(page);
        List<T> present = new ArrayList<>(page.size());
        for (RowChange<T> change : page) {
            if (change.row() != null) {
                present.add(change.row());
            }
        }
        rows.accept(present);
    }

    /** A read of the whole table without change tracking. */
    @FunctionalInterface
    interface WholeRead<T> {
        void read(Consumer<List<T>> rows) throws InterruptedException;
    }
}
