package io.accessgov.dynamics.dataverse;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which users to read. All criteria are evaluated by Dataverse, so pages stay full, and a lookup by user name or
 * Entra object id costs one request however many users the environment has.
 *
 * @param disabled true for disabled users only, false for enabled users only, null for both
 * @param accountTypes the account types to include; never empty
 * @param search a case-insensitive substring of the full name, user name or email; data, never query syntax
 * @param userName only the user with exactly this user name (case-insensitive, as Dataverse compares text); null for
 *     any
 * @param entraObjectId only the user with this Entra object id; null for any
 * @param nameContains a case-insensitive substring of the full name alone; null for any
 */
public record UserQuery(
        @Nullable Boolean disabled,
        Set<AccountType> accountTypes,
        @Nullable String search,
        @Nullable String userName,
        @Nullable UUID entraObjectId,
        @Nullable String nameContains) {

    public UserQuery {
        if (accountTypes.isEmpty()) {
            throw new IllegalArgumentException("a user query needs at least one account type");
        }
        accountTypes = Set.copyOf(accountTypes);
        search = search == null || search.isEmpty() ? null : search;
        nameContains = nameContains == null || nameContains.isEmpty() ? null : nameContains;
    }

    /** The users of these types, filtered by status and a substring of name, user name or email. */
    public UserQuery(@Nullable Boolean disabled, Set<AccountType> accountTypes, @Nullable String search) {
        this(disabled, accountTypes, search, null, null, null);
    }
}
