package io.accessgov.dynamics.dataverse.internal;

import static io.accessgov.dynamics.dataverse.internal.ODataFilter.and;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.contains;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.eq;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.isNull;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.or;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.BusinessUnit;
import io.accessgov.dynamics.dataverse.ChangeToken;
import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.DataverseTable;
import io.accessgov.dynamics.dataverse.FieldPermission;
import io.accessgov.dynamics.dataverse.FieldSecurityProfile;
import io.accessgov.dynamics.dataverse.LinkChange;
import io.accessgov.dynamics.dataverse.Privilege;
import io.accessgov.dynamics.dataverse.ReadObserver;
import io.accessgov.dynamics.dataverse.RolePrivilege;
import io.accessgov.dynamics.dataverse.RowChange;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.TablePart;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamMembership;
import io.accessgov.dynamics.dataverse.TeamProfileLink;
import io.accessgov.dynamics.dataverse.TeamQuery;
import io.accessgov.dynamics.dataverse.TeamRoleLink;
import io.accessgov.dynamics.dataverse.UserProfileLink;
import io.accessgov.dynamics.dataverse.UserQuery;
import io.accessgov.dynamics.dataverse.UserRoleLink;
import io.accessgov.dynamics.dataverse.WhoAmI;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** {@link DataverseClient} over the Dataverse Web API: one {@link EntityReader} per entity set. */
public final class WebApiDataverseClient implements DataverseClient {

    private final DataverseConnection connection;
    private final ODataReader reader;
    private final AccountClassifier classifier;
    private final EntityReader<SystemUser> users;
    private final EntityReader<BusinessUnit> businessUnits;
    private final EntityReader<SecurityRole> roles;
    private final EntityReader<Team> teams;
    private final EntityReader<UserRoleLink> userRoles;
    private final EntityReader<TeamMembership> memberships;
    private final EntityReader<TeamRoleLink> teamRoles;
    private final Map<DataverseTable<?>, EntityReader<?>> tables;
    private final LinkWrites links;
    private final TrackedReads tracked;
    private final ColumnSupport columns;
    private final AccessRuleReads accessRules;

    public WebApiDataverseClient(
            DataverseConnection connection,
            ODataReader reader,
            ColumnSupport columns,
            AccountClassifier classifier,
            LinkWriter writer) {
        this.columns = columns;
        this.connection = connection;
        this.reader = reader;
        this.classifier = classifier;
        this.users = new EntityReader<>(
                connection,
                reader,
                columns,
                SystemUserRows.ENTITY_SET,
                SystemUserRows.ENTITY,
                SystemUserRows.COLUMNS,
                SystemUserRows.OPTIONAL,
                true,
                SystemUserRows::toUser);
        this.businessUnits = new EntityReader<>(
                connection,
                reader,
                columns,
                "businessunits",
                "businessunit",
                DirectoryRows.BUSINESS_UNIT_COLUMNS,
                Set.of(),
                false,
                DirectoryRows::businessUnit);
        this.roles = new EntityReader<>(
                connection,
                reader,
                columns,
                "roles",
                "role",
                DirectoryRows.ROLE_COLUMNS,
                DirectoryRows.ROLE_OPTIONAL,
                true,
                DirectoryRows::role);
        this.teams = new EntityReader<>(
                connection,
                reader,
                columns,
                "teams",
                "team",
                DirectoryRows.TEAM_COLUMNS,
                DirectoryRows.TEAM_OPTIONAL,
                true,
                DirectoryRows::team);
        this.userRoles = new EntityReader<>(
                        connection,
                        reader,
                        columns,
                        "systemuserrolescollection",
                        "systemuserroles",
                        DirectoryRows.USER_ROLE_COLUMNS,
                        Set.of(),
                        false,
                        DirectoryRows::userRole)
                .decodingPagesWith(
                        RowDecoder.link("systemuserid", "roleid", UserRoleLink::new),
                        RowDecoder.trackedLink("systemuserroleid", "systemuserid", "roleid", UserRoleLink::new));
        this.memberships = new EntityReader<>(
                        connection,
                        reader,
                        columns,
                        "teammemberships",
                        "teammembership",
                        DirectoryRows.MEMBERSHIP_COLUMNS,
                        Set.of(),
                        false,
                        DirectoryRows::membership)
                .decodingPagesWith(
                        RowDecoder.link("teamid", "systemuserid", TeamMembership::new),
                        RowDecoder.trackedLink("teammembershipid", "teamid", "systemuserid", TeamMembership::new));
        this.teamRoles = new EntityReader<>(
                        connection,
                        reader,
                        columns,
                        "teamrolescollection",
                        "teamroles",
                        DirectoryRows.TEAM_ROLE_COLUMNS,
                        Set.of(),
                        false,
                        DirectoryRows::teamRole)
                .decodingPagesWith(
                        RowDecoder.link("teamid", "roleid", TeamRoleLink::new),
                        RowDecoder.trackedLink("teamroleid", "teamid", "roleid", TeamRoleLink::new));
        this.accessRules = new AccessRuleReads(connection, reader, columns);
        // whole tables are read by full syncs, in the background: with the longer retry budget
        this.tables = Map.ofEntries(
                Map.entry(DataverseTable.USERS, users.inBackground()),
                Map.entry(DataverseTable.BUSINESS_UNITS, businessUnits.inBackground()),
                Map.entry(DataverseTable.ROLES, roles.inBackground()),
                Map.entry(DataverseTable.TEAMS, teams.inBackground()),
                Map.entry(DataverseTable.USER_ROLES, userRoles.inBackground()),
                Map.entry(DataverseTable.TEAM_MEMBERSHIPS, memberships.inBackground()),
                Map.entry(DataverseTable.TEAM_ROLES, teamRoles.inBackground()),
                Map.entry(DataverseTable.PRIVILEGES, accessRules.privileges.inBackground()),
                Map.entry(DataverseTable.ROLE_PRIVILEGES, accessRules.rolePrivileges.inBackground()),
                Map.entry(DataverseTable.FIELD_SECURITY_PROFILES, accessRules.profiles.inBackground()),
                Map.entry(DataverseTable.FIELD_PERMISSIONS, accessRules.permissions.inBackground()),
                Map.entry(DataverseTable.USER_PROFILES, accessRules.userProfiles.inBackground()),
                Map.entry(DataverseTable.TEAM_PROFILES, accessRules.teamProfiles.inBackground()));
        this.links = new LinkWrites(
                connection.apiBase(),
                writer,
                userRoles,
                memberships,
                teamRoles,
                accessRules.userProfiles,
                accessRules.teamProfiles);
        this.tracked = new TrackedReads(connection, reader, tables);
    }

    // Users

    @Override
    public DataversePage<SystemUser> findUsers(UserQuery query, int pageSize) {
        checkPageSize(pageSize);
        List<ODataFilter> parts = new ArrayList<>();
        parts.add(classifier.filterFor(query.accountTypes()));
        if (query.disabled() != null) {
            parts.add(eq("isdisabled", query.disabled()));
        }
        if (query.search() != null) {
            parts.add(or(
                    contains("fullname", query.search()),
                    contains("domainname", query.search()),
                    contains("internalemailaddress", query.search())));
        }
        if (query.userName() != null) {
            parts.add(eq("domainname", query.userName()));
        }
        if (query.entraObjectId() != null) {
            parts.add(eq("azureactivedirectoryobjectid", query.entraObjectId()));
        }
        if (query.nameContains() != null) {
            parts.add(contains("fullname", query.nameContains()));
        }
        return users.page(and(parts), pageSize);
    }

    @Override
    public DataversePage<SystemUser> findUsers(Continuation continuation) {
        checkPageSize(continuation.pageSize());
        return users.page(continuation);
    }

    @Override
    public Optional<SystemUser> findUser(UUID id) {
        return users.one(id);
    }

    @Override
    public List<SystemUser> usersWithEntraObjectId(UUID entraObjectId) {
        return users.all(eq("azureactivedirectoryobjectid", entraObjectId));
    }

    @Override
    public List<SystemUser> usersById(Collection<UUID> userIds) {
        return users.allWhereIn("systemuserid", userIds);
    }

    @Override
    public WhoAmI whoAmI() {
        URI uri = ODataUri.of(connection.apiBase(), "WhoAmI").build();
        JsonNode answer = reader.one(uri, "WhoAmI", false)
                .orElseThrow(() -> new DataverseRejectedRequest(
                        "Dataverse does not offer the WhoAmI function at " + connection.apiBase() + ".", null, null));
        return new WhoAmI(
                Rows.requiredUuid(answer, "UserId"),
                Rows.requiredUuid(answer, "BusinessUnitId"),
                Rows.requiredUuid(answer, "OrganizationId"));
    }

    // Business units

    @Override
    public List<BusinessUnit> businessUnits() {
        return businessUnits.all(ODataFilter.TRUE);
    }

    @Override
    public Optional<BusinessUnit> findBusinessUnit(UUID id) {
        return businessUnits.one(id);
    }

    // Roles

    @Override
    public DataversePage<SecurityRole> findLogicalRoles(@Nullable String search, int pageSize) {
        checkPageSize(pageSize);
        ODataFilter filter = isNull("_parentroleid_value");
        if (search != null && !search.isEmpty()) {
            filter = and(filter, contains("name", search));
        }
        return roles.page(filter, pageSize);
    }

    @Override
    public DataversePage<SecurityRole> findLogicalRoles(Continuation continuation) {
        checkPageSize(continuation.pageSize());
        return roles.page(continuation);
    }

    @Override
    public Optional<SecurityRole> findRole(UUID roleId) {
        return roles.one(roleId);
    }

    @Override
    public boolean lacksAccountClassificationColumns() {
        var available = columns.available("systemuser");
        return !available.test("applicationid") || !available.test("systemmanagedusertype");
    }

    @Override
    public List<SecurityRole> roleCopies(UUID rootRoleId) {
        // the root copy points to itself, but a root row without that link must not be missed either
        return roles.all(ODataFilter.or(eq("roleid", rootRoleId), eq("_parentrootroleid_value", rootRoleId)));
    }

    @Override
    public List<SecurityRole> rolesNamed(String name) {
        // Dataverse compares strings ignoring case (docs/dataverse.md §7.2)
        return roles.all(eq("name", name));
    }

    @Override
    public List<SecurityRole> rolesById(Collection<UUID> roleIds) {
        return roles.allWhereIn("roleid", roleIds);
    }

    @Override
    public List<SecurityRole> copiesOfRoles(Collection<UUID> rootRoleIds) {
        // the root copy names itself as its root; rootRoleIds are roots, so both filters find it
        Map<UUID, SecurityRole> copies = new LinkedHashMap<>();
        for (SecurityRole copy : roles.allWhereIn("_parentrootroleid_value", rootRoleIds)) {
            copies.put(copy.id(), copy);
        }
        for (SecurityRole root : roles.allWhereIn("roleid", rootRoleIds)) {
            copies.putIfAbsent(root.id(), root);
        }
        return List.copyOf(copies.values());
    }

    // Teams

    @Override
    public DataversePage<Team> findTeams(TeamQuery query, int pageSize) {
        checkPageSize(pageSize);
        List<ODataFilter> parts = new ArrayList<>();
        if (query.type() != null) {
            parts.add(eq("teamtype", query.type().ordinal()));
        }
        if (query.search() != null) {
            parts.add(contains("name", query.search()));
        }
        if (query.name() != null) {
            parts.add(eq("name", query.name()));
        }
        if (query.entraObjectId() != null) {
            parts.add(eq("azureactivedirectoryobjectid", query.entraObjectId()));
        }
        return teams.page(and(parts), pageSize);
    }

    @Override
    public DataversePage<Team> findTeams(Continuation continuation) {
        checkPageSize(continuation.pageSize());
        return teams.page(continuation);
    }

    @Override
    public Optional<Team> findTeam(UUID teamId) {
        return teams.one(teamId);
    }

    @Override
    public List<Team> teamsById(Collection<UUID> teamIds) {
        return teams.allWhereIn("teamid", teamIds);
    }

    // Links

    @Override
    public List<UserRoleLink> userRolesOfUser(UUID userId) {
        return userRoles.all(eq("systemuserid", userId));
    }

    @Override
    public List<UserRoleLink> userRolesOfUsers(Collection<UUID> userIds) {
        return userRoles.allWhereIn("systemuserid", userIds);
    }

    @Override
    public List<UserRoleLink> userRolesOfRoles(Collection<UUID> roleIds) {
        return userRoles.allWhereIn("roleid", roleIds);
    }

    @Override
    public List<TeamMembership> membershipsOfUser(UUID userId) {
        return memberships.all(eq("systemuserid", userId));
    }

    @Override
    public List<TeamMembership> membershipsOfUsers(Collection<UUID> userIds) {
        return memberships.allWhereIn("systemuserid", userIds);
    }

    @Override
    public List<TeamMembership> membershipsOfTeams(Collection<UUID> teamIds) {
        return memberships.allWhereIn("teamid", teamIds);
    }

    @Override
    public List<TeamRoleLink> teamRolesOfTeams(Collection<UUID> teamIds) {
        return teamRoles.allWhereIn("teamid", teamIds);
    }

    @Override
    public List<TeamRoleLink> teamRolesOfRoles(Collection<UUID> roleIds) {
        return teamRoles.allWhereIn("roleid", roleIds);
    }

    // Changes

    @Override
    public LinkChange assignRoleToUser(UUID userId, UUID roleId) {
        return links.userRole(userId, roleId, true);
    }

    @Override
    public LinkChange removeRoleFromUser(UUID userId, UUID roleId) {
        return links.userRole(userId, roleId, false);
    }

    @Override
    public LinkChange assignRoleToTeam(UUID teamId, UUID roleId) {
        return links.teamRole(teamId, roleId, true);
    }

    @Override
    public LinkChange removeRoleFromTeam(UUID teamId, UUID roleId) {
        return links.teamRole(teamId, roleId, false);
    }

    @Override
    public LinkChange addTeamMember(UUID teamId, UUID userId) {
        return links.membership(teamId, userId, true);
    }

    @Override
    public LinkChange removeTeamMember(UUID teamId, UUID userId) {
        return links.membership(teamId, userId, false);
    }

    // Privileges

    @Override
    public Map<UUID, String> tablesOfPrivileges(ReadObserver observer) {
        return accessRules.tablesOfPrivileges(observer);
    }

    @Override
    public Map<UUID, String> tablesOfPrivileges() {
        return accessRules.tablesOfPrivileges();
    }

    @Override
    public Optional<Set<UUID>> privilegesOfTable(String logicalName) {
        return accessRules.privilegesOfTable(logicalName);
    }

    @Override
    public List<Privilege> privileges() {
        return accessRules.privileges();
    }

    @Override
    public List<Privilege> privilegesById(Collection<UUID> privilegeIds) {
        return accessRules.privileges.allWhereIn("privilegeid", privilegeIds);
    }

    @Override
    public List<Privilege> privilegesNamed(String name) {
        // Dataverse compares strings ignoring case (docs/dataverse.md §7.2)
        return accessRules.privileges.all(eq("name", name));
    }

    @Override
    public List<RolePrivilege> privilegesOfRoles(Collection<UUID> roleIds) {
        return accessRules.rolePrivileges.allWhereIn("roleid", roleIds);
    }

    @Override
    public List<RolePrivilege> rolePrivilegesOfPrivileges(Collection<UUID> privilegeIds) {
        return accessRules.rolePrivileges.allWhereIn("privilegeid", privilegeIds);
    }

    // Column security

    @Override
    public DataversePage<FieldSecurityProfile> findFieldSecurityProfiles(@Nullable String search, int pageSize) {
        checkPageSize(pageSize);
        return accessRules.findProfiles(search, pageSize);
    }

    @Override
    public DataversePage<FieldSecurityProfile> findFieldSecurityProfiles(Continuation continuation) {
        checkPageSize(continuation.pageSize());
        return accessRules.profiles.page(continuation);
    }

    @Override
    public Optional<FieldSecurityProfile> findFieldSecurityProfile(UUID profileId) {
        return accessRules.profiles.one(profileId);
    }

    @Override
    public List<FieldSecurityProfile> fieldSecurityProfilesById(Collection<UUID> profileIds) {
        return accessRules.profiles.allWhereIn("fieldsecurityprofileid", profileIds);
    }

    @Override
    public List<FieldPermission> fieldPermissionsOfProfiles(Collection<UUID> profileIds) {
        return accessRules.permissions.allWhereIn("_fieldsecurityprofileid_value", profileIds);
    }

    @Override
    public List<FieldPermission> fieldPermissionsOfColumn(String table, String column) {
        return accessRules.permissionsOfColumn(table, column);
    }

    @Override
    public List<UserProfileLink> profilesOfUser(UUID userId) {
        return accessRules.userProfiles.all(eq("systemuserid", userId));
    }

    @Override
    public List<UserProfileLink> profilesOfUsers(Collection<UUID> userIds) {
        return accessRules.userProfiles.allWhereIn("systemuserid", userIds);
    }

    @Override
    public List<UserProfileLink> usersOfProfiles(Collection<UUID> profileIds) {
        return accessRules.userProfiles.allWhereIn("fieldsecurityprofileid", profileIds);
    }

    @Override
    public List<TeamProfileLink> profilesOfTeams(Collection<UUID> teamIds) {
        return accessRules.teamProfiles.allWhereIn("teamid", teamIds);
    }

    @Override
    public List<TeamProfileLink> teamsOfProfiles(Collection<UUID> profileIds) {
        return accessRules.teamProfiles.allWhereIn("fieldsecurityprofileid", profileIds);
    }

    @Override
    public LinkChange addProfileToUser(UUID userId, UUID profileId) {
        return links.userProfile(userId, profileId, true);
    }

    @Override
    public LinkChange removeProfileFromUser(UUID userId, UUID profileId) {
        return links.userProfile(userId, profileId, false);
    }

    @Override
    public LinkChange addProfileToTeam(UUID teamId, UUID profileId) {
        return links.teamProfile(teamId, profileId, true);
    }

    @Override
    public LinkChange removeProfileFromTeam(UUID teamId, UUID profileId) {
        return links.teamProfile(teamId, profileId, false);
    }

    // Full reads

    @Override
    @SuppressWarnings("unchecked")
    public <T> void readAll(DataverseTable<T> table, Consumer<List<T>> pages) {
        EntityReader<T> entityReader = (EntityReader<T>) tables.get(table);
        entityReader.forEachPage(ODataFilter.TRUE, pages);
    }

    @Override
    public <T> void readAll(DataverseTable<T> table, Consumer<List<T>> pages, ReadObserver observer) {
        ObservedReads.run(observer, () -> readAll(table, pages));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void readAll(DataverseTable<T> table, TablePart part, Consumer<List<T>> pages, ReadObserver observer) {
        EntityReader<T> entityReader = (EntityReader<T>) tables.get(table);
        ODataFilter share = KeyRanges.filter(entityReader.keyColumn(), part);
        ObservedReads.run(observer, () -> entityReader.forEachPage(share, pages));
    }

    // Reads with change tracking

    @Override
    public Set<DataverseTable<?>> changeTrackedTables(ReadObserver observer) {
        return tracked.changeTrackedTables(observer);
    }

    @Override
    public <T> Optional<ChangeToken> readAllTracked(
            DataverseTable<T> table, Consumer<List<RowChange<T>>> pages, ReadObserver observer) {
        return tracked.readAllTracked(table, pages, observer);
    }

    @Override
    public <T> ChangeToken readChanges(
            DataverseTable<T> table, ChangeToken since, Consumer<List<RowChange<T>>> pages, ReadObserver observer) {
        return tracked.readChanges(table, since, pages, observer);
    }

    private static void checkPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > ODataReader.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "page size must be 1–" + ODataReader.MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }
}
