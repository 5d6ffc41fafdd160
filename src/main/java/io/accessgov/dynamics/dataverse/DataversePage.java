package io.accessgov.dynamics.dataverse;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of rows read from Dataverse.
 *
 * @param items the rows, in Dataverse's order
 * @param next where the following page is, or null on the last page
 */
public record DataversePage<T>(List<T> items, @Nullable Continuation next) {

    public DataversePage {
        items = List.copyOf(items);
    }

    public Optional<Continuation> nextPage() {
        return Optional.ofNullable(next);
    }
}
