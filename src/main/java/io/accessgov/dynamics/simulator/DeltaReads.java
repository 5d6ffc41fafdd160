package io.accessgov.dynamics.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Following a delta link (docs/dataverse.md §12): the rows changed or created since the token's version, in full
 * (selected columns) and in version order, then the deletions as {@code $deletedEntity} entries (for a link table the
 * link row's id), at most a page at a time with {@code @odata.nextLink}, and a new {@code @odata.deltaLink} on the
 * last page. A read stops at the row version current when its first page was asked for, so changes made while a
 * client pages through it come with the next delta instead of being missed. Nothing is kept per row but its version.
 */
final class DeltaReads {

    private static final String UPSERTS = "upserts";
    private static final String DELETES = "deletes";
    private static final UUID FIRST_KEY = new UUID(0, 0);

    /** A change in delta order: its row version, then its key. */
    private record Change(long version, UUID id, @Nullable Row row) {}

    private static final Comparator<Change> ORDER =
            Comparator.comparingLong(Change::version).thenComparing(Change::id, Table::compareKeys);

    private final Organisation organisation;
    private final Behaviour behaviour;
    private final SkipToken skipTokens;
    private final ChangeTracking tracking;
    private final String webApiBase;
    private final int maxPageSize;

    DeltaReads(
            Organisation organisation,
            Behaviour behaviour,
            SkipToken skipTokens,
            ChangeTracking tracking,
            String webApiBase,
            int maxPageSize) {
        this.organisation = organisation;
        this.behaviour = behaviour;
        this.skipTokens = skipTokens;
        this.tracking = tracking;
        this.webApiBase = webApiBase;
        this.maxPageSize = maxPageSize;
    }

    /** Answers {@code GET {set}?$select=…&$deltatoken=…} (and its nextLinks). */
    void read(Call call, TableDef def, Supplier<Row[]> rows, String rawResourcePath, QueryOptions query) {
        Prefer prefer = Prefer.parse(call.headers("Prefer"));
        Table table = organisation.table(def.setName());
        tracking.require(def);
        String token = query.get("$deltatoken");
        long since = tracking.since(token, table);
        String selectText = query.get("$select");
        int[] columns = RowWriter.columns(def, Reads.select(selectText, def, behaviour.olderPlatform()));
        String scope = "delta\u0000" + rawResourcePath + '\u0000' + selectText + '\u0000' + token;
        SkipToken.Position position = skipTokens.verify(query.get("$skiptoken"), scope, def.primaryKey());
        if (position != null && position.phase() == null) {
            throw ODataError.badRequest(
                    "0x80040203",
                    "The $skiptoken paging cookie is not valid for this query. "
                            + "Use the @odata.nextLink exactly as it was returned.");
        }
        long highWater = position == null ? organisation.currentVersion() : position.highWater();
        String phase = position == null ? UPSERTS : position.phase();
        Change after = position == null
                ? new Change(since, FIRST_KEY, null)
                : new Change(position.lastVersion(), position.lastKey(), null);
        Integer preferred = prefer.maxPageSize();
        int pageSize = Math.min(preferred == null ? maxPageSize : preferred, maxPageSize);

        List<Change> page = new ArrayList<>();
        boolean more = false;
        Change last = after;
        if (phase.equals(UPSERTS)) {
            more = smallest(upserts(rows.get(), since, highWater), after, pageSize, page);
            last = page.isEmpty() ? after : page.get(page.size() - 1);
        }
        String nextPhase = UPSERTS;
        if (!more) {
            nextPhase = DELETES;
            Change deletesAfter = phase.equals(DELETES) ? after : new Change(since, FIRST_KEY, null);
            List<Change> deleted = new ArrayList<>();
            more = smallest(deletions(def, table, since, highWater), deletesAfter, pageSize - page.size(), deleted);
            last = deleted.isEmpty() ? deletesAfter : deleted.get(deleted.size() - 1);
            page.addAll(deleted);
        }
        String nextLink = null;
        String deltaLink = null;
        if (more) {
            int nextPage = position == null ? 2 : position.pageNumber() + 1;
            String cookie = skipTokens.issue(
                    scope,
                    def.primaryKey(),
                    new SkipToken.Position(nextPage, last.id(), highWater, nextPhase, last.version()),
                    page.isEmpty() ? last.id() : page.get(0).id());
            nextLink = Reads.link(webApiBase, rawResourcePath, query.all(), cookie);
        } else {
            deltaLink = ChangeTracking.deltaLink(webApiBase, rawResourcePath, query.all(), tracking.token(highWater));
        }
        StringJoiner applied = new StringJoiner(",");
        if (preferred != null) {
            applied.add("odata.maxpagesize=" + pageSize);
        }
        if (prefer.trackChanges()) {
            applied.add("odata.track-changes");
        }
        if (applied.length() > 0) {
            call.header("Preference-Applied", applied.toString());
        }
        RowWriter writer = new RowWriter(organisation, def, columns, prefer);
        String context = webApiBase + "$metadata#" + def.setName() + Reads.selection(selectText) + "/$delta";
        String deletedContext = webApiBase + "$metadata#" + def.setName() + "/$deletedEntity";
        String link = nextLink;
        String delta = deltaLink;
        call.json(200, json -> {
            json.writeStartObject();
            json.writeStringProperty("@odata.context", context);
            json.writeName("value");
            json.writeStartArray();
            for (Change change : page) {
                if (change.row() != null) {
                    writer.write(json, change.row());
                } else {
                    json.writeStartObject();
                    json.writeStringProperty("@odata.context", deletedContext);
                    json.writeStringProperty("id", change.id().toString());
                    json.writeStringProperty("reason", "deleted");
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            if (link != null) {
                json.writeStringProperty("@odata.nextLink", link);
            }
            if (delta != null) {
                json.writeStringProperty("@odata.deltaLink", delta);
            }
            json.writeEndObject();
        });
    }

    /** Answers {@code GET {set}/$count?$deltatoken=…}: how many changes the delta holds, as text, at most 5000. */
    void count(Call call, TableDef def, Supplier<Row[]> rows, QueryOptions query) {
        Table table = organisation.table(def.setName());
        tracking.require(def);
        long since = tracking.since(query.get("$deltatoken"), table);
        long highWater = organisation.currentVersion();
        int changes = 0;
        for (Change ignored : upserts(rows.get(), since, highWater)) {
            changes++;
        }
        changes += deletions(def, table, since, highWater).size();
        call.text(200, "text/plain;charset=utf-8", Integer.toString(Math.min(changes, 5000)));
    }

    private static List<Change> upserts(Row[] rows, long since, long highWater) {
        List<Change> changed = new ArrayList<>();
        for (Row row : rows) {
            long version = row.version();
            if (version > since && version <= highWater) {
                changed.add(new Change(version, row.id(), row));
            }
        }
        return changed;
    }

    private List<Change> deletions(TableDef def, Table table, long since, long highWater) {
        boolean copies = def == Schema.ROLEPRIVILEGES && behaviour.rolePrivilegesOnCopies();
        List<Change> deleted = new ArrayList<>();
        boolean firstRecord = behaviour.linkDeletionId() == Behaviour.LinkDeletionId.FIRST_RECORD;
        for (ChangeLog.Deletion deletion : table.changes().between(since, highWater)) {
            UUID owner = deletion.owner();
            deleted.add(new Change(deletion.version(), firstRecord && owner != null ? owner : deletion.id(), null));
            if (copies && owner != null && !firstRecord) {
                for (UUID id : RolePrivilegeCopies.derivedIds(deletion.id(), owner, organisation.roles())) {
                    deleted.add(new Change(deletion.version(), id, null));
                }
            }
        }
        return deleted;
    }

    /**
     * Puts the {@code limit} smallest changes after {@code after} into {@code page}, in order; true when more remain.
     */
    private static boolean smallest(List<Change> changes, Change after, int limit, List<Change> page) {
        PriorityQueue<Change> kept = new PriorityQueue<>(ORDER.reversed());
        int candidates = 0;
        for (Change change : changes) {
            if (ORDER.compare(change, after) > 0) {
                candidates++;
                if (limit > 0) {
                    kept.add(change);
                    if (kept.size() > limit) {
                        kept.poll();
                    }
                }
            }
        }
        List<Change> sorted = new ArrayList<>(kept);
        sorted.sort(ORDER);
        page.addAll(sorted);
        return candidates > sorted.size();
    }
}
