package io.accessgov.dynamics.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** An environment that could not be read for an answer across environments, and why (docs/api.md §9). */
@Schema(description = "An environment whose holders are missing from this page because it could not be read.")
record EnvironmentUnavailable(
        @Schema(example = "contoso-sandbox") String environment,

        @Schema(description = "The RFC 9457 problem that kept it from answering.", ref = "#/components/schemas/Problem")
        Map<String, Object> problem) {}
