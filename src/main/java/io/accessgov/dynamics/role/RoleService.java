package io.accessgov.dynamics.role;

import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.web.InvalidPageToken;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads logical security roles (docs/api.md §4). Dataverse keeps one copy of every role per business unit; the API
 * shows each role once, named by its root copy, and resolves the id of any copy to the role it belongs to.
 */
@Slf4j
@Service
class RoleService {

    static final String LIST_KIND = "roles";

    private final PageTokens pageTokens;

    RoleService(PageTokens pageTokens) {
        this.pageTokens = pageTokens;
    }

    /**
     * One page of the logical roles whose name contains {@code search}, without their copies.
     *
     * @param search a case-insensitive substring of the name; null or empty for all roles
     * @param pageSize 1–1000; null means the default, or the token's page size when paging on
     * @param pageToken the previous page's {@code nextPageToken}, or null for the first page
     * @throws InvalidPageToken when the token is not valid for this list and this search; nothing is sent then
     */
    Page<Role> list(
            Environment environment, @Nullable String search, @Nullable Integer pageSize, @Nullable String pageToken) {
        String wanted = search == null || search.isEmpty() ? null : search;
        String fingerprint = PageTokens.fingerprint(wanted);

        DataversePage<SecurityRole> page;
        if (pageToken != null) {
            Continuation next =
                    pageTokens.redeem(pageToken, PageTokens.kind(LIST_KIND, environment.name()), fingerprint, pageSize);
            page = environment.dataverse().findLogicalRoles(next);
        } else {
            page = environment.dataverse().findLogicalRoles(wanted, pageSize == null ? Page.DEFAULT_SIZE : pageSize);
        }

        List<Role> roles = new ArrayList<>(page.items().size());
        for (SecurityRole role : page.items()) {
            if (role.isRoot()) {
                roles.add(Role.of(role));
            } else {
                // a business-unit copy would show the same role twice: never list one
                log.warn(
                        "Dataverse listed role copy {} of role {} among the root copies; left out",
                        role.id(),
                        role.rootRoleId());
            }
        }
        String nextToken = page.nextPage()
                .map(next -> pageTokens.issue(PageTokens.kind(LIST_KIND, environment.name()), fingerprint, next))
                .orElse(null);
        return new Page<>(roles, nextToken);
    }

    /**
     * The logical role that {@code id} names, with every copy.
     *
     * @param id the id of the root copy or of any business-unit copy
     * @throws RoleNotFound when no copy of any role has this id
     */
    Role get(Environment environment, UUID id) {
        SecurityRole copy = environment.dataverse().findRole(id).orElseThrow(() -> new RoleNotFound(id));
        List<SecurityRole> copies = environment.dataverse().roleCopies(copy.rootRoleId());
        SecurityRole root = copies.stream()
                .filter(each -> each.id().equals(copy.rootRoleId()))
                .findFirst()
                .orElse(null);
        if (root == null || copies.stream().noneMatch(each -> each.id().equals(id))) {
            // the copy, or the whole role, was deleted between the two reads
            throw new RoleNotFound(id);
        }
        return Role.of(root, copies);
    }
}
