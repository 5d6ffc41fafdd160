package io.accessgov.dynamics.dataverse;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which users to read. All criteria are evaluated by Dataverse, so pages stay full.
 *
 * @param disabled true for disabled users only, false for enabled users only, null for both
 * @param accountTypes the account types to include; never empty
 * @param search a case-insensitive substring of the full name, user name or email; data, never query syntax
 */
public record UserQuery(
        @Nullable Boolean disabled,
        Set<AccountType> accountTypes,
        @Nullable String search) {

    public UserQuery {
        if (accountTypes.isEmpty()) {
            throw new IllegalArgumentException("a user query needs at least one account type");
        }
        accountTypes = Set.copyOf(accountTypes);
        search = search == null || search.isEmpty() ? null : search;
    }
}
