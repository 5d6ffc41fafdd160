package io.accessgov.dynamics.team;

import io.accessgov.dynamics.dataverse.TeamType;
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

@Tag(name = "Teams", description = "Owner, access and Entra group teams, and who manages their members.")
@RestController
@RequestMapping(
        path = {ApiPaths.V1 + "/teams", ApiPaths.IN_ENVIRONMENT + "/teams"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class TeamController {

    private final TeamService teams;

    TeamController(TeamService teams) {
        this.teams = teams;
    }

    @Operation(
            operationId = "listTeams",
            summary = "List teams",
            description = "Pages through the teams, filtered in Dataverse. Pass nextPageToken back as pageToken, with"
                    + " the same type and search, until it is null.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of teams.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = TeamPage.class),
                            examples = @ExampleObject(name = "page", value = TeamExamples.PAGE)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping
    Page<TeamView> listTeams(
            @Parameter(hidden = true) Environment environment,
            @Parameter(description = "Only teams of this type.") @RequestParam(required = false) @Nullable
                    TeamType type,
            @Parameter(
                            description = "Case-insensitive substring of the team's name. Quotes and OData syntax are"
                                    + " matched literally.",
                            example = "sales")
                    @RequestParam(required = false)
                    @Size(max = 256)
                    @Nullable
                    String search,
            @Parameter(
                            description =
                                    "Teams per page (1–1000, default 100). When paging on, leave it out or send the"
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
        return teams.list(environment, type, search, pageSize, pageToken);
    }

    @Operation(
            operationId = "getTeam",
            summary = "Get a team",
            description = "One team by its Dataverse team id, with who manages its members: Dataverse, the business"
                    + " unit (its default team) or an Entra group.")
    @ApiResponse(
            responseCode = "200",
            description = "The team.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = TeamView.class),
                            examples = {
                                @ExampleObject(name = "owner-team", value = TeamExamples.OWNER_TEAM),
                                @ExampleObject(name = "entra-group-team", value = TeamExamples.ENTRA_TEAM)
                            }))
    @ApiResponse(
            responseCode = "404",
            description = "No team has this id.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Problem"),
                            examples = @ExampleObject(name = "team-not-found", value = TeamExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping("/{id}")
    TeamView getTeam(
            @Parameter(hidden = true) Environment environment,
            @Parameter(
                            description = "The Dataverse team id (teamid), a GUID.",
                            schema = @Schema(type = "string", format = "uuid", pattern = Ids.GUID_PATTERN),
                            example = "4c3b2a19-0f8e-4d7c-8b6a-594837261504")
                    @PathVariable
                    String id) {
        return teams.get(environment, Ids.parseGuid(id, "team id"));
    }

    /** The page shape, named for the OpenAPI document (generic records have no schema name of their own). */
    @Schema(name = "TeamPage", description = "One page of teams.")
    record TeamPage(
            List<TeamView> items,

            @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
            String nextPageToken) {}
}
