package io.accessgov.dynamics.sync;

import java.util.Arrays;
import java.util.UUID;

/**
 * GUID → int position, in primitive arrays (open addressing, linear probing): no boxed key or value per entry and
 * no {@link UUID} allocated per lookup, so the joins over hundreds of thousands of links stay cheap.
 */
final class GuidIndex {

    private final long[] keys;
    private final int[] values;
    private final int mask;

    /** Positions 0…n-1 of these ids. */
    GuidIndex(UUID[] ids) {
        int capacity = Integer.highestOneBit(Math.max(4, ids.length * 2 - 1)) << 1;
        keys = new long[2 * capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
        mask = capacity - 1;
        for (int i = 0; i < ids.length; i++) {
            put(ids[i].getMostSignificantBits(), ids[i].getLeastSignificantBits(), i);
        }
    }

    private void put(long msb, long lsb, int value) {
        int slot = slot(msb, lsb);
        while (values[slot] >= 0) {
            if (keys[2 * slot] == msb && keys[2 * slot + 1] == lsb) {
                return; // a repeated id keeps its first position
            }
            slot = (slot + 1) & mask;
        }
        keys[2 * slot] = msb;
        keys[2 * slot + 1] = lsb;
        values[slot] = value;
    }

    /** The id's position, or -1 when it is not indexed. */
    int get(long msb, long lsb) {
        int slot = slot(msb, lsb);
        while (values[slot] >= 0) {
            if (keys[2 * slot] == msb && keys[2 * slot + 1] == lsb) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    int get(UUID id) {
        return get(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    private int slot(long msb, long lsb) {
        long h = msb * 0x9E3779B97F4A7C15L ^ lsb;
        h ^= h >>> 29;
        return (int) h & mask;
    }
}
