package io.accessgov.dynamics.scim;

import io.accessgov.dynamics.account.Account;
import io.accessgov.dynamics.account.AccountService;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.Grants;
import io.accessgov.dynamics.web.PageTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM Users over the account and grant features (docs/scim.md): reads accounts through {@link AccountService}, with
 * every filter evaluated by Dataverse, and their roles through {@link Grants}, only when the answer shows them.
 */
@Service
class ScimUsers {

    static final String ENDPOINT = "Users";

    private final AccountService accounts;
    private final Grants grants;
    private final IndexPaging paging;

    ScimUsers(AccountService accounts, Grants grants, IndexPaging paging) {
        this.accounts = accounts;
        this.grants = grants;
        this.paging = paging;
    }

    /** One user, as the selection asks. */
    ObjectNode get(Environment environment, UUID id, AttributeSelection selection, HttpServletRequest request) {
        Account account = accounts.get(environment, id);
        return resource(environment, account, selection, request);
    }

    /** The full user with its version, for a change's precondition. */
    ObjectNode current(Environment environment, UUID id, HttpServletRequest request) {
        return get(environment, id, AttributeSelection.ALL, request);
    }

    /** One page of the users matching the filter. */
    IndexPaging.IndexedPage<ObjectNode> list(
            Environment environment,
            UserFilters.Criteria criteria,
            int startIndex,
            int count,
            AttributeSelection selection,
            HttpServletRequest request) {
        if (criteria.matchesNothing()) {
            return new IndexPaging.IndexedPage<>(List.of(), startIndex, 0);
        }
        var filter = criteria.filter();
        String list = "Users|" + environment.name() + "|"
                + PageTokens.fingerprint(
                        filter.status(), filter.username(), filter.entraObjectId(), filter.displayNameContains());
        IndexPaging.IndexedPage<Account> page =
                paging.page(list, startIndex, count, (size, token) -> accounts.list(environment, filter, size, token));
        List<ObjectNode> users = page.items().stream()
                .map(account -> resource(environment, account, selection, request))
                .toList();
        return new IndexPaging.IndexedPage<>(users, page.startIndex(), page.totalResults());
    }

    private ObjectNode resource(
            Environment environment, Account account, AttributeSelection selection, HttpServletRequest request) {
        var held = selection.returns("roles") ? grants.ofAccount(environment, account.id()) : null;
        ObjectNode user = UserResources.of(
                account,
                held,
                ScimPaths.location(request, environment, ENDPOINT, account.id().toString()));
        return selection.apply(user);
    }
}
