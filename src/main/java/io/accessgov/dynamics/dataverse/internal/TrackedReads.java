package io.accessgov.dynamics.dataverse.internal;

import static io.accessgov.dynamics.dataverse.internal.ODataFilter.eq;

import io.accessgov.dynamics.dataverse.ChangeToken;
import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.ReadObserver;
import io.accessgov.dynamics.dataverse.RowChange;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The reads of {@link WebApiDataverseClient} with change tracking (docs/dataverse.md §12): which tables have it, a
 * whole table with its change token, and the changes since a token.
 */
final class TrackedReads {

    private final DataverseConnection connection;
    private final ODataReader reader;
    private final Map<DataverseTable<?>, EntityReader<?>> tables;

    /**
     * @param tables the background reader of every table a sync reads
     */
    TrackedReads(DataverseConnection connection, ODataReader reader, Map<DataverseTable<?>, EntityReader<?>> tables) {
        this.connection = connection;
        this.reader = reader;
        this.tables = Map.copyOf(tables);
    }

    Set<DataverseTable<?>> changeTrackedTables(ReadObserver observer) {
        AtomicReference<Set<DataverseTable<?>>> tracked = new AtomicReference<>();
        ObservedReads.run(observer, () -> tracked.set(changeTrackedTables()));
        return tracked.get();
    }

    private Set<DataverseTable<?>> changeTrackedTables() {
        URI uri = ODataUri.of(connection.apiBase(), "EntityDefinitions")
                .select(List.of("LogicalName"))
                .filter(eq("ChangeTrackingEnabled", true).render(column -> true))
                .build();
        JsonNode answer = reader.one(uri, "EntityDefinitions", false)
                .orElseThrow(() -> new DataverseRejectedRequest(
                        "Dataverse does not offer the table definitions at " + connection.apiBase() + ".", null, null));
        Set<String> tracked = new HashSet<>();
        for (JsonNode definition : answer.path("value")) {
            tracked.add(definition.path("LogicalName").asString(""));
        }
        Set<DataverseTable<?>> result = new HashSet<>();
        tables.forEach((table, entityReader) -> {
            if (tracked.contains(entityReader.entity())) {
                result.add(table);
            }
        });
        return Set.copyOf(result);
    }

    @SuppressWarnings("unchecked")
    <T> Optional<ChangeToken> readAllTracked(
            DataverseTable<T> table, Consumer<List<RowChange<T>>> pages, ReadObserver observer) {
        EntityReader<T> entityReader = (EntityReader<T>) tables.get(table);
        AtomicReference<Optional<ChangeToken>> token = new AtomicReference<>(Optional.empty());
        ObservedReads.run(observer, () -> token.set(entityReader.forEachTrackedPage(pages)));
        return token.get();
    }

    @SuppressWarnings("unchecked")
    <T> ChangeToken readChanges(
            DataverseTable<T> table, ChangeToken since, Consumer<List<RowChange<T>>> pages, ReadObserver observer) {
        EntityReader<T> entityReader = (EntityReader<T>) tables.get(table);
        AtomicReference<ChangeToken> next = new AtomicReference<>();
        ObservedReads.run(observer, () -> next.set(entityReader.forEachChange(since, pages)));
        return next.get();
    }
}
