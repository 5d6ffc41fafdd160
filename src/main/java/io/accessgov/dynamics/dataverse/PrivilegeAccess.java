package io.accessgov.dynamics.dataverse;

/**
 * The access right a table privilege grants (Dataverse's {@code AccessRights}, docs/dataverse.md §14). Privileges
 * that are not a table access right (such as {@code prvExportToExcel}) have none.
 */
public enum PrivilegeAccess {
    CREATE,
    READ,
    WRITE,
    DELETE,
    APPEND,
    APPEND_TO,
    ASSIGN,
    SHARE
}
