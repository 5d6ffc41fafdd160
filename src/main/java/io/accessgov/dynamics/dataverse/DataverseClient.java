package io.accessgov.dynamics.dataverse;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The one door to Dataverse. Methods are named for what the service needs; OData (queries, paging links, headers,
 * error codes) stays behind this interface. Every method blocks, is safe to call from many threads, and fails with
 * a subclass of {@link DataverseException} named after what happened.
 */
public interface DataverseClient {

    /**
     * How many ids one request filters on when a method takes a collection of ids: more ids cost a request per
     * chunk of this size (it keeps the URL well under the limits of gateways and Dataverse).
     */
    int IDS_PER_REQUEST = 50;

    /** The first page of the users matching the query, at most {@code pageSize} of them (1–5000). */
    DataversePage<SystemUser> findUsers(UserQuery query, int pageSize);

    /**
     * The page that a previous {@link DataversePage#next()} points at.
     *
     * @throws InvalidContinuation when the continuation does not lead to this environment's users; nothing is sent
     */
    DataversePage<SystemUser> findUsers(Continuation continuation);

    /** The user with this id, if Dataverse has one. */
    Optional<SystemUser> findUser(UUID id);

    /**
     * Every user whose Entra object id ({@code azureactivedirectoryobjectid}) is this one: the same person's account
     * here (docs/dataverse.md §1.3: the object id joins a person's accounts across environments). One request.
     */
    List<SystemUser> usersWithEntraObjectId(UUID entraObjectId);

    /** Who the service is signed in as ({@code WhoAmI}); proves the token and the application user work. */
    WhoAmI whoAmI();

    /**
     * True when this environment lacks a column that tells platform-managed accounts apart ({@code applicationid},
     * {@code systemmanagedusertype}: some older platform versions have neither); such accounts then cannot be
     * recognised, so no account may be changed.
     */
    boolean lacksAccountClassificationColumns();

    // Business units

    /** Every business unit (an environment has at most a few hundred). */
    List<BusinessUnit> businessUnits();

    /** The business unit with this id, if Dataverse has one. */
    Optional<BusinessUnit> findBusinessUnit(UUID id);

    // Security roles

    /**
     * The first page of logical roles: the root copy of each role ({@code parentroleid} null), optionally only those
     * whose name contains {@code search} (case-insensitive; data, never query syntax).
     */
    DataversePage<SecurityRole> findLogicalRoles(@Nullable String search, int pageSize);

    /** The page of logical roles a previous page's continuation points at. */
    DataversePage<SecurityRole> findLogicalRoles(Continuation continuation);

    /** The role copy with this id (any business unit's copy), if Dataverse has one. */
    Optional<SecurityRole> findRole(UUID roleId);

    /** Every business-unit copy of the logical role whose root copy is {@code rootRoleId}, the root included. */
    List<SecurityRole> roleCopies(UUID rootRoleId);

    /**
     * Every business-unit copy of every role named exactly {@code name}, ignoring case (data, never query syntax).
     * Copies carry their logical role's name, so this finds whole logical roles.
     */
    List<SecurityRole> rolesNamed(String name);

    /** Every copy of every role whose id is in {@code roleIds}, following all pages. */
    List<SecurityRole> rolesById(Collection<UUID> roleIds);

    /** Every business-unit copy of the logical roles whose root copies are {@code rootRoleIds}, the roots included. */
    List<SecurityRole> copiesOfRoles(Collection<UUID> rootRoleIds);

    // Teams

    /** The first page of teams matching the query. */
    DataversePage<Team> findTeams(TeamQuery query, int pageSize);

    /** The page of teams a previous page's continuation points at. */
    DataversePage<Team> findTeams(Continuation continuation);

    /** The team with this id, if Dataverse has one. */
    Optional<Team> findTeam(UUID teamId);

    /** Every team whose id is in {@code teamIds}, following all pages. */
    List<Team> teamsById(Collection<UUID> teamIds);

    // Who holds what: the link tables, read with filters and all their pages, never one request per principal

    /** The role copies assigned directly to this user. */
    List<UserRoleLink> userRolesOfUser(UUID userId);

    /** The role copies assigned directly to any of these users. */
    List<UserRoleLink> userRolesOfUsers(Collection<UUID> userIds);

    /** The direct assignments of any of these role copies to users. */
    List<UserRoleLink> userRolesOfRoles(Collection<UUID> roleIds);

    /** The teams this user is a member of (the business unit's default team included). */
    List<TeamMembership> membershipsOfUser(UUID userId);

    /** The teams any of these users is a member of. */
    List<TeamMembership> membershipsOfUsers(Collection<UUID> userIds);

    /** The members of any of these teams. */
    List<TeamMembership> membershipsOfTeams(Collection<UUID> teamIds);

    /** The role copies held by any of these teams. */
    List<TeamRoleLink> teamRolesOfTeams(Collection<UUID> teamIds);

    /** The teams holding any of these role copies. */
    List<TeamRoleLink> teamRolesOfRoles(Collection<UUID> roleIds);

    /** Every user with one of these ids (unknown ids are left out), following all pages. */
    List<SystemUser> usersById(Collection<UUID> userIds);

    // Changes (docs/dataverse.md §6). Each is idempotent and safe to retry: after an answer that leaves the outcome
    // uncertain (429, 5xx, broken connection, timeout) the link is read back before the change is sent again, so a
    // change is never applied twice and never reported failed when it succeeded. Dataverse's refusals arrive as
    // BusinessRuleViolated (the rule named, its hex code kept), RecordNotFound or DataverseAccessDenied.

    /** Assigns this role copy to the user ({@code systemuserroles_association}); it must be of the user's unit. */
    LinkChange assignRoleToUser(UUID userId, UUID roleId);

    /** Removes this role copy's direct assignment from the user. */
    LinkChange removeRoleFromUser(UUID userId, UUID roleId);

    /** Assigns this role copy to the team ({@code teamroles_association}); it must be of the team's unit. */
    LinkChange assignRoleToTeam(UUID teamId, UUID roleId);

    /** Removes this role copy from the team. */
    LinkChange removeRoleFromTeam(UUID teamId, UUID roleId);

    /** Makes the user a member of the team ({@code AddMembersTeam}). */
    LinkChange addTeamMember(UUID teamId, UUID userId);

    /** Removes the user from the team ({@code RemoveMembersTeam}). */
    LinkChange removeTeamMember(UUID teamId, UUID userId);

    // Privileges (docs/dataverse.md §14): what roles allow. Privileges belong to the root copy of a logical role.

    /**
     * Privilege id → the logical name of the table whose definition lists it ({@code prvReadUser} → {@code
     * systemuser}); privileges no table lists (such as {@code prvExportToExcel}) are absent. One request, read with
     * the background retry budget; {@code observer} is told of the exchange.
     */
    Map<UUID, String> tablesOfPrivileges(ReadObserver observer);

    /** Like {@link #tablesOfPrivileges(ReadObserver)}, for a question asked now. */
    Map<UUID, String> tablesOfPrivileges();

    /**
     * The ids of the privileges the table with this logical name lists, or empty when Dataverse has no such table
     * (a name that cannot be a logical name is not sent). One request.
     */
    Optional<Set<UUID>> privilegesOfTable(String logicalName);

    /** Every privilege, following all pages. */
    List<Privilege> privileges();

    /** Every privilege whose id is in {@code privilegeIds}. */
    List<Privilege> privilegesById(Collection<UUID> privilegeIds);

    /** The privileges named exactly {@code name}, ignoring case (data, never query syntax). */
    List<Privilege> privilegesNamed(String name);

    /** The privileges held by any of these roles (pass every copy of a logical role: rows may name a copy). */
    List<RolePrivilege> privilegesOfRoles(Collection<UUID> roleIds);

    /** The roles holding any of these privileges, with their depths. */
    List<RolePrivilege> rolePrivilegesOfPrivileges(Collection<UUID> privilegeIds);

    // Column security (docs/dataverse.md §15)

    /** The first page of field security profiles, optionally only those whose name contains {@code search}. */
    DataversePage<FieldSecurityProfile> findFieldSecurityProfiles(@Nullable String search, int pageSize);

    /** The page of profiles a previous page's continuation points at. */
    DataversePage<FieldSecurityProfile> findFieldSecurityProfiles(Continuation continuation);

    /** The profile with this id, if Dataverse has one. */
    Optional<FieldSecurityProfile> findFieldSecurityProfile(UUID profileId);

    /** Every profile whose id is in {@code profileIds}. */
    List<FieldSecurityProfile> fieldSecurityProfilesById(Collection<UUID> profileIds);

    /** The column permissions of any of these profiles. */
    List<FieldPermission> fieldPermissionsOfProfiles(Collection<UUID> profileIds);

    /** The permissions every profile gives on one column (logical names; data, never query syntax). */
    List<FieldPermission> fieldPermissionsOfColumn(String table, String column);

    /** The profiles this user is a direct member of. */
    List<UserProfileLink> profilesOfUser(UUID userId);

    /** The profiles any of these users is a direct member of. */
    List<UserProfileLink> profilesOfUsers(Collection<UUID> userIds);

    /** The users who are direct members of any of these profiles. */
    List<UserProfileLink> usersOfProfiles(Collection<UUID> profileIds);

    /** The profiles any of these teams holds. */
    List<TeamProfileLink> profilesOfTeams(Collection<UUID> teamIds);

    /** The teams holding any of these profiles. */
    List<TeamProfileLink> teamsOfProfiles(Collection<UUID> profileIds);

    /** Makes the user a direct member of the profile ({@code systemuserprofiles_association}). */
    LinkChange addProfileToUser(UUID userId, UUID profileId);

    /** Ends the user's direct membership of the profile. */
    LinkChange removeProfileFromUser(UUID userId, UUID profileId);

    /** Gives the profile to the team ({@code teamprofiles_association}); access teams are refused by Dataverse. */
    LinkChange addProfileToTeam(UUID teamId, UUID profileId);

    /** Takes the profile from the team. */
    LinkChange removeProfileFromTeam(UUID teamId, UUID profileId);

    // Full reads

    /**
     * Reads a whole table page by page at Dataverse's largest page size (5000), handing each page's rows to
     * {@code pages} as it arrives, so that memory holds one page at a time. Meant for background work: each page is
     * retried within the longer background budget ({@code dynamics.http.background}), so a burst of throttling,
     * server errors, dropped connections or answers cut short is ridden out, and only a lasting failure is thrown.
     */
    <T> void readAll(DataverseTable<T> table, Consumer<List<T>> pages);

    /**
     * Like {@link #readAll(DataverseTable, Consumer)}, telling {@code observer} of every exchange with Dataverse and
     * every throttling wait the read causes, so that a caller can report exactly what it cost.
     */
    <T> void readAll(DataverseTable<T> table, Consumer<List<T>> pages, ReadObserver observer);

    /**
     * Like {@link #readAll(DataverseTable, Consumer, ReadObserver)} for one part of the table: the rows whose primary
     * key falls in that part's key range. The parts of one count together hold every row exactly once, so reading
     * them concurrently reads the table in fewer consecutive pages. Splitting on GUID ranges is not documented
     * for every Dataverse version: when Dataverse refuses it, the first request fails with
     * {@link DataverseRejectedRequest} before any page is handed over.
     */
    <T> void readAll(DataverseTable<T> table, TablePart part, Consumer<List<T>> pages, ReadObserver observer);

    // Reads with change tracking (docs/dataverse.md §12, §17)

    /**
     * The tables of {@link DataverseTable} whose change tracking is enabled in this environment, as its table
     * definitions say now ({@code ChangeTrackingEnabled}); {@code observer} is told of the exchange.
     */
    Set<DataverseTable<?>> changeTrackedTables(ReadObserver observer);

    /**
     * Reads a whole table with change tracking, page by page at the largest page size, with the background retry
     * budget of {@link #readAll(DataverseTable, Consumer)}; every row is present, under its primary key. Returns the
     * token its changes continue from, or empty when Dataverse read the table without tracking it. Each page is
     * decoded and handed to {@code pages} on a thread of its own, in order, while the next page is read ({@link
     * HandOff}): {@code pages} must not rely on the caller's thread-locals. The call returns once every page has been
     * handed over, and throws what {@code pages} threw.
     *
     * @throws ChangeTrackingRefused when Dataverse refuses change tracking for this table
     */
    <T> Optional<ChangeToken> readAllTracked(
            DataverseTable<T> table, Consumer<List<RowChange<T>>> pages, ReadObserver observer);

    /**
     * Reads what changed in a table since {@code since}: new and changed rows in full, removed rows by their primary
     * key (for a link table the link row's own id), page by page, handed over as {@link #readAllTracked} hands them.
     * Returns the token the next changes continue from.
     *
     * @throws ChangeTokenExpired when Dataverse no longer has the changes since the token
     * @throws ChangeTrackingRefused when Dataverse refuses change tracking for this table
     * @throws InvalidContinuation when the token does not lead to this table in this environment; nothing is sent
     */
    <T> ChangeToken readChanges(
            DataverseTable<T> table, ChangeToken since, Consumer<List<RowChange<T>>> pages, ReadObserver observer);
}
