package io.accessgov.dynamics.fieldsecurity;

import io.accessgov.dynamics.dataverse.FieldPermission;

/** What a column-access question asks about (docs/api.md §10). */
public enum ColumnAccessRight {
    READ,
    READ_UNMASKED,
    CREATE,
    UPDATE;

    /** Whether the permission allows this. */
    boolean allowedBy(FieldPermission permission) {
        return switch (this) {
            case READ -> permission.read();
            case READ_UNMASKED -> permission.readUnmasked();
            case CREATE -> permission.create();
            case UPDATE -> permission.update();
        };
    }
}
