package io.accessgov.dynamics.privilege;

import io.accessgov.dynamics.dataverse.PrivilegeAccess;
import io.accessgov.dynamics.dataverse.PrivilegeDepth;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Privileges",
        description = "What roles let their holders do (table × access × depth), and who can do what, directly or"
                + " through teams.")
@RestController
class PrivilegeController {

    private static final String ROLE_PRIVILEGES = "/roles/{id}/privileges";
    private static final String ACCOUNT_PRIVILEGES = "/accounts/{id}/privileges";
    private static final String HOLDERS = "/privilege-holders";

    private final PrivilegeService privileges;

    PrivilegeController(PrivilegeService privileges) {
        this.privileges = privileges;
    }

    @Operation(
            operationId = "listRolePrivileges",
            summary = "List a role's privileges",
            description = "The privileges of a logical role, by name, each with the table it belongs to (as the"
                    + " table's definition says), its access right and its depth. Privileges belong to the logical"
                    + " role: the id of any business unit's copy answers the same list.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of the role's privileges.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = RolePrivilegePage.class),
                            examples = @ExampleObject(name = "page", value = PrivilegeExamples.ROLE_PAGE)))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping(
            path = {ApiPaths.V1 + ROLE_PRIVILEGES, ApiPaths.IN_ENVIRONMENT + ROLE_PRIVILEGES},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Page<RolePrivilegeView> listRolePrivileges(
            @Parameter(hidden = true) Environment environment,
            @Parameter(
                            description = "The role id, or the id of any business unit's copy of it; a GUID.",
                            schema = @Schema(type = "string", format = "uuid", pattern = Ids.GUID_PATTERN))
                    @PathVariable
                    String id,
            @Parameter(description = PAGE_SIZE) @RequestParam(required = false) @Min(1) @Max(1000) @Nullable
                    Integer pageSize,
            @Parameter(description = PAGE_TOKEN)
                    @RequestParam(required = false)
                    @Size(max = PageTokens.MAX_TOKEN_LENGTH)
                    @Nullable
                    String pageToken) {
        return privileges.ofRole(environment, Ids.parseGuid(id, "role id"), pageSize, pageToken);
    }

    @Operation(
            operationId = "listAccountPrivileges",
            summary = "List an account's effective privileges",
            description = "Every privilege the account holds through its roles, directly and through owner and"
                    + " Entra-group teams, at the highest depth over its sources, with every source. A team role"
                    + " that gives members the team's privileges only is listed with scope TEAM_OWNED_RECORDS at"
                    + " USER depth and does not raise the account's depth. Disabled accounts answer too.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of the account's privileges, by name.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = EffectivePrivilegePage.class),
                            examples = @ExampleObject(name = "page", value = PrivilegeExamples.ACCOUNT_PAGE)))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping(
            path = {ApiPaths.V1 + ACCOUNT_PRIVILEGES, ApiPaths.IN_ENVIRONMENT + ACCOUNT_PRIVILEGES},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Page<EffectivePrivilege> listAccountPrivileges(
            @Parameter(hidden = true) Environment environment,
            @Parameter(
                            description = "The account id; a GUID.",
                            schema = @Schema(type = "string", format = "uuid", pattern = Ids.GUID_PATTERN))
                    @PathVariable
                    String id,
            @Parameter(description = TABLE, example = "account")
                    @RequestParam(required = false)
                    @Size(min = 1, max = 128)
                    @Nullable
                    String table,
            @Parameter(description = "Only privileges of this access right.") @RequestParam(required = false) @Nullable
                    PrivilegeAccess access,
            @Parameter(description = PAGE_SIZE) @RequestParam(required = false) @Min(1) @Max(1000) @Nullable
                    Integer pageSize,
            @Parameter(description = PAGE_TOKEN)
                    @RequestParam(required = false)
                    @Size(max = PageTokens.MAX_TOKEN_LENGTH)
                    @Nullable
                    String pageToken) {
        return privileges.ofAccount(environment, Ids.parseGuid(id, "account id"), table, access, pageSize, pageToken);
    }

    @Operation(
            operationId = "listPrivilegeHolders",
            summary = "Who holds a privilege",
            description = "Every account in scope that holds a privilege at minDepth or deeper, with every source."
                    + " Name the privilege by table and access (table=account&access=DELETE) or by name"
                    + " (privilege=prvExportToExcel), not both. The requests grow with the number of accounts and"
                    + " teams holding the privilege at any depth, never with the environment; each page reads again.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of holders, by account id.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PrivilegeHolderPage.class),
                            examples = @ExampleObject(name = "page", value = PrivilegeExamples.HOLDER_PAGE)))
    @ApiResponse(
            responseCode = "400",
            description = "Both forms or half of one, an unknown table or privilege name, or another bad parameter.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Problem"),
                            examples = @ExampleObject(name = "unknown-table", value = PrivilegeExamples.UNKNOWN_TABLE)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping(
            path = {ApiPaths.V1 + HOLDERS, ApiPaths.IN_ENVIRONMENT + HOLDERS},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Page<PrivilegeHolder> listPrivilegeHolders(
            @Parameter(hidden = true) Environment environment,
            @Parameter(description = TABLE, example = "account")
                    @RequestParam(required = false)
                    @Size(max = 128)
                    @Nullable
                    String table,
            @Parameter(description = "The access right on the table; with table.", example = "DELETE")
                    @RequestParam(required = false)
                    @Nullable
                    PrivilegeAccess access,
            @Parameter(description = "A privilege's name, case ignored; instead of table and access.")
                    @RequestParam(required = false)
                    @Size(max = 256)
                    @Nullable
                    String privilege,
            @Parameter(
                            description = "The least depth a holder must hold it at; default USER.",
                            example = "ORGANIZATION")
                    @RequestParam(required = false)
                    @Nullable
                    PrivilegeDepth minDepth,
            @Parameter(description = PAGE_SIZE) @RequestParam(required = false) @Min(1) @Max(1000) @Nullable
                    Integer pageSize,
            @Parameter(description = PAGE_TOKEN)
                    @RequestParam(required = false)
                    @Size(max = PageTokens.MAX_TOKEN_LENGTH)
                    @Nullable
                    String pageToken) {
        return privileges.holders(environment, HolderQuery.of(privilege, table, access, minDepth), pageSize, pageToken);
    }

    private static final String TABLE =
            "A table's logical name (case ignored): only the privileges its definition lists. An unknown table is a"
                    + " 400.";
    private static final String PAGE_SIZE =
            "Items per page (1–1000, default 100). When paging on, leave it out or send the first page's value.";
    private static final String PAGE_TOKEN = "The nextPageToken of the previous page; opaque.";

    @Schema(name = "RolePrivilegePage", description = "One page of a role's privileges.")
    record RolePrivilegePage(
            List<RolePrivilegeView> items,

            @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
            String nextPageToken) {}

    @Schema(name = "EffectivePrivilegePage", description = "One page of an account's effective privileges.")
    record EffectivePrivilegePage(
            List<EffectivePrivilege> items,

            @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
            String nextPageToken) {}

    @Schema(name = "PrivilegeHolderPage", description = "One page of the holders of a privilege.")
    record PrivilegeHolderPage(
            List<PrivilegeHolder> items,

            @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
            String nextPageToken) {}
}
