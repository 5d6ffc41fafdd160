package io.accessgov.dynamics.dataverse;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row as a read with change tracking reports it (docs/dataverse.md §12): its primary key and its current values,
 * or only its primary key when the row was removed. For a link table the key is the link row's own id (for example
 * {@code systemuserroleid}), which is all a removal names.
 *
 * @param id the row's primary key
 * @param row the row's values; null when it was removed
 */
public record RowChange<T>(UUID id, @Nullable T row) {

    /** A row that exists (was read, created or changed). */
    public static <T> RowChange<T> present(UUID id, T row) {
        return new RowChange<>(id, row);
    }

    /** A row that was removed. */
    public static <T> RowChange<T> removed(UUID id) {
        return new RowChange<>(id, null);
    }

    public boolean isRemoval() {
        return row == null;
    }
}
