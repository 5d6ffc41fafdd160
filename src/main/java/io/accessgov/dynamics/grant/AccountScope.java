package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.AccessFacts.AccountFacts;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The accounts grants may name: those whose type the system-account toggle shows ({@link Environment#shows},
 * docs/api.md §3), each with whether it is platform-managed.
 */
final class AccountScope {

    private final Environment environment;

    private AccountScope(Environment environment) {
        this.environment = environment;
    }

    /** The accounts of this environment that grants may name. */
    static AccountScope of(Environment environment) {
        return new AccountScope(environment);
    }

    /** What grants need to know of the user, or empty when the user is outside the API's scope. */
    Optional<AccountFacts> facts(SystemUser user) {
        if (!environment.shows(user)) {
            return Optional.empty();
        }
        return Optional.of(new AccountFacts(
                user.id(), user.fullName(), environment.classifier().isPlatformManaged(user)));
    }

    /** The users in scope, by id. */
    Map<UUID, AccountFacts> inScope(Collection<SystemUser> users) {
        Map<UUID, AccountFacts> accounts = new HashMap<>();
        for (SystemUser user : users) {
            facts(user).ifPresent(account -> accounts.put(account.id(), account));
        }
        return accounts;
    }
}
