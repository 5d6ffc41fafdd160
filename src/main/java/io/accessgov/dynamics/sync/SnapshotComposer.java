package io.accessgov.dynamics.sync;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.accessgov.dynamics.businessunit.BusinessUnitView;
import io.accessgov.dynamics.dataverse.BusinessUnit;
import io.accessgov.dynamics.dataverse.FieldPermission;
import io.accessgov.dynamics.dataverse.FieldSecurityProfile;
import io.accessgov.dynamics.dataverse.Privilege;
import io.accessgov.dynamics.dataverse.PrivilegeDepth;
import io.accessgov.dynamics.dataverse.RolePrivilege;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.fieldsecurity.FieldSecurityProfileView;
import io.accessgov.dynamics.grant.Grant;
import io.accessgov.dynamics.grant.GrantRules;
import io.accessgov.dynamics.privilege.RolePrivilegeView;
import io.accessgov.dynamics.role.Role;
import io.accessgov.dynamics.team.TeamView;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a snapshot from what the collector kept, in canonical order and in stages, each as soon as the tables it
 * needs are read: business units, accounts, logical roles with their copies and teams; then the index of direct
 * roles; then grants — assembled and rendered one principal at a time, by the grants API's rules
 * ({@link AccountGrantLines}), from compact indexes (account → direct role copies, account → teams, team →
 * roles), so no grant list is ever held whole.
 */
final class SnapshotComposer {

    /** GUID order, which is also the order of their lower-case strings. */
    static final Comparator<UUID> GUID_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /** Accounts whose grants one worker assembles and renders at a time. */
    static final int ACCOUNTS_PER_CHUNK = 64;

    /** Chunks rendered ahead of the writer: bounds the memory they hold (a few hundred KiB each). */
    static final int CHUNKS_IN_FLIGHT = 16;

    private final JsonMapper json;
    private final ExecutorService workers;
    private final Map<UUID, GrantRules.Role> roleOfCopy = new HashMap<>();
    private List<Team> teams = List.of();
    private GrantRules.Account[] accounts = new GrantRules.Account[0];
    private GuidIndex accountIndex = new GuidIndex(new UUID[0]);
    private Adjacency<GrantRules.Role> direct;
    private Map<UUID, GrantRules.Profile> profiles = Map.of();
    private int logicalRoles;
    private Sync.Counts counts = Sync.Counts.NONE;

    /**
     * @param workers threads that assemble and render grants ahead of the (single) writer
     */
    SnapshotComposer(JsonMapper json, ExecutorService workers) {
        this.workers = workers;
        this.json = json;
    }

    /**
     * Writes business units, accounts, logical roles and teams, and indexes the accounts; the link tables may still
     * be being read.
     */
    void writeObjects(SnapshotCollector tables, SnapshotWriter out) throws IOException {
        List<BusinessUnit> units = new ArrayList<>(tables.businessUnits);
        units.sort(Comparator.comparing(BusinessUnit::id, GUID_ORDER));
        for (BusinessUnit unit : units) {
            String id = unit.id().toString();
            out.write(SnapshotKeys.businessUnit(id), SnapshotLine.BUSINESS_UNIT, BusinessUnitView.of(unit));
        }
        tables.accountLines.drainSorted(line -> out.writeEncoded(SnapshotLine.ACCOUNT, line));
        logicalRoles = writeRoles(tables.roles, roleOfCopy, out);
        teams = new ArrayList<>(tables.teams);
        teams.sort(Comparator.comparing(Team::id, GUID_ORDER));
        for (Team team : teams) {
            String id = team.id().toString();
            out.write(SnapshotKeys.team(id), SnapshotLine.TEAM, TeamView.of(team));
        }
        accounts = tables.accounts.toArray(GrantRules.Account[]::new);
        Arrays.sort(accounts, Comparator.comparing(GrantRules.Account::id, GUID_ORDER));
        accountIndex = new GuidIndex(
                Arrays.stream(accounts).map(GrantRules.Account::id).toArray(UUID[]::new));
        counts = new Sync.Counts(units.size(), accounts.length, logicalRoles, teams.size(), 0);
    }

    /** Indexes each account's direct roles, once the user-role links are read (memberships may still be read). */
    void indexDirectRoles(SnapshotCollector tables) {
        UUID[] copies = roleOfCopy.keySet().toArray(UUID[]::new);
        List<GrantRules.Role> roles = Arrays.stream(copies).map(roleOfCopy::get).toList();
        direct = Adjacency.of(tables.userRoles, accountIndex, accounts.length, new GuidIndex(copies), roles);
    }

    /** Writes every grant, once every link table is read; the counts of everything written. */
    Sync.Counts writeGrants(SnapshotCollector tables, SnapshotWriter out) throws IOException, InterruptedException {
        profiles = new HashMap<>();
        for (FieldSecurityProfile profile : tables.profiles) {
            profiles.put(profile.id(), new GrantRules.Profile(profile.id(), profile.name()));
        }
        Map<UUID, GrantRules.Team> teamsById =
                teamsWithRoles(teams, tables.teamRoles, roleOfCopy, tables.teamProfiles, profiles);
        long grants = writeAccountGrants(tables, teamsById, out);
        for (Team team : teams) {
            String teamId = team.id().toString();
            for (Grant grant : GrantRules.ofTeam(teamsById.get(team.id()))) {
                out.write(SnapshotKeys.grantOfTeam(teamId, grant.id()), SnapshotLine.GRANT, grant);
                grants++;
            }
        }
        return new Sync.Counts(counts.businessUnits(), counts.accounts(), counts.roles(), counts.teams(), grants);
    }

    /**
     * Writes a {@code role-privilege} line per logical role and privilege (rows on any copy count for the role, the
     * deepest wins) and a {@code field-security-profile} line per profile with its permissions (docs/api.md §10),
     * as {@code /roles/{id}/privileges} and {@code /field-security-profiles/{id}} answer them.
     *
     * @param privilegeTables privilege id → the table whose definition lists it
     */
    void writeAccessRules(SnapshotCollector tables, Map<UUID, String> privilegeTables, SnapshotWriter out)
            throws IOException {
        Map<UUID, UUID> rootOf = new HashMap<>();
        Set<UUID> roots = new HashSet<>();
        for (SecurityRole copy : tables.roles) {
            rootOf.put(copy.id(), copy.rootRoleId());
            if (copy.isRoot()) {
                roots.add(copy.id());
            }
        }
        Map<UUID, Privilege> privileges = new HashMap<>();
        tables.privileges.forEach(privilege -> privileges.put(privilege.id(), privilege));
        Map<String, RolePrivilegeLine> held = new TreeMap<>();
        for (RolePrivilege row : tables.rolePrivileges) {
            UUID root = rootOf.get(row.roleId());
            Privilege privilege = privileges.get(row.privilegeId());
            if (root == null || !roots.contains(root) || privilege == null) {
                continue; // a role or privilege deleted while the tables were read: no line names it
            }
            String key =
                    SnapshotKeys.rolePrivilege(root.toString(), privilege.id().toString());
            RolePrivilegeLine before = held.get(key);
            PrivilegeDepth depth =
                    before == null ? row.depth() : before.privilege().depth().max(row.depth());
            held.put(key, new RolePrivilegeLine(root, RolePrivilegeView.of(privilege, privilegeTables, depth)));
        }
        for (Map.Entry<String, RolePrivilegeLine> line : held.entrySet()) {
            out.write(line.getKey(), SnapshotLine.ROLE_PRIVILEGE, line.getValue());
        }
        Map<UUID, List<FieldPermission>> permissions = new HashMap<>();
        tables.permissions.forEach(permission -> permissions
                .computeIfAbsent(permission.profileId(), id -> new ArrayList<>())
                .add(permission));
        List<FieldSecurityProfile> profiles = new ArrayList<>(tables.profiles);
        profiles.sort(Comparator.comparing(FieldSecurityProfile::id, GUID_ORDER));
        for (FieldSecurityProfile profile : profiles) {
            out.write(
                    SnapshotKeys.fieldSecurityProfile(profile.id().toString()),
                    SnapshotLine.FIELD_SECURITY_PROFILE,
                    FieldSecurityProfileView.of(profile, permissions.getOrDefault(profile.id(), List.of())));
        }
    }

    /** A {@code role-privilege} line: the role's id, then the privilege as the role's privileges list it. */
    record RolePrivilegeLine(UUID roleId, @JsonUnwrapped RolePrivilegeView privilege) {}

    private static int writeRoles(List<SecurityRole> copies, Map<UUID, GrantRules.Role> roleOfCopy, SnapshotWriter out)
            throws IOException {
        Map<UUID, List<SecurityRole>> byRoot = new HashMap<>();
        for (SecurityRole copy : copies) {
            roleOfCopy.put(copy.id(), new GrantRules.Role(copy.rootRoleId(), copy.name()));
            byRoot.computeIfAbsent(copy.rootRoleId(), root -> new ArrayList<>()).add(copy);
        }
        List<UUID> roots = new ArrayList<>(byRoot.keySet());
        roots.sort(GUID_ORDER);
        int written = 0;
        for (UUID root : roots) {
            List<SecurityRole> family = byRoot.get(root);
            SecurityRole rootCopy =
                    family.stream().filter(SecurityRole::isRoot).findFirst().orElse(null);
            if (rootCopy != null) {
                String id = root.toString();
                out.write(SnapshotKeys.role(id), SnapshotLine.ROLE, Role.of(rootCopy, family));
                written++;
            }
        }
        return written;
    }

    private static Map<UUID, GrantRules.Team> teamsWithRoles(
            List<Team> teams,
            LinkTable teamRoles,
            Map<UUID, GrantRules.Role> roleOfCopy,
            LinkTable teamProfiles,
            Map<UUID, GrantRules.Profile> profiles) {
        Map<UUID, Map<UUID, GrantRules.Role>> held = new HashMap<>();
        for (int row = 0; row < teamRoles.size(); row++) {
            GrantRules.Role role = roleOfCopy.get(teamRoles.to(row));
            if (role != null) {
                held.computeIfAbsent(teamRoles.from(row), team -> new LinkedHashMap<>())
                        .putIfAbsent(role.rootId(), role);
            }
        }
        Map<UUID, Map<UUID, GrantRules.Profile>> heldProfiles = new HashMap<>();
        for (int row = 0; row < teamProfiles.size(); row++) {
            GrantRules.Profile profile = profiles.get(teamProfiles.to(row));
            if (profile != null) {
                heldProfiles
                        .computeIfAbsent(teamProfiles.from(row), team -> new LinkedHashMap<>())
                        .putIfAbsent(profile.id(), profile);
            }
        }
        Map<UUID, GrantRules.Team> byId = new HashMap<>();
        for (Team team : teams) {
            List<GrantRules.Role> roles =
                    List.copyOf(held.getOrDefault(team.id(), Map.of()).values());
            List<GrantRules.Profile> teamProfileList =
                    List.copyOf(heldProfiles.getOrDefault(team.id(), Map.of()).values());
            byId.put(team.id(), GrantRules.Team.of(team, roles, teamProfileList));
        }
        return byId;
    }

    private long writeAccountGrants(SnapshotCollector tables, Map<UUID, GrantRules.Team> teamsById, SnapshotWriter out)
            throws IOException, InterruptedException {
        UUID[] teamIds = teams.stream().map(Team::id).toArray(UUID[]::new);
        List<GrantRules.Team> teamValues =
                Arrays.stream(teamIds).map(teamsById::get).toList();
        Adjacency<GrantRules.Team> memberOf =
                Adjacency.of(tables.memberships, accountIndex, accounts.length, new GuidIndex(teamIds), teamValues);
        AccountGrantLines lines = new AccountGrantLines(json, roleOfCopy.values(), profiles.values(), teamValues);
        GrantRules.Account[] accounts = this.accounts;
        Adjacency<GrantRules.Role> direct = this.direct;
        UUID[] profileIds = profiles.keySet().toArray(UUID[]::new);
        Adjacency<GrantRules.Profile> directProfiles = Adjacency.of(
                tables.userProfiles,
                accountIndex,
                accounts.length,
                new GuidIndex(profileIds),
                Arrays.stream(profileIds).map(profiles::get).toList());

        Deque<Future<SnapshotWriter.Rendered>> rendering = new ArrayDeque<>();
        long grants = 0;
        int next = 0;
        try {
            while (next < accounts.length || !rendering.isEmpty()) {
                while (next < accounts.length && rendering.size() < CHUNKS_IN_FLIGHT) {
                    int from = next;
                    int to = Math.min(accounts.length, next + ACCOUNTS_PER_CHUNK);
                    rendering.add(
                            workers.submit(() -> render(lines, accounts, from, to, direct, directProfiles, memberOf)));
                    next = to;
                }
                SnapshotWriter.Rendered rendered = result(rendering.poll());
                out.writeRendered(rendered);
                grants += rendered.count();
            }
        } finally {
            rendering.forEach(chunk -> chunk.cancel(true));
        }
        return grants;
    }

    /** The grant lines of the accounts at positions [from, to), in canonical order. */
    private static SnapshotWriter.Rendered render(
            AccountGrantLines lines,
            GrantRules.Account[] accounts,
            int from,
            int to,
            Adjacency<GrantRules.Role> direct,
            Adjacency<GrantRules.Profile> directProfiles,
            Adjacency<GrantRules.Team> memberOf) {
        LineBuffer bytes = new LineBuffer(1 << 19); // about 64 accounts' grants
        LineBuffer keys = new LineBuffer(1 << 17);
        int count = 0;
        String firstKey = "";
        String lastKey = "";
        for (int i = from; i < to; i++) {
            AccountGrantLines.Written written =
                    lines.write(accounts[i], direct.of(i), directProfiles.of(i), memberOf.of(i), bytes, keys);
            if (written.count() > 0) {
                firstKey = count == 0 ? written.firstKey() : firstKey;
                lastKey = written.lastKey();
                count += written.count();
            }
        }
        return new SnapshotWriter.Rendered(bytes.toByteArray(), keys.toByteArray(), count, firstKey, lastKey);
    }

    private static <T> T result(Future<T> work) throws IOException, InterruptedException {
        try {
            return work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IOException("Assembling grants failed", e.getCause());
        }
    }
}
