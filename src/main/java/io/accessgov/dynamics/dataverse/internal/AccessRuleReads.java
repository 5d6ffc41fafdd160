package io.accessgov.dynamics.dataverse.internal;

import static io.accessgov.dynamics.dataverse.internal.ODataFilter.and;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.contains;
import static io.accessgov.dynamics.dataverse.internal.ODataFilter.eq;

import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.FieldPermission;
import io.accessgov.dynamics.dataverse.FieldSecurityProfile;
import io.accessgov.dynamics.dataverse.Privilege;
import io.accessgov.dynamics.dataverse.ReadObserver;
import io.accessgov.dynamics.dataverse.RolePrivilege;
import io.accessgov.dynamics.dataverse.TeamProfileLink;
import io.accessgov.dynamics.dataverse.UserProfileLink;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The reads of {@link WebApiDataverseClient} about what roles and field security profiles allow (docs/dataverse.md
 * §14–§15): the privilege catalogue and the table each privilege belongs to, role privileges, profiles, their column
 * permissions and memberships.
 */
final class AccessRuleReads {

    /** Activity privileges are documented on {@code activitypointer}; a platform may repeat them per activity type. */
    private static final String ACTIVITY = "activitypointer";

    private static final Pattern LOGICAL_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final DataverseConnection connection;
    private final ODataReader reader;
    final EntityReader<Privilege> privileges;
    final EntityReader<RolePrivilege> rolePrivileges;
    final EntityReader<FieldSecurityProfile> profiles;
    final EntityReader<FieldPermission> permissions;
    final EntityReader<UserProfileLink> userProfiles;
    final EntityReader<TeamProfileLink> teamProfiles;

    AccessRuleReads(DataverseConnection connection, ODataReader reader, ColumnSupport columns) {
        this.connection = connection;
        this.reader = reader;
        this.privileges = new EntityReader<>(
                connection,
                reader,
                columns,
                "privileges",
                "privilege",
                AccessRuleRows.PRIVILEGE_COLUMNS,
                Set.of(),
                false,
                AccessRuleRows::privilege);
        this.rolePrivileges = new EntityReader<>(
                connection,
                reader,
                columns,
                "roleprivilegescollection",
                "roleprivileges",
                AccessRuleRows.ROLE_PRIVILEGE_COLUMNS,
                Set.of(),
                false,
                AccessRuleRows::rolePrivilege);
        this.profiles = new EntityReader<>(
                connection,
                reader,
                columns,
                "fieldsecurityprofiles",
                "fieldsecurityprofile",
                AccessRuleRows.PROFILE_COLUMNS,
                AccessRuleRows.PROFILE_OPTIONAL,
                false,
                AccessRuleRows::profile);
        this.permissions = new EntityReader<>(
                connection,
                reader,
                columns,
                "fieldpermissions",
                "fieldpermission",
                AccessRuleRows.PERMISSION_COLUMNS,
                AccessRuleRows.PERMISSION_OPTIONAL,
                false,
                AccessRuleRows::permission);
        this.userProfiles = new EntityReader<>(
                        connection,
                        reader,
                        columns,
                        "systemuserprofilescollection",
                        "systemuserprofiles",
                        AccessRuleRows.USER_PROFILE_COLUMNS,
                        Set.of(),
                        false,
                        row -> new UserProfileLink(
                                Rows.requiredUuid(row, "systemuserid"),
                                Rows.requiredUuid(row, "fieldsecurityprofileid")))
                .decodingPagesWith(
                        RowDecoder.link("systemuserid", "fieldsecurityprofileid", UserProfileLink::new),
                        RowDecoder.trackedLink(
                                "systemuserprofileid", "systemuserid", "fieldsecurityprofileid", UserProfileLink::new));
        this.teamProfiles = new EntityReader<>(
                        connection,
                        reader,
                        columns,
                        "teamprofilescollection",
                        "teamprofiles",
                        AccessRuleRows.TEAM_PROFILE_COLUMNS,
                        Set.of(),
                        false,
                        row -> new TeamProfileLink(
                                Rows.requiredUuid(row, "teamid"), Rows.requiredUuid(row, "fieldsecurityprofileid")))
                .decodingPagesWith(
                        RowDecoder.link("teamid", "fieldsecurityprofileid", TeamProfileLink::new),
                        RowDecoder.trackedLink(
                                "teamprofileid", "teamid", "fieldsecurityprofileid", TeamProfileLink::new));
    }

    // Privileges

    Map<UUID, String> tablesOfPrivileges(ReadObserver observer) {
        AtomicReference<Map<UUID, String>> tables = new AtomicReference<>();
        ObservedReads.run(observer, () -> tables.set(tablesOfPrivileges(reader.inBackground())));
        return tables.get();
    }

    Map<UUID, String> tablesOfPrivileges() {
        return tablesOfPrivileges(reader);
    }

    /**
     * Privilege id → the logical name of the table whose definition lists it, from one read of every table
     * definition ({@code Privileges} is a property, read with {@code $select}; {@code $expand} is refused).
     */
    private Map<UUID, String> tablesOfPrivileges(ODataReader odata) {
        URI uri = ODataUri.of(connection.apiBase(), "EntityDefinitions")
                .select(List.of("LogicalName", "Privileges"))
                .build();
        JsonNode answer = odata.one(uri, "EntityDefinitions", false).orElseThrow(this::noDefinitions);
        Map<UUID, String> tables = new HashMap<>();
        for (JsonNode definition : answer.path("value")) {
            String table = definition.path("LogicalName").asString("");
            for (UUID privilege : privilegeIds(definition)) {
                tables.merge(privilege, table, (first, next) -> next.equals(ACTIVITY) ? next : first);
            }
        }
        return Map.copyOf(tables);
    }

    /** The ids of the privileges of one table, or empty when Dataverse has no table of that logical name. */
    Optional<Set<UUID>> privilegesOfTable(String logicalName) {
        if (!LOGICAL_NAME.matcher(logicalName).matches()) {
            return Optional.empty(); // no table is named so: nothing to ask
        }
        URI uri = ODataUri.of(connection.apiBase(), "EntityDefinitions(LogicalName='" + logicalName + "')")
                .select(List.of("LogicalName", "Privileges"))
                .build();
        return reader.one(uri, "EntityDefinitions", false).map(AccessRuleReads::privilegeIds);
    }

    private static Set<UUID> privilegeIds(JsonNode definition) {
        Set<UUID> ids = new HashSet<>();
        for (JsonNode privilege : definition.path("Privileges")) {
            @Nullable UUID id = Rows.uuid(privilege, "PrivilegeId");
            if (id == null) {
                throw new DataverseRejectedRequest(
                        "Dataverse returned a table definition whose privilege has no 'PrivilegeId'.", null, null);
            }
            ids.add(id);
        }
        return Set.copyOf(ids);
    }

    private DataverseRejectedRequest noDefinitions() {
        return new DataverseRejectedRequest(
                "Dataverse does not offer the table definitions at " + connection.apiBase() + ".", null, null);
    }

    List<Privilege> privileges() {
        return privileges.all(ODataFilter.TRUE);
    }

    // Column security

    DataversePage<FieldSecurityProfile> findProfiles(@Nullable String search, int pageSize) {
        ODataFilter filter = search == null || search.isEmpty() ? ODataFilter.TRUE : contains("name", search);
        return profiles.page(filter, pageSize);
    }

    List<FieldPermission> permissionsOfColumn(String table, String column) {
        return permissions.all(and(List.of(eq("entityname", table), eq("attributelogicalname", column))));
    }
}
