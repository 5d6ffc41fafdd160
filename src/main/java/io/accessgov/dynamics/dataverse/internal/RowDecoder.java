package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
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
