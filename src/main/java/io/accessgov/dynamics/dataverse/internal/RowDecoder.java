package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.RowChange;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes one row of a page straight from the parser, which stands on the row's {@code START_OBJECT}; the decoder
 * reads through the row's {@code END_OBJECT}.
 */
@FunctionalInterface
interface RowDecoder<T> {

    T decode(JsonParser row);

    /** Reads the row as a tree and maps it: for rows with many columns and optional ones. */
    static <T> RowDecoder<T> tree(JsonMapper json, Function<JsonNode, T> mapper) {
        // the page goes on after the row: what follows it is not trailing garbage
        ObjectReader trees = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return row -> mapper.apply(trees.<JsonNode>readValue(row));
    }

    /**
     * Reads the two GUID columns of a link row without building a tree, skipping every other column (the row id,
     * {@code @odata.etag}): the full sync reads hundreds of thousands of these. A row without either column is
     * refused, as {@link Rows#requiredUuid} refuses it.
     */
    static <T> RowDecoder<T> link(String first, String second, BiFunction<UUID, UUID, T> link) {
        return row -> {
            UUID a = null;
            UUID b = null;
            while (row.nextToken() == JsonToken.PROPERTY_NAME) {
                String column = row.currentName();
                JsonToken value = row.nextToken();
                if (column.equals(first)) {
                    a = guid(row, value);
                } else if (column.equals(second)) {
                    b = guid(row, value);
                } else {
                    row.skipChildren();
                }
            }
            if (a == null || b == null) {
                throw new DataverseRejectedRequest(
                        "Dataverse returned a row without its '" + (a == null ? first : second) + "'.", null, null);
            }
            return link.apply(a, b);
        };
    }

    /**
     * Reads a row of a read with change tracking as a tree: a {@code $deletedEntity} entry (docs/dataverse.md §12)
     * is the removal of its {@code id}, any other row is present under its {@code keyColumn}.
     */
    static <T> RowDecoder<RowChange<T>> trackedTree(JsonMapper json, String keyColumn, Function<JsonNode, T> mapper) {
        ObjectReader trees = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return row -> {
            JsonNode node = trees.readValue(row);
            if (deletedEntity(node.path("@odata.context").asString(""))) {
                return RowChange.removed(Rows.requiredUuid(node, "id"));
            }
            return RowChange.present(Rows.requiredUuid(node, keyColumn), mapper.apply(node));
        };
    }

    /**
     * Reads a link row of a read with change tracking without building a tree: its own id ({@code keyColumn}) and
     * its two GUID columns, or, for a {@code $deletedEntity} entry, the removal of the link row whose id it names.
     */
    static <T> RowDecoder<RowChange<T>> trackedLink(
            String keyColumn, String first, String second, BiFunction<UUID, UUID, T> link) {
        return row -> {
            UUID key = null;
            UUID a = null;
            UUID b = null;
            UUID removed = null;
            boolean deleted = false;
            while (row.nextToken() == JsonToken.PROPERTY_NAME) {
                String column = row.currentName();
                JsonToken value = row.nextToken();
                if (column.equals(keyColumn)) {
                    key = guid(row, value);
                } else if (column.equals(first)) {
                    a = guid(row, value);
                } else if (column.equals(second)) {
                    b = guid(row, value);
                } else if (column.equals("id")) {
                    removed = guid(row, value);
                } else if (column.equals("@odata.context") && value == JsonToken.VALUE_STRING) {
                    deleted = deletedEntity(row.getString());
                } else {
                    row.skipChildren();
                }
            }
            if (deleted) {
                if (removed == null) {
                    throw new DataverseRejectedRequest(
                            "Dataverse reported a removed row without its 'id'.", null, null);
                }
                return RowChange.removed(removed);
            }
            if (key == null || a == null || b == null) {
                String missing = key == null ? keyColumn : a == null ? first : second;
                throw new DataverseRejectedRequest(
                        "Dataverse returned a row without its '" + missing + "'.", null, null);
            }
            return RowChange.present(key, link.apply(a, b));
        };
    }

    private static boolean deletedEntity(String context) {
        return context.endsWith("/$deletedEntity");
    }

    private static @Nullable UUID guid(JsonParser row, JsonToken value) {
        if (value != JsonToken.VALUE_STRING) {
            row.skipChildren();
            return null;
        }
        try {
            return UUID.fromString(row.getString());
        } catch (IllegalArgumentException notAGuid) {
            return null;
        }
    }
}
