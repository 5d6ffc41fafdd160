package io.accessgov.dynamics.role;

import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.web.ApiPaths;
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
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Roles", description = "Security roles, one per logical role rather than one per business-unit copy.")
@RestController
@RequestMapping(
        path = {ApiPaths.V1 + "/roles", ApiPaths.IN_ENVIRONMENT + "/roles"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class RoleController {

    private final RoleService roles;

    RoleController(RoleService roles) {
        this.roles = roles;
    }

    @Operation(
            operationId = "listRoles",
            summary = "List roles",
            description = "Pages through the logical security roles: each role once, named by its root copy's id,"
                    + " however many business units hold a copy. Lists leave copies out; GET /api/v1/roles/{id}"
                    + " lists them. Pass nextPageToken back as pageToken, with the same search, until it is null.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of roles.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = RolePage.class),
                            examples = @ExampleObject(name = "page", value = RoleExamples.PAGE)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping
    Page<Role> listRoles(
            @Parameter(hidden = true) Environment environment,
            @Parameter(
                            description = "Case-insensitive substring of the role's name. Quotes and OData syntax are"
                                    + " matched literally.",
                            example = "sales")
                    @RequestParam(required = false)
                    @Size(max = 256)
                    @Nullable
                    String search,
            @Parameter(
                            description =
                                    "Roles per page (1–1000, default 100). When paging on, leave it out or send the"
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
        return roles.list(environment, search, pageSize, pageToken);
    }

    @Operation(
            operationId = "getRole",
            summary = "Get a role",
            description = "One logical security role with every business-unit copy. The id may be the role's own"
                    + " (its root copy's) or that of any business unit's copy: both answer the same role.")
    @ApiResponse(
            responseCode = "200",
            description = "The role with its copies.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = Role.class),
                            examples = @ExampleObject(name = "role", value = RoleExamples.ROLE)))
    @ApiResponse(
            responseCode = "404",
            description = "No role, and no business-unit copy of one, has this id.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Problem"),
                            examples = @ExampleObject(name = "role-not-found", value = RoleExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping("/{id}")
    Role getRole(
            @Parameter(hidden = true) Environment environment,
            @Parameter(
                            description = "The role id, or the id of any business unit's copy of it; a GUID.",
                            schema = @Schema(type = "string", format = "uuid", pattern = Ids.GUID_PATTERN),
                            example = "0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19")
                    @PathVariable
                    String id) {
        return roles.get(environment, Ids.parseGuid(id, "role id"));
    }

    /** The page shape, named for the OpenAPI document (generic records have no schema name of their own). */
    @Schema(name = "RolePage", description = "One page of roles, without their copies.")
    record RolePage(
            List<Role> items,

            @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
            String nextPageToken) {}
}
