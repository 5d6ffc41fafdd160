package io.accessgov.dynamics.account;

import io.accessgov.dynamics.dataverse.AccountType;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the account list, as the caller sent them; null means "any". All are evaluated by Dataverse.
 *
 * @param search a case-insensitive substring of the display name, username or email; data, never query syntax
 * @param username exactly this username (case-insensitive); a lookup of one account
 * @param entraObjectId exactly this Entra object id; a lookup of one account
 * @param displayNameContains a case-insensitive substring of the display name alone
 */
public record AccountFilter(
        @Nullable AccountStatus status,
        @Nullable AccountType accountType,
        @Nullable String search,
        @Nullable String username,
        @Nullable UUID entraObjectId,
        @Nullable String displayNameContains) {

    /** The filters of {@code GET /api/v1/accounts}. */
    public AccountFilter(@Nullable AccountStatus status, @Nullable AccountType accountType, @Nullable String search) {
        this(status, accountType, search, null, null, null);
    }

    public static AccountFilter none() {
        return new AccountFilter(null, null, null);
    }
}
