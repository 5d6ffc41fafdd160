package io.accessgov.dynamics.account;

import io.accessgov.dynamics.dataverse.AccountType;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the account list, as the caller sent them; null means "any".
 *
 * @param search a case-insensitive substring of the display name, username or email; data, never query syntax
 */
record AccountFilter(
        @Nullable AccountStatus status,
        @Nullable AccountType accountType,
        @Nullable String search) {

    static AccountFilter none() {
        return new AccountFilter(null, null, null);
    }
}
