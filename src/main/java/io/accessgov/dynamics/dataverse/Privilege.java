package io.accessgov.dynamics.dataverse;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code privileges}: a named right such as {@code prvDeleteAccount}. The table it belongs to is named by
 * the table definitions, not here ({@link DataverseClient#tablesOfPrivileges()}).
 *
 * @param access the access right it grants on its table; null for privileges that are not a table access right
 */
public record Privilege(UUID id, String name, @Nullable PrivilegeAccess access) {}
