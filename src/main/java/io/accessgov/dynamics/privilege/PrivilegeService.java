package io.accessgov.dynamics.privilege;

import io.accessgov.dynamics.account.Account;
import io.accessgov.dynamics.account.AccountNotFound;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.Privilege;
import io.accessgov.dynamics.dataverse.PrivilegeAccess;
import io.accessgov.dynamics.dataverse.PrivilegeDepth;
import io.accessgov.dynamics.dataverse.RolePrivilege;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.role.RoleNotFound;
import io.accessgov.dynamics.web.CursorPages;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What roles let their holders do, and who can do what (docs/api.md §10). Every answer is read from the link tables
 * with filters and paged by a sealed cursor: each page reads again, and its requests grow with the answer (for
 * privilege holders, with the page), never with the number of accounts, roles or teams in the environment.
 */
@Service
public class PrivilegeService {

    private static final CursorPages.Order<RolePrivilegeView> OF_ROLE =
            CursorPages.Order.ascending("role-privileges", view -> view.name() + "#" + view.privilegeId());
    private static final CursorPages.Order<EffectivePrivilege> OF_ACCOUNT =
            CursorPages.Order.ascending("account-privileges", held -> held.name() + "#" + held.privilegeId());
    private static final CursorPages.Order<PrivilegeHolder> HOLDERS = CursorPages.Order.ascending(
            "privilege-holders", holder -> holder.account().id().toString());

    private final CursorPages pages;

    PrivilegeService(PageTokens pageTokens) {
        this.pages = new CursorPages(pageTokens);
    }

    /**
     * The privileges of the logical role that {@code roleId} (its root or any copy) names, by name.
     *
     * @throws RoleNotFound when no copy of any role has this id
     */
    Page<RolePrivilegeView> ofRole(
            Environment environment, UUID roleId, @Nullable Integer pageSize, @Nullable String pageToken) {
        return pages.page(
                OF_ROLE.in(environment.name()),
                PageTokens.fingerprint(roleId),
                pageSize,
                pageToken,
                () -> readRole(environment.dataverse(), roleId));
    }

    private static List<RolePrivilegeView> readRole(DataverseClient dataverse, UUID roleId) {
        SecurityRole named = dataverse.findRole(roleId).orElseThrow(() -> new RoleNotFound(roleId));
        List<SecurityRole> copies = dataverse.roleCopies(named.rootRoleId());
        HeldPrivileges held = new HeldPrivileges(
                HeldPrivileges.byId(copies), dataverse.privilegesOfRoles(HeldPrivileges.rowOwners(copies)));
        Map<UUID, PrivilegeDepth> depths = held.ofRole(named.rootRoleId());
        if (depths.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> tables = dataverse.tablesOfPrivileges();
        List<RolePrivilegeView> views = new ArrayList<>();
        for (Privilege privilege : dataverse.privilegesById(depths.keySet())) {
            views.add(RolePrivilegeView.of(privilege, tables, depths.get(privilege.id())));
        }
        return views;
    }

    /**
     * The account's effective privileges, by name, each with every source.
     *
     * @param table only the privileges of this table (logical name, case ignored), or null for all
     * @param access only privileges of this access right, or null for all
     * @throws AccountNotFound when there is no such account in the API's scope
     * @throws InvalidPrivilegeQuery when the environment has no table of that name
     */
    Page<EffectivePrivilege> ofAccount(
            Environment environment,
            UUID accountId,
            @Nullable String table,
            @Nullable PrivilegeAccess access,
            @Nullable Integer pageSize,
            @Nullable String pageToken) {
        String logicalName = table == null ? null : table.toLowerCase(Locale.ROOT);
        return pages.page(
                OF_ACCOUNT.in(environment.name()),
                PageTokens.fingerprint(accountId, logicalName, access),
                pageSize,
                pageToken,
                () -> readAccount(environment, accountId, logicalName, access));
    }

    private static List<EffectivePrivilege> readAccount(
            Environment environment, UUID accountId, @Nullable String table, @Nullable PrivilegeAccess access) {
        DataverseClient dataverse = environment.dataverse();
        Set<UUID> ofTable = table == null ? null : privilegesOfTable(dataverse, table);
        SystemUser user = dataverse
                .findUser(accountId)
                .filter(environment::shows)
                .orElseThrow(() -> new AccountNotFound(accountId));
        RoleHoldings holdings = RoleHoldings.ofUser(dataverse, user.id());
        Map<UUID, List<PrivilegeSource>> sources =
                sourcesOf(dataverse, holdings).getOrDefault(user.id(), Map.of());
        if (sources.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> tables = dataverse.tablesOfPrivileges();
        List<EffectivePrivilege> held = new ArrayList<>();
        for (Privilege privilege : dataverse.privilegesById(sources.keySet())) {
            if (ofTable != null && !ofTable.contains(privilege.id())) {
                continue;
            }
            List<PrivilegeSource> reasons = sources.get(privilege.id());
            RolePrivilegeView view = RolePrivilegeView.of(privilege, tables, HeldPrivileges.depthOf(reasons));
            if (access == null || access == view.access()) {
                held.add(new EffectivePrivilege(
                        view.privilegeId(),
                        view.name(),
                        view.table(),
                        view.access(),
                        view.depth(),
                        HeldPrivileges.ordered(reasons)));
            }
        }
        return held;
    }

    /**
     * The accounts holding the privilege at {@code minDepth} or deeper, by id, each with every source.
     *
     * @throws InvalidPrivilegeQuery when the privilege or the table does not exist in the environment
     */
    Page<PrivilegeHolder> holders(
            Environment environment, HolderQuery query, @Nullable Integer pageSize, @Nullable String pageToken) {
        return pages.pageOf(
                HOLDERS.in(environment.name()),
                PageTokens.fingerprint(query.fingerprint()),
                pageSize,
                pageToken,
                (after, wanted) -> readHolders(environment, query, after, wanted));
    }

    /**
     * The first {@code wanted} holders after the account id {@code after}: who reaches the depth is read whole from
     * the links of the roles that give it (a request per 5,000 links), but only the page's holders have their other
     * sources and their accounts read.
     */
    private static List<PrivilegeHolder> readHolders(
            Environment environment, HolderQuery query, @Nullable String after, int wanted) {
        DataverseClient dataverse = environment.dataverse();
        Set<UUID> privileges = privilegesAskedFor(dataverse, query);
        if (privileges.isEmpty()) {
            return List.of();
        }
        List<RolePrivilege> rows = dataverse.rolePrivilegesOfPrivileges(privileges);
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<UUID> roots = new HashSet<>();
        dataverse
                .rolesById(rows.stream().map(RolePrivilege::roleId).toList())
                .forEach(role -> roots.add(role.rootRoleId()));
        List<SecurityRole> copies = roots.isEmpty() ? List.of() : dataverse.copiesOfRoles(roots);
        HeldPrivileges held = new HeldPrivileges(HeldPrivileges.byId(copies), rows);
        // who can reach minDepth at all: holders of roles that give it that deep; then only their other sources
        Set<UUID> deep = new HashSet<>();
        Set<UUID> shallow = new HashSet<>();
        for (SecurityRole copy : copies) {
            boolean reaches = held.ofRole(copy.rootRoleId()).entrySet().stream()
                    .anyMatch(entry -> privileges.contains(entry.getKey())
                            && entry.getValue().atLeast(query.minDepth()));
            (reaches ? deep : shallow).add(copy.id());
        }
        Map<UUID, List<PrivilegeSource>> sourcesByUser = new HashMap<>();
        addSources(sourcesByUser, RoleHoldings.ofRoleCopies(dataverse, deep), held, privileges);
        sourcesByUser.values().removeIf(sources -> !HeldPrivileges.depthOf(sources)
                .atLeast(query.minDepth()));
        return CursorPages.firstByIdAfter(
                sourcesByUser.keySet(),
                after,
                wanted,
                DataverseClient.IDS_PER_REQUEST,
                page -> holdersAmong(environment, query, page, sourcesByUser, held, shallow, privileges));
    }

    /** These users as holders, with their sources from {@code shallow} roles added: a few requests per 50 users. */
    private static List<PrivilegeHolder> holdersAmong(
            Environment environment,
            HolderQuery query,
            List<UUID> userIds,
            Map<UUID, List<PrivilegeSource>> deepSources,
            HeldPrivileges held,
            Set<UUID> shallow,
            Set<UUID> privileges) {
        DataverseClient dataverse = environment.dataverse();
        Map<UUID, List<PrivilegeSource>> sourcesByUser = new HashMap<>();
        userIds.forEach(user -> sourcesByUser.put(user, new ArrayList<>(deepSources.get(user))));
        addSources(sourcesByUser, RoleHoldings.ofUsers(dataverse, userIds, shallow), held, privileges);
        List<PrivilegeHolder> holders = new ArrayList<>();
        for (SystemUser user : dataverse.usersById(userIds)) {
            List<PrivilegeSource> sources = sourcesByUser.get(user.id());
            PrivilegeDepth depth = HeldPrivileges.depthOf(sources);
            if (depth.atLeast(query.minDepth())) {
                Account.in(environment, user)
                        .ifPresent(account ->
                                holders.add(new PrivilegeHolder(account, depth, HeldPrivileges.ordered(sources))));
            }
        }
        return holders;
    }

    /** Adds to each user's sources those that {@code holdings} give for any of {@code privileges}. */
    private static void addSources(
            Map<UUID, List<PrivilegeSource>> sourcesByUser,
            RoleHoldings holdings,
            HeldPrivileges held,
            Set<UUID> privileges) {
        holdings.byUser()
                .forEach((user, heldRoles) -> heldRoles.forEach(
                        role -> held.sources(role.roleCopyId(), role.via()).forEach((privilege, source) -> {
                            if (privileges.contains(privilege)) {
                                sourcesByUser
                                        .computeIfAbsent(user, each -> new ArrayList<>())
                                        .add(source);
                            }
                        })));
    }

    /** Privilege id → every source it has for each user in {@code holdings}. */
    private static Map<UUID, Map<UUID, List<PrivilegeSource>>> sourcesOf(
            DataverseClient dataverse, RoleHoldings holdings) {
        Set<UUID> copyIds = holdings.roleCopyIds();
        if (copyIds.isEmpty()) {
            return Map.of();
        }
        List<SecurityRole> copies = dataverse.rolesById(copyIds);
        HeldPrivileges held = new HeldPrivileges(
                HeldPrivileges.byId(copies), dataverse.privilegesOfRoles(HeldPrivileges.rowOwners(copies)));
        Map<UUID, Map<UUID, List<PrivilegeSource>>> byUser = new HashMap<>();
        holdings.byUser().forEach((user, heldRoles) -> {
            Map<UUID, List<PrivilegeSource>> byPrivilege = byUser.computeIfAbsent(user, each -> new HashMap<>());
            heldRoles.forEach(
                    role -> held.sources(role.roleCopyId(), role.via()).forEach((privilege, source) -> byPrivilege
                            .computeIfAbsent(privilege, each -> new ArrayList<>())
                            .add(source)));
        });
        return byUser;
    }

    private static Set<UUID> privilegesAskedFor(DataverseClient dataverse, HolderQuery query) {
        if (query.privilege() != null) {
            String name = query.privilege();
            Set<UUID> named = new HashSet<>();
            // SQL Server's comparison also ignores trailing blanks: keep only the exact name
            dataverse.privilegesNamed(name).stream()
                    .filter(privilege -> privilege.name().equalsIgnoreCase(name))
                    .forEach(privilege -> named.add(privilege.id()));
            if (named.isEmpty()) {
                throw new InvalidPrivilegeQuery("This environment has no privilege named '" + name + "'.");
            }
            return named;
        }
        Set<UUID> ofTable = privilegesOfTable(dataverse, query.table());
        Set<UUID> matching = new HashSet<>();
        if (!ofTable.isEmpty()) {
            dataverse.privilegesById(ofTable).stream()
                    .filter(privilege -> privilege.access() == query.access())
                    .forEach(privilege -> matching.add(privilege.id()));
        }
        return matching;
    }

    private static Set<UUID> privilegesOfTable(DataverseClient dataverse, String table) {
        return dataverse
                .privilegesOfTable(table)
                .orElseThrow(() -> new InvalidPrivilegeQuery(
                        "This environment has no table with the logical name '" + table + "'."));
    }
}
