package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.web.ApiPaths;
import io.accessgov.dynamics.web.Ids;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Syncs",
        description = "Syncs: a consistent snapshot of the whole environment, read with one pass over each"
                + " Dataverse table (or, incrementally, only what changed since the previous sync), exported as"
                + " NDJSON, and compared with an earlier one.")
@RestController
@RequestMapping({ApiPaths.V1 + "/syncs", ApiPaths.IN_ENVIRONMENT + "/syncs"})
class SyncController {

    static final String NDJSON = SnapshotResponses.NDJSON;

    private final Syncs syncs;
    private final SnapshotResponses responses;

    SyncController(Syncs syncs, SnapshotResponses responses) {
        this.syncs = syncs;
        this.responses = responses;
    }

    @Operation(
            operationId = "startSync",
            summary = "Start a sync",
            description = "Starts a sync in the background; follow it at the Location. Only one sync runs at a"
                    + " time. The optional body chooses the mode: FULL reads every table whole; INCREMENTAL follows"
                    + " Dataverse's change tracking from the previous successful sync and produces the snapshot a"
                    + " full sync would (fallback says which tables it read whole, and why). Without a body:"
                    + " INCREMENTAL when the previous successful sync can be continued, else FULL.")
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
    ResponseEntity<Sync> startSync(
            @Parameter(hidden = true) Environment environment,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable
                    String contentType,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = false,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(implementation = SyncRequest.class),
                                            examples =
                                                    @ExampleObject(name = "incremental", value = SyncExamples.REQUEST)))
                    @RequestBody(required = false)
                    byte @Nullable [] body) {
        SyncRequest request = SyncRequest.read(contentType, body);
        Sync sync = syncs.of(environment).start(request.mode());
        return ResponseEntity.accepted()
                .location(ApiPaths.below(sync.id().toString()))
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
            @Parameter(hidden = true) Environment environment,
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
        return syncs.of(environment).list(pageSize, pageToken);
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
    Sync getSync(
            @Parameter(hidden = true) Environment environment,
            @Parameter(description = "The sync id.") @PathVariable String id) {
        return syncs.of(environment).get(syncId(id));
    }

    @Operation(
            operationId = "exportSync",
            summary = "Export a sync's snapshot",
            description = "One JSON object per line: every business unit, account, role (with its copies), team and"
                    + " grant (inherited ones with their sources), each the REST JSON plus \"kind\"."
                    + " Streamed with no time limit unless the service sets one; always with Content-Length."
                    + " With Accept-Encoding: gzip the stored gzip file is sent as it is (Content-Encoding: gzip,"
                    + " Content-Length the compressed size), else the NDJSON itself."
                    + " An export is complete only when Content-Length bytes arrived: one the service cannot"
                    + " finish (the snapshot cannot be read, or the time limit is reached) ends with the"
                    + " connection closed early, which HTTP clients report as an error, never as a clean end.")
    @ApiResponse(
            responseCode = "200",
            description = "The snapshot, as NDJSON (gzip-compressed when accepted).",
            headers = {
                @Header(
                        name = HttpHeaders.CONTENT_LENGTH,
                        description = "The body's size in bytes, as sent (compressed with gzip); fewer bytes"
                                + " arriving means the export was aborted.",
                        schema = @Schema(type = "integer", format = "int64", example = "434112010")),
                @Header(
                        name = HttpHeaders.CONTENT_ENCODING,
                        description = "gzip when the request accepts it; absent otherwise.",
                        schema = @Schema(type = "string", allowableValues = "gzip")),
                @Header(
                        name = HttpHeaders.VARY,
                        description = "Accept-Encoding: the body depends on it.",
                        schema = @Schema(type = "string", example = HttpHeaders.ACCEPT_ENCODING))
            },
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
    void exportSync(
            @Parameter(hidden = true) Environment environment,
            @Parameter(description = "The sync id.") @PathVariable String id,
            @Parameter(
                            in = ParameterIn.HEADER,
                            name = HttpHeaders.ACCEPT_ENCODING,
                            description = "gzip to receive the stored gzip file as it is (Content-Encoding: gzip).",
                            schema = @Schema(type = "string", example = "gzip"))
                    @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false)
                    @Nullable
                    String acceptEncoding,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        UUID sync = syncId(id);
        responses.export(
                sync,
                syncs.of(environment).snapshot(sync),
                acceptEncoding,
                "HEAD".equals(request.getMethod()),
                response);
    }

    @Operation(
            operationId = "syncChanges",
            summary = "What changed between two syncs",
            description = "Every object and grant added, removed or changed from the sync named by since (without"
                    + " since: the previous successful sync of the environment) to this one, one JSON object per line: {change, kind, id, object}; object is the new version, or the"
                    + " old one when removed. Streamed (chunked) with no time limit unless the service sets one."
                    + " The changes are complete only when the response ends properly (its last chunk arrived):"
                    + " a stream the service cannot finish ends with the connection closed early, which HTTP"
                    + " clients report as an error, never as a clean end.")
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
            description = "One of the two syncs is running or failed, or since is left out and no earlier sync of"
                    + " the environment succeeded (no-earlier-sync).",
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
    void syncChanges(
            @Parameter(hidden = true) Environment environment,
            @Parameter(description = "The sync id.") @PathVariable String id,
            @Parameter(
                            description = "The id of the earlier sync to compare with; by default the previous"
                                    + " successful sync of the environment.")
                    @RequestParam(required = false)
                    @Size(max = 64)
                    @Nullable
                    String since,
            HttpServletResponse response)
            throws IOException {
        UUID current = syncId(id);
        UUID earlier =
                since == null ? syncs.of(environment).earlierThan(current) : Ids.parseGuid(since, "since sync id");
        SnapshotStore.Snapshot before = syncs.of(environment).snapshot(earlier);
        SnapshotStore.Snapshot after = syncs.of(environment).snapshot(current);
        responses.changes(current, earlier, before, after, response);
    }

    /**
     * Lets a stream that broke after its first bytes reach the container, which closes the connection without ending
     * the response: after a body has started, no problem can be sent, and answering this here would end it cleanly.
     */
    @ExceptionHandler(StreamAborted.class)
    void aborted(StreamAborted aborted) {
        throw aborted;
    }

    private static UUID syncId(String id) {
        return Ids.parseGuid(id, "sync id");
    }

    /** The page shape, named for the OpenAPI document. */
    @Schema(name = "SyncPage", description = "One page of syncs.")
    record SyncPage(
            List<Sync> items,

            @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
            String nextPageToken) {}
}
