package io.accessgov.dynamics.fieldsecurity;

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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Column security",
        description = "Field security profiles, their column permissions, and who may read, read unmasked, create or"
                + " update a secured column.")
@RestController
class FieldSecurityController {

    private static final String PROFILES = "/field-security-profiles";
    private static final String COLUMN_ACCESS = "/column-access";
    private static final String LOGICAL_NAME = "[A-Za-z][A-Za-z0-9_]*";

    private final FieldSecurityService fieldSecurity;

    FieldSecurityController(FieldSecurityService fieldSecurity) {
        this.fieldSecurity = fieldSecurity;
    }

    @Operation(
            operationId = "listFieldSecurityProfiles",
            summary = "List field security profiles",
            description = "Pages through the field security profiles, each with its column permissions. Pass"
                    + " nextPageToken back as pageToken, with the same search, until it is null.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of profiles.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ProfilePage.class),
                            examples = @ExampleObject(name = "page", value = FieldSecurityExamples.PAGE)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping(
            path = {ApiPaths.V1 + PROFILES, ApiPaths.IN_ENVIRONMENT + PROFILES},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Page<FieldSecurityProfileView> listProfiles(
            @Parameter(hidden = true) Environment environment,
            @Parameter(description = "Case-insensitive substring of the profile's name.", example = "identity")
                    @RequestParam(required = false)
                    @Size(max = 256)
                    @Nullable
                    String search,
            @Parameter(description = PAGE_SIZE) @RequestParam(required = false) @Min(1) @Max(1000) @Nullable
                    Integer pageSize,
            @Parameter(description = PAGE_TOKEN)
                    @RequestParam(required = false)
                    @Size(max = PageTokens.MAX_TOKEN_LENGTH)
                    @Nullable
                    String pageToken) {
        return fieldSecurity.list(environment, search, pageSize, pageToken);
    }

    @Operation(
            operationId = "getFieldSecurityProfile",
            summary = "Get a field security profile",
            description = "One profile with what it allows on each secured column. Accounts and teams hold it as"
                    + " the entitlement member: see GET /api/v1/grants?resourceType=field-security-profile.")
    @ApiResponse(
            responseCode = "200",
            description = "The profile with its permissions.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = FieldSecurityProfileView.class),
                            examples = @ExampleObject(name = "profile", value = FieldSecurityExamples.PROFILE)))
    @ApiResponse(
            responseCode = "404",
            description = "No field security profile has this id.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Problem"),
                            examples =
                                    @ExampleObject(
                                            name = "field-security-profile-not-found",
                                            value = FieldSecurityExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping(
            path = {ApiPaths.V1 + PROFILES + "/{id}", ApiPaths.IN_ENVIRONMENT + PROFILES + "/{id}"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    FieldSecurityProfileView getProfile(
            @Parameter(hidden = true) Environment environment,
            @Parameter(
                            description = "The profile id; a GUID.",
                            schema = @Schema(type = "string", format = "uuid", pattern = Ids.GUID_PATTERN))
                    @PathVariable
                    String id) {
        return fieldSecurity.get(environment, Ids.parseGuid(id, "field security profile id"));
    }

    @Operation(
            operationId = "listColumnAccess",
            summary = "Who may read, read unmasked, create or update a secured column",
            description = "Every account in scope whose field security profiles, held directly or through a team,"
                    + " allow the access asked about on the column, with every such profile. Column access comes"
                    + " from profile memberships only. Requests grow with the answer, not with the environment.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of accounts, by id.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ColumnAccessPage.class),
                            examples = @ExampleObject(name = "page", value = FieldSecurityExamples.COLUMN_ACCESS_PAGE)))
    @ApiResponse(
            responseCode = "400",
            description = "An unknown table, a column no profile names, a missing parameter or an unknown access.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Problem"),
                            examples = @ExampleObject(name = "not-secured", value = FieldSecurityExamples.NOT_SECURED)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping(
            path = {ApiPaths.V1 + COLUMN_ACCESS, ApiPaths.IN_ENVIRONMENT + COLUMN_ACCESS},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Page<ColumnAccessHolder> listColumnAccess(
            @Parameter(hidden = true) Environment environment,
            @Parameter(description = "The table's logical name, case ignored.", example = "contact")
                    @RequestParam
                    @Size(min = 1, max = 128)
                    @Pattern(regexp = LOGICAL_NAME)
                    String table,
            @Parameter(description = "The column's logical name, case ignored.", example = "governmentid")
                    @RequestParam
                    @Size(min = 1, max = 128)
                    @Pattern(regexp = LOGICAL_NAME)
                    String column,
            @Parameter(description = "What the accounts may do with the column.", example = "READ_UNMASKED")
                    @RequestParam
                    ColumnAccessRight access,
            @Parameter(description = PAGE_SIZE) @RequestParam(required = false) @Min(1) @Max(1000) @Nullable
                    Integer pageSize,
            @Parameter(description = PAGE_TOKEN)
                    @RequestParam(required = false)
                    @Size(max = PageTokens.MAX_TOKEN_LENGTH)
                    @Nullable
                    String pageToken) {
        return fieldSecurity.columnAccess(environment, table, column, access, pageSize, pageToken);
    }

    private static final String PAGE_SIZE =
            "Items per page (1–1000, default 100). When paging on, leave it out or send the first page's value.";
    private static final String PAGE_TOKEN = "The nextPageToken of the previous page; opaque.";

    @Schema(name = "FieldSecurityProfilePage", description = "One page of field security profiles.")
    record ProfilePage(
            List<FieldSecurityProfileView> items,

            @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
            String nextPageToken) {}

    @Schema(name = "ColumnAccessPage", description = "One page of the accounts with access to a secured column.")
    record ColumnAccessPage(
            List<ColumnAccessHolder> items,

            @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
            String nextPageToken) {}
}
