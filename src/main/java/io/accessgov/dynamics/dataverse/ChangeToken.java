package io.accessgov.dynamics.dataverse;

import java.util.Objects;

/**
 * Where a table's changes continue from: handed out at the end of a read with change tracking, and good for one
 * read of the changes since (docs/dataverse.md §12). Opaque outside {@code dataverse}; it may be stored and used
 * again after a restart, and is checked to lead to the same table of the same environment before it is followed.
 *
 * @param value the token as Dataverse issued it
 */
public record ChangeToken(String value) {

    public ChangeToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a change token is not blank");
        }
    }

    @Override
    public String toString() {
        return "change token";
    }
}
