package io.accessgov.dynamics.sync;

import java.util.Arrays;
import java.util.UUID;

/**
 * The rows of a link table ({@code from} holds {@code to}) as raw GUID bits in one primitive array: 32 bytes a
 * link, no object per row, so that hundreds of thousands of links stay a few megabytes.
 */
final class LinkTable {

    private long[] bits = new long[4 * 1024];
    private int size;

    void add(UUID from, UUID to) {
        if (4 * size + 4 > bits.length) {
            bits = Arrays.copyOf(bits, bits.length * 2);
        }
        int at = 4 * size++;
        bits[at] = from.getMostSignificantBits();
        bits[at + 1] = from.getLeastSignificantBits();
        bits[at + 2] = to.getMostSignificantBits();
        bits[at + 3] = to.getLeastSignificantBits();
    }

    int size() {
        return size;
    }

    long fromMsb(int row) {
        return bits[4 * row];
    }

    long fromLsb(int row) {
        return bits[4 * row + 1];
    }

    long toMsb(int row) {
        return bits[4 * row + 2];
    }

    long toLsb(int row) {
        return bits[4 * row + 3];
    }

    UUID from(int row) {
        return new UUID(bits[4 * row], bits[4 * row + 1]);
    }

    UUID to(int row) {
        return new UUID(bits[4 * row + 2], bits[4 * row + 3]);
    }
}
