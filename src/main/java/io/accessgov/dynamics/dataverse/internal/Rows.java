package io.accessgov.dynamics.dataverse.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Tolerant readers of Dataverse row values: a missing or null column reads as null (or the given default). */
final class Rows {

    static final String FORMATTED = "@OData.Community.Display.V1.FormattedValue";

    private Rows() {}

    static @Nullable String text(JsonNode row, String column) {
        JsonNode node = row.path(column);
        return node.isString() ? node.asString() : null;
    }

    static @Nullable UUID uuid(JsonNode row, String column) {
        String text = text(row, column);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static UUID requiredUuid(JsonNode row, String column) {
        UUID id = uuid(row, column);
        if (id == null) {
            throw new io.accessgov.dynamics.dataverse.DataverseRejectedRequest(
                    "Dataverse returned a row without its '" + column + "'.", null, null);
        }
        return id;
    }

    static boolean bool(JsonNode row, String column, boolean fallback) {
        JsonNode node = row.path(column);
        return node.isBoolean() ? node.asBoolean() : fallback;
    }

    static @Nullable Integer integer(JsonNode row, String column) {
        JsonNode node = row.path(column);
        return node.isIntegralNumber() ? Integer.valueOf(node.asInt()) : null;
    }

    static @Nullable Instant instant(JsonNode row, String column) {
        String text = text(row, column);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The display name Dataverse attached to a lookup or choice column. */
    static @Nullable String formatted(JsonNode row, String column) {
        return text(row, column + FORMATTED);
    }
}
