package io.accessgov.dynamics.businessunit;

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

@Tag(name = "Business units", description = "The business-unit tree of the environment.")
@RestController
@RequestMapping(
        path = {ApiPaths.V1 + "/business-units", ApiPaths.IN_ENVIRONMENT + "/business-units"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class BusinessUnitController {

    private final BusinessUnitService units;

    BusinessUnitController(BusinessUnitService units) {
        this.units = units;
    }

    @Operation(
            operationId = "listBusinessUnits",
            summary = "List business units",
            description = "Pages through the business units in order of their ids; parentId links them into a tree"
                    + " whose root has none. Pass nextPageToken back as pageToken until it is null.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of business units.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = BusinessUnitPage.class),
                            examples = @ExampleObject(name = "page", value = BusinessUnitExamples.PAGE)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping
    Page<BusinessUnitView> listBusinessUnits(
            @Parameter(hidden = true) Environment environment,
            @Parameter(
                            description =
                                    "Business units per page (1–1000, default 100). When paging on, leave it out or"
                                            + " send the first page's value.")
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
        return units.list(environment, pageSize, pageToken);
    }

    @Operation(
            operationId = "getBusinessUnit",
            summary = "Get a business unit",
            description = "One business unit by its Dataverse id.")
    @ApiResponse(
            responseCode = "200",
            description = "The business unit.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = BusinessUnitView.class),
                            examples =
                                    @ExampleObject(name = "business-unit", value = BusinessUnitExamples.BUSINESS_UNIT)))
    @ApiResponse(
            responseCode = "404",
            description = "No business unit has this id.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Problem"),
                            examples =
                                    @ExampleObject(
                                            name = "business-unit-not-found",
                                            value = BusinessUnitExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping("/{id}")
    BusinessUnitView getBusinessUnit(
            @Parameter(hidden = true) Environment environment,
            @Parameter(
                            description = "The Dataverse business unit id (businessunitid), a GUID.",
                            schema = @Schema(type = "string", format = "uuid", pattern = Ids.GUID_PATTERN),
                            example = "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d")
                    @PathVariable
                    String id) {
        return units.get(environment, Ids.parseGuid(id, "business unit id"));
    }

    /** The page shape, named for the OpenAPI document (generic records have no schema name of their own). */
    @Schema(name = "BusinessUnitPage", description = "One page of business units.")
    record BusinessUnitPage(
            List<BusinessUnitView> items,

            @Schema(nullable = true, description = "Token of the next page; null on the last page.") @Nullable
            String nextPageToken) {}
}
