package io.accessgov.dynamics.dataverse;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which account types exist for the API in one environment: the system-account toggle of docs/api.md §3. Without
 * it only HUMAN accounts are listed, found, named in grants and changed; with it SERVICE and SYSTEM accounts are too.
 * The type itself comes from {@link AccountClassifier}. A value, so that each environment can hold its own.
 *
 * @param includeSystemAccounts {@code dynamics.include-system-accounts}
 */
public record AccountVisibility(boolean includeSystemAccounts) {

    /** The toggle as configured for the environment of these settings. */
    public static AccountVisibility of(DynamicsProperties dynamics) {
        return new AccountVisibility(dynamics.includeSystemAccounts());
    }

    /** The visible types, as a new set the caller may change. */
    public Set<AccountType> types() {
        return includeSystemAccounts ? EnumSet.allOf(AccountType.class) : EnumSet.of(AccountType.HUMAN);
    }

    /** Whether accounts of this type exist for the API. */
    public boolean shows(AccountType type) {
        return includeSystemAccounts || type == AccountType.HUMAN;
    }
}
