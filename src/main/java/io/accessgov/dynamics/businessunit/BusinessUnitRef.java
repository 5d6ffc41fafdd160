package io.accessgov.dynamics.businessunit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The business unit a role or team belongs to, as other objects of the API name it.
 *
 * @param name the business unit's name, as Dataverse formats the lookup
 */
@Schema(name = "BusinessUnitRef", description = "The business unit an object belongs to.")
public record BusinessUnitRef(
        @Schema(example = "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d")
        UUID id,

        @Schema(example = "Sales", nullable = true) @Nullable
        String name) {}
