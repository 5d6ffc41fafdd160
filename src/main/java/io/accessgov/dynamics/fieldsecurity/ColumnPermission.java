package io.accessgov.dynamics.fieldsecurity;

import io.accessgov.dynamics.dataverse.FieldPermission;
import io.swagger.v3.oas.annotations.media.Schema;

/** What a field security profile allows its members on one secured column (docs/api.md §10). */
@Schema(description = "What a field security profile allows its members on one secured column.")
public record ColumnPermission(
        @Schema(example = "contact") String table,
        @Schema(example = "governmentid") String column,
        @Schema(example = "true") boolean read,

        @Schema(description = "Reads the masked column in clear (for one record or for all).", example = "false")
        boolean readUnmasked,

        @Schema(example = "false") boolean create,
        @Schema(example = "true") boolean update) {

    public static ColumnPermission of(FieldPermission permission) {
        return new ColumnPermission(
                permission.table(),
                permission.column(),
                permission.read(),
                permission.readUnmasked(),
                permission.create(),
                permission.update());
    }
}
