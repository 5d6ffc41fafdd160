package io.accessgov.dynamics.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * A compact one-to-many index from account positions to the things a link table says they hold: the offsets of
 * each account's run and one int per link (an index into the distinct targets), built in two passes over the links.
 * Links naming an account out of scope or a target that was not read are left out, as the grants API leaves them.
 */
final class Adjacency<T> {

    private final int[] start;
    private final int[] targets;
    private final List<T> values;

    private Adjacency(int[] start, int[] targets, List<T> values) {
        this.start = start;
        this.targets = targets;
        this.values = values;
    }

    /**
     * @param accounts positions of the accounts in scope
     * @param targets positions in {@code values} of what the links point at
     */
    static <T> Adjacency<T> of(
            LinkTable links, GuidIndex accounts, int accountCount, GuidIndex targets, List<T> values) {
        int[] from = new int[links.size()];
        int[] to = new int[links.size()];
        int[] start = new int[accountCount + 1];
        for (int row = 0; row < links.size(); row++) {
            int account = accounts.get(links.fromMsb(row), links.fromLsb(row));
            int target = targets.get(links.toMsb(row), links.toLsb(row));
            if (account < 0 || target < 0) {
                from[row] = -1;
                continue;
            }
            from[row] = account;
            to[row] = target;
            start[account + 1]++;
        }
        for (int i = 0; i < accountCount; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = java.util.Arrays.copyOf(start, accountCount);
        int[] targetsByAccount = new int[start[accountCount]];
        for (int row = 0; row < from.length; row++) {
            if (from[row] >= 0) {
                targetsByAccount[fill[from[row]]++] = to[row];
            }
        }
        return new Adjacency<>(start, targetsByAccount, values);
    }

    /** What the account at this position holds, in link order. */
    List<T> of(int account) {
        List<T> held = new ArrayList<>(start[account + 1] - start[account]);
        for (int i = start[account]; i < start[account + 1]; i++) {
            held.add(values.get(targets[i]));
        }
        return held;
    }
}
