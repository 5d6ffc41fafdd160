package io.accessgov.dynamics.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list (docs/api.md §2).
 *
 * @param items the items of this page
 * @param nextPageToken the token of the next page; null on the last page
 */
public record Page<T>(List<T> items, @Nullable String nextPageToken) {

    /** Items per page when the caller does not say (docs/api.md §2). */
    public static final int DEFAULT_SIZE = 100;

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null);
    }
}
