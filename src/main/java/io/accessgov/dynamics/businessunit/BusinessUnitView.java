package io.accessgov.dynamics.businessunit;

import io.accessgov.dynamics.dataverse.BusinessUnit;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A business unit as the API shows it (docs/api.md §4).
 *
 * @param id the Dataverse business unit id ({@code businessunitid}), lower-case
 * @param parentId the parent business unit; null only for the root of the tree
 * @param disabled whether the business unit is disabled
 */
@Schema(name = "BusinessUnit", description = "A Dataverse business unit; parentId links the units into one tree.")
public record BusinessUnitView(
        @Schema(example = "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d")
        UUID id,

        @Schema(example = "Sales") String name,

        @Schema(example = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", nullable = true) @Nullable
        UUID parentId,

        @Schema(example = "false") boolean disabled) {

    /** The API's view of a Dataverse business unit. */
    public static BusinessUnitView of(BusinessUnit unit) {
        return new BusinessUnitView(unit.id(), unit.name(), unit.parentId(), unit.disabled());
    }
}
