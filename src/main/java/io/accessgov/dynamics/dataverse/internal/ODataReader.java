package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.RowChange;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads OData collections and single records: the {@code Prefer} headers, the envelope and {@code @odata.nextLink}. */
final class ODataReader {

    /** Dataverse's largest (and default) page. */
    public static final int MAX_PAGE_SIZE = 5000;

    static final String FORMATTED_VALUES = "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"";

    private final DataverseHttp http;
    private final JsonMapper json;
    private final boolean background;

    public ODataReader(DataverseHttp http, JsonMapper json) {
        this(http, json, false);
    }

    private ODataReader(DataverseHttp http, JsonMapper json, boolean background) {
        this.http = http;
        this.json = json;
        this.background = background;
    }

    /** This reader for background work (a full sync): its requests retry within the longer background budget. */
    ODataReader inBackground() {
        return new ODataReader(http, json, true);
    }

    /**
     * One page of decoded rows and the link to the next one, exactly as Dataverse returned it; on the last page of a
     * read with change tracking, the delta link its changes continue from.
     */
    public record Page<T>(
            List<T> rows,
            @Nullable String nextLink,
            @Nullable String deltaLink) {}

    /**
     * Reads the page at {@code uri} with {@code Prefer: odata.maxpagesize=pageSize}, decoding each row as the
     * envelope is parsed: no tree of the whole page is built. A page cut short or not JSON is read again, as after a
     * dropped connection; no row of it is handed on before the whole page was read.
     */
    public <T> Page<T> page(URI uri, String target, int pageSize, boolean formattedValues, RowDecoder<T> decoder) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1–" + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        List<String> prefer = new ArrayList<>();
        prefer.add("odata.maxpagesize=" + pageSize);
        if (formattedValues) {
            prefer.add(FORMATTED_VALUES);
        }
        return http.execute(request(uri, target, prefer), response -> page(response.body(), decoder));
    }

    /**
     * A page of a read with change tracking whose rows are not decoded yet: the body as it came, checked to be a whole
     * OData page (JSON to its end, with a {@code value} array), and its links.
     */
    public record UnreadPage(
            byte[] body,
            @Nullable String nextLink,
            @Nullable String deltaLink) {}

    /**
     * Reads a page of a read with change tracking ({@code Prefer: odata.track-changes}, docs/dataverse.md §12) at the
     * largest page size: the first page of a whole table, a later page, or a page of the changes a delta link names.
     * The last page carries the delta link; its absence means Dataverse did not track the read. Only the links are
     * read here, the rows skipped over: they are decoded later, with {@link #rows}, while the next page is read. A
     * page cut short or not JSON is read again, as after a dropped connection.
     */
    public UnreadPage trackedPageUnread(URI uri, String target, boolean formattedValues) {
        return http.execute(request(uri, target, trackedPrefer(formattedValues)), response -> {
            Page<Void> links = page(response.body(), null);
            return new UnreadPage(response.body(), links.nextLink(), links.deltaLink());
        });
    }

    /**
     * The rows of a page read by {@link #trackedPageUnread}. Its JSON was read to its end already, but a row may still
     * not be what its table holds (a value the decoder cannot take): that is a refused answer, as a row without its
     * key is, not a dropped connection to read again.
     */
    public <T> List<T> rows(UnreadPage page, RowDecoder<T> decoder) {
        try {
            return page(page.body(), decoder).rows();
        } catch (AnswerUnreadable | JacksonException unreadable) {
            throw new DataverseRejectedRequest("Dataverse answered a row that cannot be read.", null, null);
        }
    }

    private static List<String> trackedPrefer(boolean formattedValues) {
        List<String> prefer = new ArrayList<>();
        prefer.add("odata.track-changes");
        prefer.add("odata.maxpagesize=" + MAX_PAGE_SIZE);
        if (formattedValues) {
            prefer.add(FORMATTED_VALUES);
        }
        return prefer;
    }

    /** The page's rows decoded with {@code decoder}, or skipped (an empty list) without one; and its links. */
    private <T> Page<T> page(byte[] body, @Nullable RowDecoder<T> decoder) {
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new DataverseRejectedRequest("Dataverse answered a query without a 'value' array.", null, null);
            }
            List<T> rows = null;
            String next = null;
            String delta = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("value") && value == JsonToken.START_ARRAY) {
                    rows = decoder != null ? rows(parser, decoder) : skipRows(parser);
                } else if (name.equals("@odata.nextLink") && value == JsonToken.VALUE_STRING) {
                    next = parser.getString();
                } else if (name.equals("@odata.deltaLink") && value == JsonToken.VALUE_STRING) {
                    delta = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
            if (rows == null) {
                throw new DataverseRejectedRequest("Dataverse answered a query without a 'value' array.", null, null);
            }
            return new Page<>(rows, next, delta);
        } catch (JacksonException e) {
            throw new AnswerUnreadable("Dataverse answered a query with a body that is cut short or not JSON.");
        }
    }

    /** Skips a {@code value} array, the parser standing on its {@code START_ARRAY}: no rows. */
    private static <T> List<T> skipRows(JsonParser parser) {
        parser.skipChildren();
        return List.of();
    }

    /** The rows of a {@code value} array, the parser standing on its {@code START_ARRAY}. */
    private static <T> List<T> rows(JsonParser parser, RowDecoder<T> decoder) {
        List<T> rows = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
            rows.add(decoder.decode(parser));
        }
        if (token != JsonToken.END_ARRAY) {
            throw new DataverseRejectedRequest("Dataverse answered a row that is not an object.", null, null);
        }
        return rows;
    }

    /** Rows read as trees and mapped: for tables with many columns and optional ones. */
    <T> RowDecoder<T> treeRows(Function<JsonNode, T> mapper) {
        return RowDecoder.tree(json, mapper);
    }

    /**
     * Rows of a read with change tracking, read as trees and mapped; a {@code $deletedEntity} entry becomes a
     * removal of its {@code id}.
     */
    <T> RowDecoder<RowChange<T>> trackedTreeRows(String keyColumn, Function<JsonNode, T> mapper) {
        return RowDecoder.trackedTree(json, keyColumn, mapper);
    }

    /** Reads one record or function result; empty when Dataverse answers 404. */
    public Optional<JsonNode> one(URI uri, String target, boolean formattedValues) {
        List<String> prefer = formattedValues ? List.of(FORMATTED_VALUES) : List.of();
        try {
            return Optional.of(http.execute(request(uri, target, prefer), response -> tree(response.body())));
        } catch (io.accessgov.dynamics.dataverse.RecordNotFound notFound) {
            return Optional.empty();
        }
    }

    private DataverseHttp.Request request(URI uri, String target, List<String> prefer) {
        DataverseHttp.Request read = DataverseHttp.Request.read(uri, target, prefer);
        return background ? read.inBackground() : read;
    }

    private JsonNode tree(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new AnswerUnreadable("Dataverse answered with a body that is cut short or not JSON.");
        }
    }
}
