package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.TablePart;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The filter that selects one {@link TablePart} of a table by its primary key. Part {@code i} of {@code 2^d} is the
 * path of {@code d} comparisons that the bits of {@code i} choose, each halving the key range left by the ones
 * before: every row answers each comparison yes or no, so it lands in exactly one part whatever total order
 * Dataverse compares GUIDs in. The split points are balanced both for the order of GUID strings (they split on the
 * first group) and for SQL Server's uniqueidentifier order, which compares the last group first (they split on it
 * too): {@code 80000000-0000-0000-0000-800000000000} halves the keys under either.
 */
final class KeyRanges {

    private static final long WHOLE_RANGE = 1L << 32;

    private KeyRanges() {}

    /** The filter on {@code keyColumn} for {@code part}; always true for the whole table. */
    static ODataFilter filter(String keyColumn, TablePart part) {
        int depth = Integer.numberOfTrailingZeros(part.count());
        List<ODataFilter> comparisons = new ArrayList<>(depth);
        long low = 0;
        long high = WHOLE_RANGE;
        for (int level = depth - 1; level >= 0; level--) {
            long middle = (low + high) >>> 1;
            if ((part.index() >>> level & 1) == 0) {
                comparisons.add(ODataFilter.lt(keyColumn, splitPoint(middle)));
                high = middle;
            } else {
                comparisons.add(ODataFilter.ge(keyColumn, splitPoint(middle)));
                low = middle;
            }
        }
        return ODataFilter.and(comparisons);
    }

    /** The GUID whose first group and the first 8 hex digits of its last group are both {@code fraction}. */
    static UUID splitPoint(long fraction) {
        return new UUID(fraction << 32, fraction << 16);
    }
}
