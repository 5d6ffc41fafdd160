package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.AccountType;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.grant.AccessFacts.AccountFacts;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Which accounts exist for the API (the system-account toggle, docs/api.md §3) and which are platform-managed. */
@Component
class AccountScope {

    private final AccountClassifier classifier;
    private final Set<AccountType> visibleTypes;

    AccountScope(AccountClassifier classifier, DynamicsProperties dynamics) {
        this.classifier = classifier;
        this.visibleTypes =
                dynamics.includeSystemAccounts() ? EnumSet.allOf(AccountType.class) : EnumSet.of(AccountType.HUMAN);
    }

    /** What grants need to know of the user, or empty when the user is outside the API's scope. */
    Optional<AccountFacts> facts(SystemUser user) {
        if (!visibleTypes.contains(classifier.classify(user))) {
            return Optional.empty();
        }
        return Optional.of(new AccountFacts(user.id(), user.fullName(), classifier.isPlatformManaged(user)));
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
