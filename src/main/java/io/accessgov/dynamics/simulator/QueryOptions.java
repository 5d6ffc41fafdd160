package io.accessgov.dynamics.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The query string of a request, percent-decoded exactly once (as a real server does; {@code +} means a space).
 * System query options the simulator does not implement are refused with a clear answer instead of being ignored, and
 * so are those change tracking does not allow (docs/dataverse.md §12).
 */
final class QueryOptions {

    private static final Set<String> SUPPORTED =
            Set.of("$select", "$filter", "$top", "$count", "$skiptoken", "$id", "$expand", "$deltatoken");

    private static final Set<String> NOT_SIMULATED = Set.of("$orderby", "$apply", "$search", "$levels", "$compute");

    /** The options Dataverse refuses in a change-tracking read, in the order it names them. */
    private static final List<String> NOT_WITH_TRACKING = List.of("$filter", "$orderby", "$expand", "$top");

    private final Map<String, String> options;

    private QueryOptions(Map<String, String> options) {
        this.options = options;
    }

    /**
     * Parses the query of a request.
     *
     * @param entitySetRead whether the request reads an entity set (or its {@code $count}), the only reads change
     *     tracking applies to; elsewhere a {@code $deltatoken} is refused
     * @param trackChanges whether the request carries {@code Prefer: odata.track-changes}
     */
    static QueryOptions parse(@Nullable String rawQuery, boolean entitySetRead, boolean trackChanges) {
        Map<String, String> options = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryOptions(options);
        }
        List<String> notSimulated = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            if (!name.startsWith("$")) {
                if (name.equals("fetchXml") || name.equals("savedQuery") || name.equals("userQuery")) {
                    throw ODataError.badRequest(
                            "0x80040203", "The simulator does not support the '" + name + "' query parameter.");
                }
                continue;
            }
            if (name.equals("$skip")) {
                throw ODataError.badRequest("0x80060888", "Skip Clause is not supported in CRM");
            }
            if (NOT_SIMULATED.contains(name)) {
                notSimulated.add(name);
                continue;
            }
            if (!SUPPORTED.contains(name)) {
                throw ODataError.syntax("The query parameter '" + name + "' is not supported.");
            }
            if (options.put(name, value) != null) {
                throw ODataError.syntax("Query option '" + name
                        + "' was specified more than once, but it must be specified at most once.");
            }
        }
        boolean delta = options.containsKey("$deltatoken");
        if (delta && !entitySetRead) {
            throw ODataError.syntax("The query parameter '$deltatoken' is only supported when reading an entity set.");
        }
        if (entitySetRead && (trackChanges || delta)) {
            for (String option : NOT_WITH_TRACKING) {
                if (options.containsKey(option) || notSimulated.contains(option)) {
                    throw ODataError.syntax(
                            "The \"" + option + "\" query parameter isn't supported when Change Tracking is enabled.");
                }
            }
        }
        if (!notSimulated.isEmpty()) {
            throw new ODataError(
                    501,
                    "0x80040203",
                    "The simulator does not support " + notSimulated.get(0)
                            + " (Dataverse does); read the entity sets with $select and $filter instead.");
        }
        return new QueryOptions(options);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ODataError.badRequest("0x80060888", "The query string is not correctly percent-encoded.");
        }
    }

    @Nullable
    String get(String name) {
        return options.get(name);
    }

    Map<String, String> all() {
        return options;
    }

    @Nullable
    Integer top() {
        String top = options.get("$top");
        if (top == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(top.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ODataError.syntax("Invalid value '" + top + "' for $top query option found. "
                + "The $top query option requires a non-negative integer value.");
    }

    boolean count() {
        String count = options.get("$count");
        if (count == null || count.equals("false")) {
            return false;
        }
        if (count.equals("true")) {
            return true;
        }
        throw ODataError.syntax("'" + count + "' is not a valid count option.");
    }
}
