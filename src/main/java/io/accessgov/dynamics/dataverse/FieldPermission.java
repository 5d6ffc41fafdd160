package io.accessgov.dynamics.dataverse;

import java.util.UUID;

/**
 * What a field security profile allows on one secured column (a row of {@code fieldpermissions}).
 *
 * @param table the table's logical name
 * @param column the column's logical name
 * @param readUnmasked whether members may read a masked column in clear (for one record or for all)
 */
public record FieldPermission(
        UUID profileId,
        String table,
        String column,
        boolean read,
        boolean readUnmasked,
        boolean create,
        boolean update) {}
