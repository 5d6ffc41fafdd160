package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.ColumnType.BIGINT;
import static io.accessgov.dynamics.simulator.ColumnType.BOOL;
import static io.accessgov.dynamics.simulator.ColumnType.COMPLEX;
import static io.accessgov.dynamics.simulator.ColumnType.DATETIME;
import static io.accessgov.dynamics.simulator.ColumnType.GUID;
import static io.accessgov.dynamics.simulator.ColumnType.INT;
import static io.accessgov.dynamics.simulator.ColumnType.STRING;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The simulated tables with their JSON column names, and the N:N navigation properties: the seven of users, roles,
 * teams and business units (docs/dataverse.md §1–§5) and the six of privileges and column security
 * (docs/dataverse.md §14–§15).
 */
final class Schema {

    static final String SYSTEMUSERS = "systemusers";
    static final String BUSINESSUNITS = "businessunits";
    static final String ROLES = "roles";
    static final String TEAMS = "teams";
    static final String USER_ROLES = "systemuserrolescollection";
    static final String MEMBERSHIPS = "teammemberships";
    static final String TEAM_ROLES = "teamrolescollection";
    static final String PRIVILEGES = "privileges";
    static final String ROLE_PRIVILEGES = "roleprivilegescollection";
    static final String PROFILES = "fieldsecurityprofiles";
    static final String FIELD_PERMISSIONS = "fieldpermissions";
    static final String USER_PROFILES = "systemuserprofilescollection";
    static final String TEAM_PROFILES = "teamprofilescollection";

    static final List<String> SETS = List.of(
            SYSTEMUSERS,
            BUSINESSUNITS,
            ROLES,
            TEAMS,
            USER_ROLES,
            MEMBERSHIPS,
            TEAM_ROLES,
            PRIVILEGES,
            ROLE_PRIVILEGES,
            PROFILES,
            FIELD_PERMISSIONS,
            USER_PROFILES,
            TEAM_PROFILES);

    private static final Column VERSION = Column.of("versionnumber", BIGINT);
    private static final Map<Object, String> ENABLED = Map.of(false, "Enabled", true, "Disabled");
    private static final Map<Object, String> YES_NO = Map.of(false, "No", true, "Yes");

    static final TableDef SYSTEMUSER = new TableDef(
            "systemuser",
            SYSTEMUSERS,
            List.of(
                    Column.of("systemuserid", GUID),
                    Column.of("ownerid", GUID),
                    Column.of("fullname", STRING),
                    Column.of("firstname", STRING),
                    Column.of("lastname", STRING),
                    Column.of("domainname", STRING),
                    Column.of("internalemailaddress", STRING),
                    Column.of("windowsliveid", STRING),
                    Column.labelled("isdisabled", BOOL, ENABLED),
                    Column.of("disabledreason", STRING),
                    Column.labelled(
                            "accessmode",
                            INT,
                            Map.of(
                                    0,
                                    "Read-Write",
                                    1,
                                    "Administrative",
                                    2,
                                    "Read",
                                    3,
                                    "Support User",
                                    4,
                                    "Non-interactive",
                                    5,
                                    "Delegated Admin")),
                    Column.of("azureactivedirectoryobjectid", GUID),
                    Column.of("applicationid", GUID).asOptional(),
                    Column.of("applicationiduri", STRING),
                    Column.labelled("azurestate", INT, Map.of(0, "Exists", 1, "Soft deleted", 2, "Not found"))
                            .asOptional(),
                    Column.of("azuredeletedon", DATETIME),
                    Column.of("deletedstate", INT),
                    Column.lookup("_businessunitid_value", BUSINESSUNITS),
                    Column.labelled("islicensed", BOOL, YES_NO),
                    Column.labelled("issyncwithdirectory", BOOL, YES_NO),
                    Column.labelled("isintegrationuser", BOOL, YES_NO),
                    Column.labelled("setupuser", BOOL, YES_NO),
                    Column.of("caltype", INT),
                    Column.of("userlicensetype", INT),
                    Column.of("systemmanagedusertype", INT),
                    Column.of("title", STRING),
                    Column.of("jobtitle", STRING),
                    Column.of("createdon", DATETIME),
                    Column.of("modifiedon", DATETIME),
                    Column.lookup("_createdby_value", SYSTEMUSERS),
                    Column.lookup("_modifiedby_value", SYSTEMUSERS),
                    Column.of("organizationid", GUID),
                    VERSION),
            "fullname",
            false);

    static final TableDef BUSINESSUNIT = new TableDef(
            "businessunit",
            BUSINESSUNITS,
            List.of(
                    Column.of("businessunitid", GUID),
                    Column.of("name", STRING),
                    Column.lookup("_parentbusinessunitid_value", BUSINESSUNITS),
                    Column.labelled("isdisabled", BOOL, ENABLED),
                    Column.of("disabledreason", STRING),
                    Column.of("divisionname", STRING),
                    Column.of("costcenter", STRING),
                    Column.of("inheritancemask", INT),
                    Column.of("createdon", DATETIME),
                    Column.of("modifiedon", DATETIME),
                    Column.lookup("_organizationid_value", null),
                    VERSION),
            "name",
            false);

    static final TableDef ROLE = new TableDef(
            "role",
            ROLES,
            List.of(
                    Column.of("roleid", GUID),
                    Column.of("name", STRING),
                    Column.lookup("_businessunitid_value", BUSINESSUNITS),
                    Column.lookup("_parentroleid_value", ROLES),
                    Column.lookup("_parentrootroleid_value", ROLES),
                    Column.lookup("_roletemplateid_value", null),
                    Column.labelled(
                                    "isinherited",
                                    INT,
                                    Map.of(
                                            0,
                                            "Team privileges only",
                                            1,
                                            "Direct User (Basic) access level and Team privileges"))
                            .asOptional(),
                    Column.labelled("isautoassigned", INT, Map.of(0, "No", 1, "Yes"))
                            .asOptional(),
                    Column.of("appliesto", STRING),
                    Column.of("description", STRING),
                    Column.labelled("issytemgenerated", BOOL, YES_NO),
                    Column.labelled("ismanaged", BOOL, Map.of(false, "Unmanaged", true, "Managed")),
                    Column.of("iscustomizable", COMPLEX),
                    Column.of("canbedeleted", COMPLEX),
                    Column.of("componentstate", INT),
                    Column.of("createdon", DATETIME),
                    Column.of("modifiedon", DATETIME),
                    Column.of("overwritetime", DATETIME),
                    Column.lookup("_organizationid_value", null),
                    VERSION),
            "name",
            false);

    static final TableDef TEAM = new TableDef(
            "team",
            TEAMS,
            List.of(
                    Column.of("teamid", GUID),
                    Column.of("name", STRING),
                    Column.labelled(
                            "teamtype", INT, Map.of(0, "Owner", 1, "Access", 2, "Security Group", 3, "Office Group")),
                    Column.labelled(
                                    "membershiptype",
                                    INT,
                                    Map.of(0, "Members and guests", 1, "Members", 2, "Owners", 3, "Guests"))
                            .asOptional(),
                    Column.labelled("isdefault", BOOL, YES_NO),
                    Column.labelled("systemmanaged", BOOL, YES_NO),
                    Column.lookup("_businessunitid_value", BUSINESSUNITS),
                    Column.lookup("_administratorid_value", SYSTEMUSERS),
                    Column.of("azureactivedirectoryobjectid", GUID),
                    Column.of("description", STRING),
                    Column.of("createdon", DATETIME),
                    Column.of("modifiedon", DATETIME),
                    Column.lookup("_organizationid_value", null),
                    VERSION),
            "name",
            false);

    static final TableDef SYSTEMUSERROLES =
            intersect("systemuserroles", USER_ROLES, "systemuserroleid", "systemuserid", "roleid");
    static final TableDef TEAMMEMBERSHIP =
            intersect("teammembership", MEMBERSHIPS, "teammembershipid", "systemuserid", "teamid");
    static final TableDef TEAMROLES = intersect("teamroles", TEAM_ROLES, "teamroleid", "teamid", "roleid");

    static final TableDef PRIVILEGE = new TableDef(
            "privilege",
            PRIVILEGES,
            List.of(
                    Column.of("privilegeid", GUID),
                    Column.of("name", STRING),
                    Column.of("accessright", INT),
                    Column.labelled("canbebasic", BOOL, YES_NO),
                    Column.labelled("canbelocal", BOOL, YES_NO),
                    Column.labelled("canbedeep", BOOL, YES_NO),
                    Column.labelled("canbeglobal", BOOL, YES_NO),
                    Column.labelled("canbeentityreference", BOOL, YES_NO),
                    Column.labelled("canbeparententityreference", BOOL, YES_NO),
                    VERSION),
            "name",
            false);

    /** The role–privilege intersect: besides both ids it holds the depth, and (newer platforms) a record filter. */
    static final TableDef ROLEPRIVILEGES = new TableDef(
            "roleprivileges",
            ROLE_PRIVILEGES,
            List.of(
                    Column.of("roleprivilegeid", GUID),
                    Column.of("roleid", GUID),
                    Column.of("privilegeid", GUID),
                    Column.labelled("privilegedepthmask", INT, Map.of(1, "Basic", 2, "Local", 4, "Deep", 8, "Global")),
                    Column.of("recordfilterid", GUID).asOptional(),
                    VERSION),
            null,
            true);

    static final TableDef FIELDSECURITYPROFILE = new TableDef(
            "fieldsecurityprofile",
            PROFILES,
            List.of(
                    Column.of("fieldsecurityprofileid", GUID),
                    Column.of("name", STRING),
                    Column.of("description", STRING),
                    Column.labelled("ismanaged", BOOL, Map.of(false, "Unmanaged", true, "Managed")),
                    Column.of("createdon", DATETIME),
                    Column.of("modifiedon", DATETIME),
                    Column.lookup("_organizationid_value", null),
                    VERSION),
            "name",
            false);

    private static final Map<Object, String> ALLOWED = Map.of(0, "Not Allowed", 4, "Allowed");

    static final TableDef FIELDPERMISSION = new TableDef(
            "fieldpermission",
            FIELD_PERMISSIONS,
            List.of(
                    Column.of("fieldpermissionid", GUID),
                    Column.of("entityname", STRING),
                    Column.of("attributelogicalname", STRING),
                    Column.labelled("canread", INT, ALLOWED),
                    Column.labelled("cancreate", INT, ALLOWED),
                    Column.labelled("canupdate", INT, ALLOWED),
                    Column.labelled("canreadunmasked", INT, Map.of(0, "Not Allowed", 1, "One Record", 3, "All Records"))
                            .asOptional(),
                    Column.lookup("_fieldsecurityprofileid_value", PROFILES),
                    VERSION),
            null,
            false);

    static final TableDef SYSTEMUSERPROFILES = intersect(
            "systemuserprofiles", USER_PROFILES, "systemuserprofileid", "systemuserid", "fieldsecurityprofileid");
    static final TableDef TEAMPROFILES =
            intersect("teamprofiles", TEAM_PROFILES, "teamprofileid", "teamid", "fieldsecurityprofileid");

    static final List<TableDef> TABLES = List.of(
            SYSTEMUSER,
            BUSINESSUNIT,
            ROLE,
            TEAM,
            SYSTEMUSERROLES,
            TEAMMEMBERSHIP,
            TEAMROLES,
            PRIVILEGE,
            ROLEPRIVILEGES,
            FIELDSECURITYPROFILE,
            FIELDPERMISSION,
            SYSTEMUSERPROFILES,
            TEAMPROFILES);

    /**
     * An N:N navigation property seen from one side.
     *
     * @param name the navigation property, e.g. {@code systemuserroles_association}
     * @param linkSet the intersect entity set
     * @param selfColumn the intersect column holding this side's id (1 or 2)
     * @param targetSet the entity set on the other side
     */
    record Navigation(String name, String linkSet, int selfColumn, String targetSet) {

        int otherColumn() {
            return 3 - selfColumn;
        }
    }

    private Schema() {}

    private static TableDef intersect(String entity, String set, String key, String first, String second) {
        return new TableDef(
                entity,
                set,
                List.of(Column.of(key, GUID), Column.of(first, GUID), Column.of(second, GUID), VERSION),
                null,
                true);
    }

    static @Nullable Navigation navigation(String fromSet, String name) {
        return switch (fromSet + "/" + name) {
            case "systemusers/systemuserroles_association" -> new Navigation(name, USER_ROLES, 1, ROLES);
            case "roles/systemuserroles_association" -> new Navigation(name, USER_ROLES, 2, SYSTEMUSERS);
            case "systemusers/teammembership_association" -> new Navigation(name, MEMBERSHIPS, 1, TEAMS);
            case "teams/teammembership_association" -> new Navigation(name, MEMBERSHIPS, 2, SYSTEMUSERS);
            case "teams/teamroles_association" -> new Navigation(name, TEAM_ROLES, 1, ROLES);
            case "roles/teamroles_association" -> new Navigation(name, TEAM_ROLES, 2, TEAMS);
            case "systemusers/systemuserprofiles_association" -> new Navigation(name, USER_PROFILES, 1, PROFILES);
            case "fieldsecurityprofiles/systemuserprofiles_association" ->
                new Navigation(name, USER_PROFILES, 2, SYSTEMUSERS);
            case "teams/teamprofiles_association" -> new Navigation(name, TEAM_PROFILES, 1, PROFILES);
            case "fieldsecurityprofiles/teamprofiles_association" -> new Navigation(name, TEAM_PROFILES, 2, TEAMS);
            default -> null;
        };
    }

    static @Nullable TableDef bySet(String set) {
        for (TableDef def : TABLES) {
            if (def.setName().equals(set)) {
                return def;
            }
        }
        return null;
    }
}
