package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.ChangeToken;
import io.accessgov.dynamics.dataverse.ChangeTokenExpired;
import io.accessgov.dynamics.dataverse.ChangeTrackingRefused;
import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.HandOff;
import io.accessgov.dynamics.dataverse.InvalidContinuation;
import io.accessgov.dynamics.dataverse.RowChange;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads one entity set: a page with a filter, the page a continuation points at, one record by id, every row that
 * matches a filter (following all links), or the whole table page by page. Selects exactly its columns, dropping
 * optional ones the environment lacks.
 */
final class EntityReader<T> {

    private final DataverseConnection connection;
    private final ODataReader reader;
    private final ColumnSupport columns;
    private final String entitySet;
    private final String entity;
    private final List<String> selected;
    private final Set<String> optional;
    private final boolean formattedValues;
    private final Function<JsonNode, T> mapper;
    private final RowDecoder<T> rows;
    private final RowDecoder<RowChange<T>> changes;

    /**
     * @param selected the columns read, the primary key first
     * @param optional selected columns an older platform may lack; rows are read without them there
     */
    EntityReader(
            DataverseConnection connection,
            ODataReader reader,
            ColumnSupport columns,
            String entitySet,
            String entity,
            List<String> selected,
            Set<String> optional,
            boolean formattedValues,
            Function<JsonNode, T> mapper) {
        this.connection = connection;
        this.reader = reader;
        this.columns = columns;
        this.entitySet = entitySet;
        this.entity = entity;
        this.selected = List.copyOf(selected);
        this.optional = Set.copyOf(optional);
        this.formattedValues = formattedValues;
        this.mapper = mapper;
        this.rows = reader.treeRows(mapper);
        this.changes = reader.trackedTreeRows(selected.get(0), mapper);
    }

    private EntityReader(
            EntityReader<T> reader, ODataReader odata, RowDecoder<T> rows, RowDecoder<RowChange<T>> changes) {
        this.connection = reader.connection;
        this.reader = odata;
        this.columns = reader.columns;
        this.entitySet = reader.entitySet;
        this.entity = reader.entity;
        this.selected = reader.selected;
        this.optional = reader.optional;
        this.formattedValues = reader.formattedValues;
        this.mapper = reader.mapper;
        this.rows = rows;
        this.changes = changes;
    }

    /**
     * This reader, decoding the rows of pages with {@code rows}, and those of reads with change tracking with
     * {@code changes}, rather than through a tree of each.
     */
    EntityReader<T> decodingPagesWith(RowDecoder<T> rows, RowDecoder<RowChange<T>> changes) {
        return new EntityReader<>(this, reader, rows, changes);
    }

    /** This reader for background work (a full sync): its requests retry within the longer background budget. */
    EntityReader<T> inBackground() {
        return new EntityReader<>(this, reader.inBackground(), rows, changes);
    }

    /** The table's logical name, as the table definitions name it. */
    String entity() {
        return entity;
    }

    /**
     * Reads the whole table with change tracking (docs/dataverse.md §12), handing each page to {@code consumer} in
     * order; the token its changes continue from, or empty when Dataverse read it without tracking (it ignored the
     * preference). No filter: change tracking allows none.
     *
     * @throws ChangeTrackingRefused when Dataverse refuses change tracking for this table
     */
    Optional<ChangeToken> forEachTrackedPage(Consumer<List<RowChange<T>>> consumer) {
        ODataReader.UnreadPage page = columns.withFallback(entity, optional, available -> {
            URI uri = ODataUri.of(connection.apiBase(), entitySet)
                    .select(selected.stream().filter(available).toList())
                    .build();
            return reader.trackedPageUnread(uri, entitySet, formattedValues);
        });
        String delta = followTracked(page, consumer);
        return Optional.ofNullable(delta).map(ChangeToken::new);
    }

    /**
     * Reads the changes since {@code since}: changed and new rows in full, removed ones by their key, handed to
     * {@code consumer} page by page; the token the next changes continue from.
     *
     * @throws ChangeTokenExpired when Dataverse no longer has the changes since the token
     * @throws ChangeTrackingRefused when Dataverse refuses change tracking for this table
     * @throws InvalidContinuation when the token does not lead to this table in this environment; nothing is sent
     */
    ChangeToken forEachChange(ChangeToken since, Consumer<List<RowChange<T>>> consumer) {
        URI uri = ODataUri.continuation(connection.apiBase(), entitySet, since.value());
        String delta = followTracked(reader.trackedPageUnread(uri, entitySet, formattedValues), consumer);
        if (delta == null) {
            throw new ChangeTrackingRefused(
                    "Dataverse answered the changes of " + entitySet + " without a delta link to continue from.",
                    null,
                    null);
        }
        return new ChangeToken(delta);
    }

    /**
     * Hands on this page and every one after it, each decoded and handed to {@code consumer} on a thread of its own
     * while the next is read ({@link HandOff}); the delta link of the last, if it has one, once every page is handed.
     */
    private @Nullable String followTracked(ODataReader.UnreadPage first, Consumer<List<RowChange<T>>> consumer) {
        try (HandOff<ODataReader.UnreadPage> decoding = new HandOff<>(
                "dataverse-pages-" + entitySet,
                HandOff.PAGES_AHEAD,
                unread -> consumer.accept(reader.rows(unread, changes)))) {
            ODataReader.UnreadPage page = first;
            decoding.accept(page);
            while (page.nextLink() != null) {
                URI next = ODataUri.continuation(connection.apiBase(), entitySet, page.nextLink());
                page = reader.trackedPageUnread(next, entitySet, formattedValues);
                decoding.accept(page);
            }
            decoding.finish();
            return page.deltaLink();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandOff.Interrupted();
        }
    }

    /** The first page of rows matching {@code filter}. */
    public DataversePage<T> page(ODataFilter filter, int pageSize) {
        return columns.withFallback(entity, optional, available -> {
            String rendered;
            try {
                rendered = filter.render(available);
            } catch (ODataFilter.AlwaysFalse nothing) {
                return new DataversePage<>(List.of(), null);
            }
            URI uri = ODataUri.of(connection.apiBase(), entitySet)
                    .select(selected.stream().filter(available).toList())
                    .filter(rendered)
                    .build();
            return toPage(reader.page(uri, entitySet, pageSize, formattedValues, rows), pageSize);
        });
    }

    /** The page a continuation of this entity set points at; refuses one that leads anywhere else. */
    public DataversePage<T> page(Continuation continuation) {
        URI uri = ODataUri.continuation(connection.apiBase(), entitySet, continuation.link());
        return toPage(
                reader.page(uri, entitySet, continuation.pageSize(), formattedValues, rows), continuation.pageSize());
    }

    /** The record with this id, if there is one. */
    public Optional<T> one(UUID id) {
        return columns.withFallback(entity, optional, available -> {
            URI uri = ODataUri.of(connection.apiBase(), entitySet + "(" + id + ")")
                    .select(selected.stream().filter(available).toList())
                    .build();
            return reader.one(uri, entitySet, formattedValues).map(mapper);
        });
    }

    /** Every row matching {@code filter}, following all pages at the largest page size. */
    public List<T> all(ODataFilter filter) {
        List<T> rows = new ArrayList<>();
        forEachPage(filter, rows::addAll);
        return rows;
    }

    /** Every row whose {@code column} is one of {@code ids}, in chunks of ids, following all pages of each. */
    public List<T> allWhereIn(String column, Collection<UUID> ids) {
        List<UUID> distinct = ids.stream().distinct().sorted().toList();
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += DataverseClient.IDS_PER_REQUEST) {
            List<UUID> chunk =
                    distinct.subList(from, Math.min(distinct.size(), from + DataverseClient.IDS_PER_REQUEST));
            forEachPage(ODataFilter.in(column, chunk), rows::addAll);
        }
        return rows;
    }

    /** The table's primary key column. */
    String keyColumn() {
        return selected.get(0);
    }

    /** Hands every page of rows matching {@code filter} to {@code consumer}, in order, at the largest page size. */
    public void forEachPage(ODataFilter filter, Consumer<List<T>> consumer) {
        DataversePage<T> page = page(filter, ODataReader.MAX_PAGE_SIZE);
        consumer.accept(page.items());
        while (page.next() != null) {
            page = page(page.next());
            consumer.accept(page.items());
        }
    }

    private DataversePage<T> toPage(ODataReader.Page<T> raw, int pageSize) {
        return new DataversePage<>(
                raw.rows(), raw.nextLink() == null ? null : new Continuation(raw.nextLink(), pageSize));
    }
}
