package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/**
 * Which teams to read; evaluated by Dataverse.
 *
 * @param type only teams of this type; null for all
 * @param search a case-insensitive substring of the name; data, never query syntax
 */
public record TeamQuery(@Nullable TeamType type, @Nullable String search) {

    public TeamQuery {
        search = search == null || search.isEmpty() ? null : search;
    }
}
