package io.accessgov.dynamics.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    static <T> Adjacency<T> of(int accounts, LinkTable links, Map<UUID, Integer> position, Map<UUID, T> targetsById) {
        int[] from = new int[links.size()];
        int[] to = new int[links.size()];
        Map<UUID, Integer> targetIndex = new java.util.HashMap<>();
        List<T> values = new ArrayList<>();
        int[] start = new int[accounts + 1];
        for (int row = 0; row < links.size(); row++) {
            Integer account = position.get(links.from(row));
            UUID targetId = links.to(row);
            T target = targetsById.get(targetId);
            if (account == null || target == null) {
                from[row] = -1;
                continue;
            }
            Integer index = targetIndex.get(targetId);
            if (index == null) {
                index = values.size();
                targetIndex.put(targetId, index);
                values.add(target);
            }
            from[row] = account;
            to[row] = index;
            start[account + 1]++;
        }
        for (int i = 0; i < accounts; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = java.util.Arrays.copyOf(start, accounts);
        int[] targets = new int[start[accounts]];
        for (int row = 0; row < from.length; row++) {
            if (from[row] >= 0) {
                targets[fill[from[row]]++] = to[row];
            }
        }
        return new Adjacency<>(start, targets, values);
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
