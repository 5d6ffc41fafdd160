package io.accessgov.dynamics.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one table in primary-key order (unsigned, i.e. the order of the lower-case text form), and the log of
 * its deletions for change tracking. Readers take a lock-free snapshot; writers copy on write, which suits a
 * read-mostly simulator.
 */
final class Table {

    static final Comparator<UUID> KEY_ORDER = Table::compareKeys;

    private final TableDef def;
    private final ChangeLog changes = new ChangeLog();
    private volatile Row[] rows = new Row[0];

    Table(TableDef def) {
        this.def = def;
    }

    static int compareKeys(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    static int compareRows(Row a, Row b) {
        int high = Long.compareUnsigned(a.keyHigh(), b.keyHigh());
        return high != 0 ? high : Long.compareUnsigned(a.keyLow(), b.keyLow());
    }

    TableDef def() {
        return def;
    }

    ChangeLog changes() {
        return changes;
    }

    Row[] snapshot() {
        return rows;
    }

    int size() {
        return rows.length;
    }

    @Nullable
    Row find(UUID id) {
        Row[] current = rows;
        int index = search(current, id);
        return index >= 0 ? current[index] : null;
    }

    /** The position of the first row whose key is greater than {@code key}. */
    static int indexAfter(Row[] sorted, UUID key) {
        int index = search(sorted, key);
        return index >= 0 ? index + 1 : -index - 1;
    }

    static int search(Row[] sorted, UUID key) {
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Row row = sorted[mid];
            int cmp = Long.compareUnsigned(row.keyHigh(), key.getMostSignificantBits());
            if (cmp == 0) {
                cmp = Long.compareUnsigned(row.keyLow(), key.getLeastSignificantBits());
            }
            if (cmp < 0) {
                low = mid + 1;
            } else if (cmp > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** Replaces all rows (seeding). */
    synchronized void load(Collection<? extends Row> newRows) {
        Row[] sorted = newRows.toArray(new Row[0]);
        Arrays.sort(sorted, Table::compareRows);
        for (int i = 1; i < sorted.length; i++) {
            if (compareRows(sorted[i - 1], sorted[i]) == 0) {
                throw new IllegalArgumentException(def.entityName() + " has two rows with id " + sorted[i].id());
            }
        }
        rows = sorted;
    }

    /** Inserts the row, or replaces the row with the same key. */
    synchronized void put(Row row) {
        Row[] current = rows;
        int index = search(current, row.id());
        if (index >= 0) {
            Row[] copy = current.clone();
            copy[index] = row;
            rows = copy;
            return;
        }
        int at = -index - 1;
        Row[] copy = new Row[current.length + 1];
        System.arraycopy(current, 0, copy, 0, at);
        copy[at] = row;
        System.arraycopy(current, at, copy, at + 1, current.length - at);
        rows = copy;
    }

    synchronized boolean remove(UUID id) {
        Row[] current = rows;
        int index = search(current, id);
        if (index < 0) {
            return false;
        }
        Row[] copy = new Row[current.length - 1];
        System.arraycopy(current, 0, copy, 0, index);
        System.arraycopy(current, index + 1, copy, index, current.length - index - 1);
        rows = copy;
        return true;
    }

    /** Rows of an intersect table whose first or second id equals {@code id}. */
    List<LinkRow> linksWith(int column, UUID id) {
        List<LinkRow> found = new ArrayList<>();
        for (Row row : rows) {
            LinkRow link = (LinkRow) row;
            if (id.equals(column == 1 ? link.first() : link.second())) {
                found.add(link);
            }
        }
        return found;
    }
}
