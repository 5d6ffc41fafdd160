package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.extern.slf4j.Slf4j;

/**
 * Remembers which optional columns this environment lacks. Older platform versions have no {@code applicationid},
 * {@code azurestate}, {@code isinherited} … and fail a whole query that selects or filters on one with 400
 * "Could not find a property named 'x'". Such a column is dropped once, the query retried, and the decision kept
 * for the life of the process; a missing required column is still an error.
 */
@Slf4j
final class ColumnSupport {

    private static final Pattern MISSING = Pattern.compile("Could not find a property named '([^']+)'");

    private final Map<String, Set<String>> missing = new ConcurrentHashMap<>();

    /** Whether {@code column} of {@code entity} is believed to exist. */
    public Predicate<String> available(String entity) {
        Set<String> gone = missing.getOrDefault(entity, Set.of());
        return column -> !gone.contains(column);
    }

    /** {@code columns} without the ones known to be missing. */
    public List<String> select(String entity, List<String> columns) {
        return columns.stream().filter(available(entity)).toList();
    }

    /**
     * Runs {@code query} with what is known about the columns, dropping an optional column and retrying once per
     * column when Dataverse says it does not exist.
     */
    public <T> T withFallback(String entity, Set<String> optional, Function<Predicate<String>, T> query) {
        while (true) {
            try {
                return query.apply(available(entity));
            } catch (DataverseRejectedRequest rejected) {
                String column = missingColumn(rejected.getMessage());
                if (column == null
                        || !optional.contains(column)
                        || !available(entity).test(column)) {
                    throw rejected;
                }
                missing.computeIfAbsent(entity, key -> ConcurrentHashMap.newKeySet())
                        .add(column);
                log.warn("Dataverse has no column '{}' on {}; reading without it from now on", column, entity);
            }
        }
    }

    static String missingColumn(String message) {
        Matcher matcher = MISSING.matcher(message == null ? "" : message);
        return matcher.find() ? matcher.group(1) : null;
    }
}
