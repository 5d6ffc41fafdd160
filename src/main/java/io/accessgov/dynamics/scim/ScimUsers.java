package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.messages.PatchRequest;
import io.accessgov.dynamics.account.Account;
import io.accessgov.dynamics.account.AccountService;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.grant.Grant;
import io.accessgov.dynamics.grant.Grants;
import io.accessgov.dynamics.web.PageTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    /**
     * Applies a PATCH to the user's roles (docs/scim.md): each role added is assigned, each removed is revoked, through
     * grant/. Then answers the user as it stands.
     *
     * @param ifMatch the request's {@code If-Match}; a stale version changes nothing (412)
     */
    ObjectNode patch(
            Environment environment,
            UUID id,
            byte[] body,
            @Nullable String ifMatch,
            AttributeSelection selection,
            HttpServletRequest request) {
        PatchRequest patch = ScimPatch.read(body);
        ObjectNode current = current(environment, id, request);
        ScimPatch.requireVersion(ifMatch, current);
        Set<String> inherited = new HashSet<>();
        current.path("roles").forEach(role -> {
            if (UserResources.INHERITED.equals(role.path("type").asString(""))) {
                inherited.add(role.path("value").asString(""));
            }
        });
        ScimPatch.Links links = ScimPatch.links(patch, current, "roles", inherited);
        LinkChanges.apply(
                links,
                role -> grants.assignRole(environment, role, id),
                role -> grants.removeRole(environment, role, id));
        return get(environment, id, selection, request);
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
        Map<UUID, List<Grant>> held = selection.returns("roles")
                ? grants.ofAccounts(
                        environment, page.items().stream().map(Account::id).toList())
                : Map.of();
        List<ObjectNode> users = page.items().stream()
                .map(account -> selection.apply(UserResources.of(
                        account,
                        selection.returns("roles") ? held.getOrDefault(account.id(), List.of()) : null,
                        ScimPaths.location(
                                request, environment, ENDPOINT, account.id().toString()))))
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
