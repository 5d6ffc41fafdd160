package io.accessgov.dynamics.account;

import io.accessgov.dynamics.dataverse.AccountType;
import io.accessgov.dynamics.dataverse.AccountVisibility;
import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.UserQuery;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.web.InvalidPageToken;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads accounts (docs/api.md §3) of the environment a request addresses. Every filter, the system-account toggle
 * included, is evaluated by Dataverse, so pages stay full; the environment's toggle decides which account types exist
 * for the API at all.
 */
@Slf4j
@Service
public class AccountService {

    static final String LIST_KIND = "accounts";

    private final PageTokens pageTokens;

    AccountService(PageTokens pageTokens) {
        this.pageTokens = pageTokens;
    }

    /**
     * One page of the accounts matching {@code filter}.
     *
     * @param pageSize 1–1000; null means the default, or the token's page size when paging on
     * @param pageToken the previous page's {@code nextPageToken}, or null for the first page
     * @throws InvalidPageToken when the token is not valid for this list and these filters; nothing is sent then
     */
    public Page<Account> list(
            Environment environment, AccountFilter filter, @Nullable Integer pageSize, @Nullable String pageToken) {
        AccountVisibility visibility = environment.visibility();
        String kind = PageTokens.kind(LIST_KIND, environment.name());
        Set<AccountType> wanted = visibility.types();
        if (filter.accountType() != null) {
            wanted.retainAll(EnumSet.of(filter.accountType()));
        }
        Boolean disabled = filter.status() == null ? null : filter.status() == AccountStatus.DISABLED;
        String search = filter.search() == null || filter.search().isEmpty() ? null : filter.search();
        String fingerprint =
                filter.username() == null && filter.entraObjectId() == null && filter.displayNameContains() == null
                        ? PageTokens.fingerprint(disabled, List.copyOf(wanted), search)
                        : PageTokens.fingerprint(
                                disabled,
                                List.copyOf(wanted),
                                search,
                                filter.username(),
                                filter.entraObjectId(),
                                filter.displayNameContains());

        DataversePage<SystemUser> page;
        if (pageToken != null) {
            Continuation next = pageTokens.redeem(pageToken, kind, fingerprint, pageSize);
            page = environment.dataverse().findUsers(next);
        } else if (wanted.isEmpty()) {
            return Page.empty(); // e.g. accountType=SERVICE while the toggle hides service accounts
        } else {
            int size = pageSize == null ? Page.DEFAULT_SIZE : pageSize;
            UserQuery query = new UserQuery(
                    disabled, wanted, search, filter.username(), filter.entraObjectId(), filter.displayNameContains());
            page = environment.dataverse().findUsers(query, size);
        }

        List<Account> accounts = new ArrayList<>(page.items().size());
        for (SystemUser user : page.items()) {
            AccountType type = environment.classifier().classify(user);
            if (wanted.contains(type)) {
                accounts.add(Account.of(user, type));
            } else {
                // Dataverse's filter and the Java rule disagree: never show an account the toggle hides
                log.warn(
                        "Dataverse returned user {} classified {} outside the requested types {}; left out",
                        user.id(),
                        type,
                        wanted);
            }
        }
        String nextToken = page.nextPage()
                .map(next -> pageTokens.issue(kind, fingerprint, next))
                .orElse(null);
        return new Page<>(accounts, nextToken);
    }

    /**
     * The account with this id.
     *
     * @throws AccountNotFound when Dataverse has no such user, or its type is hidden by the system-account toggle
     */
    public Account get(Environment environment, UUID id) {
        return environment
                .dataverse()
                .findUser(id)
                .flatMap(user -> Account.in(environment, user))
                .orElseThrow(() -> new AccountNotFound(id));
    }
}
