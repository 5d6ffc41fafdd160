package io.accessgov.dynamics.privilege;

import io.accessgov.dynamics.dataverse.PrivilegeDepth;
import io.accessgov.dynamics.dataverse.RoleInheritance;
import io.accessgov.dynamics.dataverse.RolePrivilege;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.grant.Grant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rules of docs/api.md §10 that turn held roles into held privileges, in one place: privileges belong to the
 * logical role (rows on any copy count for it, the deepest row wins); a role held through a team whose inheritance
 * is team privileges only is a source scoped to the team's records at user depth; an account's depth for a privilege
 * is the deepest of the sources that reach its own records, or user depth when only scoped sources give it.
 */
final class HeldPrivileges {

    /** Direct sources first, then teams by name; within each, roles by name. */
    static final Comparator<PrivilegeSource> SOURCE_ORDER = Comparator.comparing(
                    (PrivilegeSource source) -> !source.via().type().equals(Grant.Source.DIRECT.type()))
            .thenComparing(source -> nameOrEmpty(source.via().displayName()), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(source -> nameOrEmpty(source.via().id()))
            .thenComparing(source -> source.role().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(source -> source.role().id());

    /** Logical role (root id) → privilege id → the deepest depth any row of the role's copies gives. */
    private final Map<UUID, Map<UUID, PrivilegeDepth>> byRole = new HashMap<>();

    private final Map<UUID, SecurityRole> copies;

    /**
     * @param copies role copies by id: the rows may name any of them or their roots
     * @param rows role privilege rows of those copies and roots; rows of other roles are ignored
     */
    HeldPrivileges(Map<UUID, SecurityRole> copies, Collection<RolePrivilege> rows) {
        this.copies = Map.copyOf(copies);
        Set<UUID> roots = new HashSet<>();
        copies.values().forEach(copy -> roots.add(copy.rootRoleId()));
        for (RolePrivilege row : rows) {
            SecurityRole copy = copies.get(row.roleId());
            UUID root = copy != null ? copy.rootRoleId() : roots.contains(row.roleId()) ? row.roleId() : null;
            if (root != null) {
                byRole.computeIfAbsent(root, role -> new HashMap<>())
                        .merge(row.privilegeId(), row.depth(), PrivilegeDepth::max);
            }
        }
    }

    /** Role copies by id, and every copy's root id: what {@link #HeldPrivileges} needs to read rows of. */
    static Map<UUID, SecurityRole> byId(Collection<SecurityRole> copies) {
        Map<UUID, SecurityRole> byId = new HashMap<>();
        copies.forEach(copy -> byId.put(copy.id(), copy));
        return byId;
    }

    /** The ids to read role privilege rows of: every copy and every root. */
    static Set<UUID> rowOwners(Collection<SecurityRole> copies) {
        Set<UUID> ids = new HashSet<>();
        copies.forEach(copy -> {
            ids.add(copy.id());
            ids.add(copy.rootRoleId());
        });
        return ids;
    }

    /** The privileges of the logical role {@code rootRoleId} with their depths. */
    Map<UUID, PrivilegeDepth> ofRole(UUID rootRoleId) {
        return byRole.getOrDefault(rootRoleId, Map.of());
    }

    /**
     * The sources that holding this role copy gives, one per privilege of its logical role.
     *
     * @param via direct, or the team the role copy is held through
     * @return privilege id → source
     */
    Map<UUID, PrivilegeSource> sources(UUID roleCopyId, Grant.Source via) {
        SecurityRole copy = copies.get(roleCopyId);
        if (copy == null) {
            return Map.of(); // a role deleted between two reads gives nothing
        }
        PrivilegeSource.RoleRef role = new PrivilegeSource.RoleRef(copy.rootRoleId(), copy.name());
        boolean teamOnly = !via.type().equals(Grant.Source.DIRECT.type())
                && copy.inheritance() == RoleInheritance.TEAM_PRIVILEGES_ONLY;
        Map<UUID, PrivilegeSource> sources = new HashMap<>();
        ofRole(copy.rootRoleId())
                .forEach((privilege, depth) -> sources.put(
                        privilege,
                        teamOnly
                                ? new PrivilegeSource(
                                        role, PrivilegeDepth.USER, via, PrivilegeSource.Scope.TEAM_OWNED_RECORDS)
                                : new PrivilegeSource(role, depth, via, null)));
        return sources;
    }

    /** The depth an account holds a privilege at, given every source of it (at least one). */
    static PrivilegeDepth depthOf(Collection<PrivilegeSource> sources) {
        PrivilegeDepth depth = null;
        for (PrivilegeSource source : sources) {
            if (source.ownRecords()) {
                depth = depth == null ? source.depth() : depth.max(source.depth());
            }
        }
        return depth == null ? PrivilegeDepth.USER : depth;
    }

    /** The sources in the order the API lists them. */
    static List<PrivilegeSource> ordered(Collection<PrivilegeSource> sources) {
        List<PrivilegeSource> ordered = new ArrayList<>(sources);
        ordered.sort(SOURCE_ORDER);
        return ordered;
    }

    private static String nameOrEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
