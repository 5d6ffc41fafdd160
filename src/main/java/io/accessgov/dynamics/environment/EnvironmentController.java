package io.accessgov.dynamics.environment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "Environments",
        description = "The Dataverse environments the service governs. Every resource of the other tags exists"
                + " under /api/v1/environments/{env}/… for each; the unprefixed paths address the default one.")
@EveryEnvironment
@RestController
@RequestMapping(path = "/api/v1/environments", produces = MediaType.APPLICATION_JSON_VALUE)
class EnvironmentController {

    private final Environments environments;

    EnvironmentController(Environments environments) {
        this.environments = environments;
    }

    @Operation(
            operationId = "listEnvironments",
            summary = "List environments",
            description = "Every environment, in name order, with its status from its health check (checked at"
                    + " most once per DYNAMICS_HEALTH_INTERVAL, never once per request).")
    @ApiResponse(
            responseCode = "200",
            description = "The environments.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = EnvironmentList.class),
                            examples = @ExampleObject(name = "environments", value = EnvironmentExamples.LIST)))
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping
    EnvironmentList listEnvironments() {
        return new EnvironmentList(
                environments.all().stream().map(EnvironmentView::of).toList());
    }

    @Operation(operationId = "getEnvironment", summary = "Get an environment", description = "One environment.")
    @ApiResponse(
            responseCode = "200",
            description = "The environment.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = EnvironmentView.class),
                            examples = @ExampleObject(name = "environment", value = EnvironmentExamples.ONE)))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "406", ref = "#/components/responses/NotAcceptable")
    @GetMapping("/{env}")
    EnvironmentView getEnvironment(
            @Parameter(description = "The environment's name.", example = "contoso") @PathVariable String env) {
        return EnvironmentView.of(environments.named(env));
    }

    /** The list shape, named for the OpenAPI document. */
    @Schema(name = "EnvironmentList", description = "Every environment the service governs.")
    record EnvironmentList(List<EnvironmentView> items) {}
}
