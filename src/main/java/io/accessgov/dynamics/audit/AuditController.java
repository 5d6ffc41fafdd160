package io.accessgov.dynamics.audit;

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
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The durable audit trail (docs/api.md §12, docs/audit.md). One trail for the whole service, across environments:
 * each event names its environment, and {@code environment} filters by it.
 */
@Tag(
        name = "Audit",
        description = "Every attempt to change who has what, with caller, environment, grant, outcome and Dataverse"
                + " request id, kept durably.")
@RestController
@RequestMapping(path = "/api/v1/audit-events", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

    private final AuditEvents events;

    AuditController(AuditEvents events) {
        this.events = events;
    }

    @Operation(
            operationId = "listAuditEvents",
            summary = "List audit events",
            description = "Change attempts (grants and revokes) of every environment, oldest first. Filters combine;"
                    + " since is inclusive, until exclusive.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of audit events.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AuditEventPage.class),
                            examples = @ExampleObject(name = "page", value = AuditExamples.PAGE)))
    @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping
    Page<AuditRecord> listAuditEvents(
            @Parameter(description = "Events recorded at or after this instant (ISO-8601, e.g. 2026-11-26T05:00:00Z).")
                    @RequestParam(required = false)
                    @Size(max = 64)
                    @Nullable
                    String since,
            @Parameter(description = "Events recorded before this instant (ISO-8601).")
                    @RequestParam(required = false)
                    @Size(max = 64)
                    @Nullable
                    String until,
            @Parameter(description = "Events of grants to this principal (an account or team id).")
                    @RequestParam(required = false)
                    @Size(max = 64)
                    @Nullable
                    String principalId,
            @Parameter(description = "Events of grants of this resource (a root role, team or profile id).")
                    @RequestParam(required = false)
                    @Size(max = 64)
                    @Nullable
                    String resourceId,
            @Parameter(
                            description = "Events with this outcome.",
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "created",
                                                "already-held",
                                                "revoked",
                                                "already-absent",
                                                "refused",
                                                "failed"
                                            }))
                    @RequestParam(required = false)
                    @Size(max = 32)
                    @Nullable
                    String outcome,
            @Parameter(description = "Events of this environment only (docs/api.md §9).")
                    @RequestParam(required = false)
                    @Size(max = 64)
                    @Nullable
                    String environment,
            @Parameter(description = "Events per page (1–1000, default 100).")
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
        return events.page(since, until, principalId, resourceId, outcome, environment, pageSize, pageToken);
    }

    /** The page schema, for the OpenAPI document. */
    @Schema(name = "AuditEventPage")
    record AuditEventPage(
            List<AuditRecord> items,
            @Schema(nullable = true) @Nullable String nextPageToken) {}
}
