package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.web.ApiPaths;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Grants",
        description = "Who has what: roles assigned to accounts and teams (directly or inherited through teams) and"
                + " team memberships.")
@RestController
@RequestMapping(
        path = {ApiPaths.V1 + "/grants", ApiPaths.IN_ENVIRONMENT + "/grants"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class GrantController {

    private final GrantService grants;
    private final GrantCommands commands;

    GrantController(GrantService grants, GrantCommands commands) {
        this.grants = grants;
        this.commands = commands;
    }

    @Operation(
            operationId = "listGrants",
            summary = "List grants",
            description = "The grants of a principal (principalType + principalId), on a resource (resourceType +"
                    + " resourceId), or both. A role may be named by the id of any of its business-unit copies;"
                    + " grants always name the root role. Each (resource, entitlement, principal) appears once, its"
                    + " sources saying why: direct, and every team it is inherited through.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of grants, in grant-id order.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = GrantPage.class),
                            examples = @ExampleObject(name = "page", value = GrantExamples.PAGE)))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping
    Page<Grant> listGrants(
            @Parameter(hidden = true) Environment environment,
            @Parameter(description = "The principal's type.", schema = @Schema(allowableValues = {"account", "team"}))
                    @RequestParam(required = false)
                    @Size(max = 16)
                    @Nullable
                    String principalType,
            @Parameter(description = "The principal's id (a Dataverse user or team id).")
                    @RequestParam(required = false)
                    @Size(max = 64)
                    @Nullable
                    String principalId,
            @Parameter(
                            description = "The resource's type.",
                            schema = @Schema(allowableValues = {"role", "team", "field-security-profile"}))
                    @RequestParam(required = false)
                    @Size(max = 32)
                    @Nullable
                    String resourceType,
            @Parameter(
                            description =
                                    "The resource's id: a team or field security profile id, or the id of a role or any"
                                            + " of its copies.")
                    @RequestParam(required = false)
                    @Size(max = 64)
                    @Nullable
                    String resourceId,
            @Parameter(description = "Grants per page (1–1000, default 100).")
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
        return grants.list(
                environment, GrantQuery.of(principalType, principalId, resourceType, resourceId), pageSize, pageToken);
    }

    @Operation(
            operationId = "getGrant",
            summary = "Get a grant",
            description =
                    "One grant by its id, {resourceType}:{resourceId}:{entitlement}:{principalType}:{principalId}."
                            + " A role may be named by the id of any of its business-unit copies; the grant answered carries"
                            + " the canonical id, with the root role.")
    @ApiResponse(
            responseCode = "200",
            description = "The grant.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Grant.class),
                            examples = @ExampleObject(name = "grant", value = GrantExamples.ROLE_GRANT)))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping("/{id}")
    Grant getGrant(
            @Parameter(hidden = true) Environment environment,
            @Parameter(
                            description = "The grant id.",
                            example = "role:0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2:assigned:account:"
                                    + "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d")
                    @PathVariable
                    String id) {
        return grants.get(environment, GrantId.parse(id));
    }

    @Operation(
            operationId = "createGrant",
            summary = "Grant a role, a team membership or a field security profile",
            description = "Assigns a role to an account or a team (the copy of the principal's business unit, or of"
                    + " businessUnitId), makes an account a member of an owner or access team, or gives a field"
                    + " security profile to an account or an owner or Entra-group team. Idempotent: when"
                    + " the principal already holds the grant directly (any copy of the role counts) the answer is"
                    + " 200 with the grant and nothing changes. Safe to retry. Refused with 409 when the change is not"
                    + " possible (platform-managed account, access team and roles or profiles, default-team or Entra-group"
                    + " membership, no role copy in the business unit, disabled account); nothing is sent to"
                    + " Dataverse for a refusal the service can foresee. Every attempt is audited.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = GrantRequest.Body.class),
                            examples = {
                                @ExampleObject(name = "role to account", value = GrantExamples.REQUEST),
                                @ExampleObject(
                                        name = "field security profile to team",
                                        value = GrantExamples.PROFILE_REQUEST)
                            }))
    @ApiResponse(
            responseCode = "201",
            description = "The grant was created; Location names it.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Grant.class),
                            examples = @ExampleObject(name = "grant", value = GrantExamples.ROLE_GRANT)))
    @ApiResponse(
            responseCode = "200",
            description = "The principal already held the grant directly; nothing changed.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Grant.class)))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge")
    @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")
    @PostMapping
    ResponseEntity<Grant> createGrant(
            @Parameter(hidden = true) Environment environment,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable
                    String contentType,
            @RequestBody(required = false) byte @Nullable [] body) {
        // The content type and an empty body are checked inside the audited attempt, not by Spring before it.
        return answer(commands.grant(environment, contentType, body == null ? new byte[0] : body));
    }

    @Operation(
            operationId = "revokeGrant",
            summary = "Revoke a grant",
            description = "Removes a direct role assignment (every copy of the role the principal holds directly),"
                    + " a team membership or a field security profile membership. 204 when it was removed or was already absent (idempotent); 200 with"
                    + " the remaining grant when access remains through teams; 409 when the grant is inherited"
                    + " only (the problem names the teams), is a default-team or Entra-group membership, or the"
                    + " account is platform-managed. Every attempt is audited.")
    @ApiResponse(
            responseCode = "200",
            description = "The direct assignment was removed; access remains through the teams in sources.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Grant.class)))
    @ApiResponse(responseCode = "204", description = "The direct grant was removed, or was already absent.")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @DeleteMapping("/{id}")
    ResponseEntity<Grant> revokeGrant(
            @Parameter(hidden = true) Environment environment,
            @Parameter(
                            description = "The grant id.",
                            example = "role:0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2:assigned:account:"
                                    + "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d")
                    @PathVariable
                    String id) {
        return answer(commands.revoke(environment, id));
    }

    /**
     * The status a change is answered with (docs/api.md §5): 201 created, 200 with the grant when it is (still)
     * held, 204 when the principal no longer holds it. The audit event records the same status.
     */
    static HttpStatus statusOf(ChangeOutcome outcome) {
        return switch (outcome) {
            case CREATED -> HttpStatus.CREATED;
            case ALREADY_HELD, REMAINS_THROUGH_TEAMS -> HttpStatus.OK;
            case REMOVED, ALREADY_ABSENT -> HttpStatus.NO_CONTENT;
        };
    }

    private static ResponseEntity<Grant> answer(ChangeResult result) {
        HttpStatus status = statusOf(result.outcome());
        if (status == HttpStatus.CREATED) {
            return ResponseEntity.created(ApiPaths.below(result.id().toString()))
                    .body(result.grant());
        }
        if (status == HttpStatus.NO_CONTENT) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.status(status).body(result.grant());
    }

    /** The page shape, named for the OpenAPI document. */
    @Schema(name = "GrantPage", description = "One page of grants.")
    record GrantPage(
            List<Grant> items,

            @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
            String nextPageToken) {}
}
