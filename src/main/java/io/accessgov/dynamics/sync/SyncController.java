package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.web.Ids;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@Tag(
        name = "Syncs",
        description = "Full syncs: a consistent snapshot of the whole environment, read with one pass over each"
                + " Dataverse table, exported as NDJSON, and compared with an earlier one.")
@RestController
@RequestMapping("/api/v1/syncs")
class SyncController {

    static final String NDJSON = "application/x-ndjson";

    private final SyncService syncs;

    SyncController(SyncService syncs) {
        this.syncs = syncs;
    }

    @Operation(
            operationId = "startSync",
            summary = "Start a full sync",
            description = "Starts reading the whole environment in the background; follow it at the Location."
                    + " Only one sync runs at a time.")
    @ApiResponse(
            responseCode = "202",
            description = "The sync started.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Sync.class),
                            examples = @ExampleObject(name = "running", value = SyncExamples.RUNNING)))
    @ApiResponse(
            responseCode = "409",
            description = "A sync is already running; runningSyncId names it.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "running", value = SyncExamples.ALREADY_RUNNING)))
    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Sync> startSync() {
        Sync sync = syncs.start();
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/syncs/" + sync.id()))
                .body(sync);
    }

    @Operation(operationId = "listSyncs", summary = "List syncs", description = "The syncs kept, newest first.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of syncs.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = SyncPage.class),
                            examples = @ExampleObject(name = "page", value = SyncExamples.PAGE)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Page<Sync> listSyncs(
            @Parameter(description = "Syncs per page (1–1000, default 100).")
                    @RequestParam(required = false)
                    @Min(1)
                    @Max(1000)
                    @Nullable
                    Integer pageSize,
            @Parameter(description = "The nextPageToken of the previous page; opaque.")
                    @RequestParam(required = false)
                    @Size(max = PageTokens.MAX_TOKEN_LENGTH)
                    @Nullable
                    String pageToken) {
        return syncs.list(pageSize, pageToken);
    }

    @Operation(operationId = "getSync", summary = "Get a sync", description = "Status, progress and figures.")
    @ApiResponse(
            responseCode = "200",
            description = "The sync.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Sync.class),
                            examples = @ExampleObject(name = "running", value = SyncExamples.RUNNING)))
    @ApiResponse(
            responseCode = "404",
            description = "No sync with this id is kept.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem"),
                            examples = @ExampleObject(name = "sync-not-found", value = SyncExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Sync getSync(@Parameter(description = "The sync id.") @PathVariable String id) {
        return syncs.get(syncId(id));
    }

    @Operation(
            operationId = "exportSync",
            summary = "Export a sync's snapshot",
            description = "One JSON object per line: every business unit, account, role (with its copies), team and"
                    + " grant (inherited ones with their sources), each the REST JSON plus \"kind\". Streamed.")
    @ApiResponse(
            responseCode = "200",
            description = "The snapshot, as NDJSON.",
            content =
                    @Content(
                            mediaType = NDJSON,
                            schema = @Schema(type = "string"),
                            examples = @ExampleObject(name = "lines", value = SyncExamples.EXPORT)))
    @ApiResponse(
            responseCode = "409",
            description = "The sync is running or failed: it has no snapshot.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "failed", value = SyncExamples.NOT_SUCCEEDED)))
    @ApiResponse(
            responseCode = "404",
            description = "No sync with this id is kept.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem"),
                            examples = @ExampleObject(name = "sync-not-found", value = SyncExamples.NOT_FOUND)))
    @GetMapping(path = "/{id}/export", produces = NDJSON)
    ResponseEntity<StreamingResponseBody> exportSync(@Parameter(description = "The sync id.") @PathVariable String id) {
        SnapshotStore.Snapshot snapshot = syncs.snapshot(syncId(id));
        InputStream lines = open(snapshot::lines);
        return ndjson(out -> {
            try (InputStream ndjson = new GZIPInputStream(lines, 1 << 16)) {
                ndjson.transferTo(out);
            }
        });
    }

    @Operation(
            operationId = "syncChanges",
            summary = "What changed between two syncs",
            description = "Every object and grant added, removed or changed from the sync named by since to this"
                    + " one, one JSON object per line: {change, kind, id, object}; object is the new version, or the"
                    + " old one when removed. Streamed.")
    @ApiResponse(
            responseCode = "200",
            description = "The changes, as NDJSON.",
            content =
                    @Content(
                            mediaType = NDJSON,
                            schema = @Schema(type = "string"),
                            examples = @ExampleObject(name = "lines", value = SyncExamples.CHANGES)))
    @ApiResponse(
            responseCode = "409",
            description = "One of the two syncs is running or failed.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "failed", value = SyncExamples.NOT_SUCCEEDED)))
    @ApiResponse(
            responseCode = "404",
            description = "No sync with this id is kept.",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem"),
                            examples = @ExampleObject(name = "sync-not-found", value = SyncExamples.NOT_FOUND)))
    @GetMapping(path = "/{id}/changes", produces = NDJSON)
    ResponseEntity<StreamingResponseBody> syncChanges(
            @Parameter(description = "The sync id.") @PathVariable String id,
            @Parameter(description = "The id of the earlier sync to compare with.", required = true)
                    @RequestParam
                    @Size(max = 64)
                    String since) {
        UUID current = syncId(id);
        UUID earlier = Ids.parseGuid(since, "since sync id");
        SnapshotStore.Snapshot earlierSnapshot = syncs.snapshot(earlier);
        SnapshotStore.Snapshot currentSnapshot = syncs.snapshot(current);
        SnapshotReader before = open(() -> SnapshotReader.of(earlierSnapshot));
        SnapshotReader after;
        try {
            after = open(() -> SnapshotReader.of(currentSnapshot));
        } catch (RuntimeException e) {
            closeQuietly(before);
            throw e;
        }
        return ndjson(out -> {
            try (before;
                    after) {
                SnapshotStreams.changes(before, after, out);
            }
        });
    }

    private static ResponseEntity<StreamingResponseBody> ndjson(StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
    }

    private static UUID syncId(String id) {
        return Ids.parseGuid(id, "sync id");
    }

    private static void closeQuietly(java.io.Closeable in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }

    /** Something opened from a snapshot. */
    @FunctionalInterface
    private interface Opening<T> {
        T open() throws IOException;
    }

    private static <T> T open(Opening<T> opening) {
        try {
            return opening.open();
        } catch (IOException e) {
            throw new UncheckedIOException("A snapshot cannot be read", e);
        }
    }

    /** The page shape, named for the OpenAPI document. */
    @Schema(name = "SyncPage", description = "One page of syncs.")
    record SyncPage(
            List<Sync> items,

            @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
            String nextPageToken) {}
}
