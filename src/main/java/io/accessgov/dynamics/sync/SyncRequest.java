package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional body of {@code POST /api/v1/syncs} (docs/api.md §11), read strictly: one JSON object whose only
 * member is {@code mode}, {@code FULL} or {@code INCREMENTAL}.
 *
 * @param mode null to let the service choose
 */
@Schema(name = "SyncRequest", description = "How to sync; without a body the service chooses.")
record SyncRequest(
        @Schema(
                nullable = true,
                description = "FULL reads every table whole; INCREMENTAL follows Dataverse's change"
                        + " tracking from the previous successful sync. Left out: INCREMENTAL when the"
                        + " previous successful sync can be continued, else FULL.")
        @Nullable
        SyncMode mode) {

    /** No valid request comes near this size. */
    static final int MAX_BYTES = 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Reads the body; an absent or empty one asks for nothing.
     *
     * @throws Invalid when the body is not a sync request
     */
    static SyncRequest read(@Nullable String contentType, byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            return new SyncRequest(null);
        }
        if (body.length > MAX_BYTES) {
            throw new Invalid(ProblemKind.PAYLOAD_TOO_LARGE, "A sync request is at most " + MAX_BYTES + " bytes.");
        }
        if (!json(contentType)) {
            throw new Invalid(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Invalid(
                    ProblemKind.UNREADABLE_BODY,
                    "The request body is not one JSON object with each member named once.");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid(ProblemKind.UNREADABLE_BODY, "The request body must be a JSON object.");
        }
        for (String name : root.propertyNames()) {
            if (!name.equals("mode")) {
                throw new Invalid(
                        ProblemKind.INVALID_BODY, "'" + name + "' is not a member of a sync request (allowed: mode).");
            }
        }
        JsonNode mode = root.get("mode");
        if (mode == null || mode.isNull()) {
            return new SyncRequest(null);
        }
        for (SyncMode candidate : SyncMode.values()) {
            if (mode.isString() && candidate.name().equals(mode.asString())) {
                return new SyncRequest(candidate);
            }
        }
        throw new Invalid(
                ProblemKind.INVALID_BODY,
                "'mode' must be "
                        + Arrays.stream(SyncMode.values())
                                .map(value -> "\"" + value.name() + "\"")
                                .collect(Collectors.joining(" or "))
                        + ".");
    }

    private static boolean json(@Nullable String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            return type != null
                    && "application".equals(type.getType())
                    && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** A body that is not a sync request; nothing was started. */
    static final class Invalid extends ApiProblem {
        Invalid(ProblemKind kind, String detail) {
            super(kind, detail);
        }
    }
}
