package io.accessgov.dynamics.simulator;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code roleprivilegescollection}: the role, the privilege and the depth it is held at
 * ({@code privilegedepthmask} 1 Basic, 2 Local, 4 Deep, 8 Global); {@code recordfilterid} is always null.
 */
final class RolePrivilegeRow extends LinkRow {

    private final int depth;

    RolePrivilegeRow(UUID id, UUID role, UUID privilege, int depth, long version) {
        super(id, role, privilege, version);
        this.depth = depth;
    }

    @Override
    public @Nullable Object get(int column) {
        return switch (column) {
            case 3 -> depth;
            case 4 -> null;
            case 5 -> version();
            default -> super.get(column);
        };
    }

    int depth() {
        return depth;
    }

    UUID role() {
        return first();
    }

    UUID privilege() {
        return second();
    }
}
