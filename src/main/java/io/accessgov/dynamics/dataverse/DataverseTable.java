package io.accessgov.dynamics.dataverse;

/**
 * A table the full sync reads whole, with the row type it yields. {@link #name()} is Dataverse's entity set name,
 * suitable for progress reports.
 */
public final class DataverseTable<T> {

    public static final DataverseTable<BusinessUnit> BUSINESS_UNITS = new DataverseTable<>("businessunits");
    public static final DataverseTable<SystemUser> USERS = new DataverseTable<>("systemusers");
    public static final DataverseTable<SecurityRole> ROLES = new DataverseTable<>("roles");
    public static final DataverseTable<Team> TEAMS = new DataverseTable<>("teams");
    public static final DataverseTable<UserRoleLink> USER_ROLES = new DataverseTable<>("systemuserrolescollection");
    public static final DataverseTable<TeamMembership> TEAM_MEMBERSHIPS = new DataverseTable<>("teammemberships");
    public static final DataverseTable<TeamRoleLink> TEAM_ROLES = new DataverseTable<>("teamrolescollection");
    public static final DataverseTable<Privilege> PRIVILEGES = new DataverseTable<>("privileges");
    public static final DataverseTable<RolePrivilege> ROLE_PRIVILEGES =
            new DataverseTable<>("roleprivilegescollection");
    public static final DataverseTable<FieldSecurityProfile> FIELD_SECURITY_PROFILES =
            new DataverseTable<>("fieldsecurityprofiles");
    public static final DataverseTable<FieldPermission> FIELD_PERMISSIONS = new DataverseTable<>("fieldpermissions");
    public static final DataverseTable<UserProfileLink> USER_PROFILES =
            new DataverseTable<>("systemuserprofilescollection");
    public static final DataverseTable<TeamProfileLink> TEAM_PROFILES = new DataverseTable<>("teamprofilescollection");

    private final String name;

    private DataverseTable(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
