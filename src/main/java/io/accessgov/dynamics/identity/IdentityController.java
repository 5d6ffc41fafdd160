package io.accessgov.dynamics.identity;

import io.accessgov.dynamics.environment.EveryEnvironment;
import io.accessgov.dynamics.web.ApiPaths;
import io.accessgov.dynamics.web.Ids;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Across environments",
        description = "Questions asked of every environment at once: every account of one person, and who holds a"
                + " role anywhere. Environments are read concurrently; one that cannot be read is reported inside"
                + " the answer.")
@EveryEnvironment
@RestController
@RequestMapping(path = ApiPaths.V1, produces = MediaType.APPLICATION_JSON_VALUE)
class IdentityController {

    private final IdentityService identities;

    IdentityController(IdentityService identities) {
        this.identities = identities;
    }

    @Operation(
            operationId = "getIdentity",
            summary = "Get a person's accounts in every environment",
            description = "Every account whose Entra object id is this one, in every environment (accounts the"
                    + " environment's system-account toggle hides are left out), each with everything it holds"
                    + " there, direct and inherited, exactly as that environment's GET /accounts/{id} and"
                    + " GET /grants?principalType=account answer. An environment that cannot be read appears once,"
                    + " with its problem. Six Dataverse requests per environment with an account, whatever the"
                    + " environment's size.")
    @ApiResponse(
            responseCode = "200",
            description = "The person's accounts.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Identity.class),
                            examples = @ExampleObject(name = "identity", value = IdentityExamples.IDENTITY)))
    @ApiResponse(
            responseCode = "404",
            description = "Every environment was read and none has an account with this Entra object id.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Problem"),
                            examples = @ExampleObject(name = "identity-not-found", value = IdentityExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping("/identities/{entraObjectId}")
    Identity getIdentity(
            @Parameter(
                            description = "The person's Entra object id (the same in every environment); a GUID.",
                            schema = @Schema(type = "string", format = "uuid", pattern = Ids.GUID_PATTERN),
                            example = "9d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a")
                    @PathVariable
                    String entraObjectId) {
        return identities.identity(Ids.parseGuid(entraObjectId, "Entra object id"));
    }

    @Operation(
            operationId = "listRoleHolders",
            summary = "List holders of a role in every environment",
            description = "Every account holding a role of this name, directly or through a team, in every"
                    + " environment: \"who is System Administrator anywhere?\". Items are ordered by environment,"
                    + " then grant id. Environments whose holders are missing (not readable for this page or an"
                    + " earlier one) are listed in unavailable. Pass nextPageToken back as pageToken, with the same"
                    + " roleName, until it is null.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of role holders.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = RoleHolderPage.class),
                            examples = @ExampleObject(name = "page", value = IdentityExamples.ROLE_HOLDERS)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping("/role-holders")
    RoleHolderPage listRoleHolders(
            @Parameter(
                            description = "The role's name, exactly but ignoring case; every business unit's copy"
                                    + " and every environment's role of that name counts.",
                            required = true,
                            example = "System Administrator")
                    @RequestParam
                    @NotBlank
                    @Size(min = 1, max = 256)
                    String roleName,
            @Parameter(
                            description =
                                    "Holders per page (1–1000, default 100). When paging on, leave it out or send the"
                                            + " first page's value.")
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
        return identities.roleHolders(roleName, pageSize, pageToken);
    }
}
