package io.accessgov.dynamics.identity;

import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Where a list of role holders stands between pages (docs/api.md §9): the last holder's position, and the
 * environments that could not be read for a page already given whose place in the list is now behind the cursor.
 * Their holders are missing from the whole list, so every later page keeps naming them in {@code unavailable}.
 *
 * @param position the last holder's {@link RoleHolder#position()}; empty on the first page
 * @param missed environments behind the cursor that were not read
 */
record RoleHolderCursor(String position, Set<String> missed) {

    /** Below every character of a position (environment names, ' ', grant ids), so the cursor sorts right after it. */
    private static final char SEPARATOR = '\u0001';

    static final RoleHolderCursor FIRST = new RoleHolderCursor("", Set.of());

    RoleHolderCursor {
        missed = Set.copyOf(new TreeSet<>(missed));
    }

    /** The cursor a page token carries back; null (the first page) is {@link #FIRST}. */
    static RoleHolderCursor parse(@Nullable String cursor) {
        if (cursor == null) {
            return FIRST;
        }
        int separator = cursor.indexOf(SEPARATOR);
        if (separator < 0) {
            return new RoleHolderCursor(cursor, Set.of());
        }
        String missed = cursor.substring(separator + 1);
        return new RoleHolderCursor(
                cursor.substring(0, separator), missed.isEmpty() ? Set.of() : Set.of(missed.split(",")));
    }

    /** The environment the cursor stands in; the environments before it are done. */
    String environment() {
        return RoleHolder.environmentOf(position);
    }

    /** The cursor after the holder at {@code position}, remembering those of {@code unreadable} now behind it. */
    static String after(String position, Set<String> missedBefore, Set<String> unreadable) {
        String environment = RoleHolder.environmentOf(position);
        Set<String> missed = new TreeSet<>(missedBefore);
        unreadable.stream().filter(name -> name.compareTo(environment) < 0).forEach(missed::add);
        return missed.isEmpty() ? position : position + SEPARATOR + String.join(",", missed);
    }
}
