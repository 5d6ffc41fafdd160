package io.accessgov.dynamics.sync;

import java.util.Arrays;

/**
 * A growable byte buffer for rendering snapshot lines on one thread: unlike {@link java.io.ByteArrayOutputStream},
 * which locks on every write, a byte at a time costs only a bounds check.
 */
final class LineBuffer {

    private byte[] bytes;
    private int size;

    LineBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    void append(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    void append(byte[] more) {
        append(more, more.length);
    }

    /** Appends the first {@code length} bytes of {@code more}. */
    void append(byte[] more, int length) {
        ensure(length);
        System.arraycopy(more, 0, bytes, size, length);
        size += length;
    }

    /** Appends text known to be ASCII (ids, keys, fixed JSON), one byte a character. */
    void appendAscii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            bytes[size + i] = (byte) text.charAt(i);
        }
        size += length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
