package io.accessgov.dynamics.account;

import io.accessgov.dynamics.dataverse.AccountType;
import io.accessgov.dynamics.dataverse.SystemUser;

/**
 * Classifies a Dataverse user as HUMAN, SERVICE or SYSTEM (docs/api.md §3). The rule itself lives in {@code dataverse}
 * ({@code AccountClassifier}, next to the OData filter that must agree with it); this is the one thing the accounts
 * feature needs of it, wired as {@code classifier::classify}. Public only so that tests of other packages can
 * replace it.
 */
@FunctionalInterface
public interface AccountTypeResolver {

    AccountType typeOf(SystemUser user);
}
