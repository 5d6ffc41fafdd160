package io.accessgov.dynamics.simulator;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One immutable row of a simulated table; a change replaces the row. */
interface Row {

    UUID id();

    /** The value of the column at this index in the table's definition (null for SQL null). */
    @Nullable
    Object get(int column);

    long version();

    /** The key's most significant bits, without allocating a UUID (sorting and seeking). */
    default long keyHigh() {
        return id().getMostSignificantBits();
    }

    default long keyLow() {
        return id().getLeastSignificantBits();
    }
}
