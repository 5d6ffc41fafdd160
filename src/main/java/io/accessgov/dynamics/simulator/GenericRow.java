package io.accessgov.dynamics.simulator;

import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of one of the four main tables: values in column order, the last column (versionnumber) kept apart. */
final class GenericRow implements Row {

    private final Object[] values;
    private final long version;

    GenericRow(Object[] values, long version) {
        this.values = values;
        this.version = version;
    }

    @Override
    public UUID id() {
        return (UUID) values[0];
    }

    @Override
    public @Nullable Object get(int column) {
        return column == values.length ? (Object) version : values[column];
    }

    @Override
    public long version() {
        return version;
    }

    GenericRow with(int column, @Nullable Object value, long newVersion) {
        Object[] copy = Arrays.copyOf(values, values.length);
        copy[column] = value;
        return new GenericRow(copy, newVersion);
    }

    Object[] valuesCopy() {
        return Arrays.copyOf(values, values.length);
    }
}
