package io.accessgov.dynamics.simulator;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of an intersect table (id, first, second, versionnumber), stored compactly because a large organisation
 * holds hundreds of thousands of them.
 */
class LinkRow implements Row {

    private final long idHigh;
    private final long idLow;
    private final UUID first;
    private final UUID second;
    private final long version;

    LinkRow(UUID id, UUID first, UUID second, long version) {
        this.idHigh = id.getMostSignificantBits();
        this.idLow = id.getLeastSignificantBits();
        this.first = first;
        this.second = second;
        this.version = version;
    }

    @Override
    public UUID id() {
        return new UUID(idHigh, idLow);
    }

    @Override
    public long keyHigh() {
        return idHigh;
    }

    @Override
    public long keyLow() {
        return idLow;
    }

    @Override
    public @Nullable Object get(int column) {
        return switch (column) {
            case 0 -> id();
            case 1 -> first;
            case 2 -> second;
            default -> (Object) version;
        };
    }

    @Override
    public long version() {
        return version;
    }

    UUID first() {
        return first;
    }

    UUID second() {
        return second;
    }
}
