package io.accessgov.dynamics.dataverse;

/**
 * One of {@code count} disjoint shares of a table, split on its primary key, that together hold every row exactly
 * once; read concurrently, they shorten the chain of pages a large table takes to read. {@code count} is a power of
 * two, so that each share is a path of yes/no key comparisons, complete and disjoint whatever order Dataverse
 * compares GUIDs in.
 *
 * @param index which share, from 0
 * @param count how many shares: 1, 2, 4, 8 or 16
 */
public record TablePart(int index, int count) {

    public static final int MAX_COUNT = 16;

    public TablePart {
        if (count < 1 || count > MAX_COUNT || Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("a table splits into 1, 2, 4, 8 or 16 parts, not " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("part " + index + " of " + count + " does not exist");
        }
    }

    /** The whole table, as one part. */
    public static final TablePart WHOLE = new TablePart(0, 1);

    @Override
    public String toString() {
        return "part " + (index + 1) + " of " + count;
    }
}
