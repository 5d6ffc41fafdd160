package io.accessgov.dynamics.dataverse;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which teams to read; evaluated by Dataverse.
 *
 * @param type only teams of this type; null for all
 * @param search a case-insensitive substring of the name; data, never query syntax
 * @param name only teams with exactly this name (case-insensitive, as Dataverse compares text); null for any
 * @param entraObjectId only the Entra group team of this Entra group; null for any
 */
public record TeamQuery(
        @Nullable TeamType type,
        @Nullable String search,
        @Nullable String name,
        @Nullable UUID entraObjectId) {

    public TeamQuery {
        search = search == null || search.isEmpty() ? null : search;
    }

    /** The teams of a type whose name contains {@code search}. */
    public TeamQuery(@Nullable TeamType type, @Nullable String search) {
        this(type, search, null, null);
    }
}
