package io.accessgov.dynamics.dataverse;

/**
 * The Dataverse rules that can refuse a change of roles or team memberships (docs/dataverse.md §1.2, §2.1, §3, §6.4),
 * decoded once from Dataverse's error codes by the client, so that callers decide on names and never on codes.
 */
public enum BusinessRule {

    /** The role copy is of another business unit than the account or team (UserInWrongBusiness, TeamInWrongBusiness). */
    ROLE_IN_OTHER_BUSINESS_UNIT,

    /** A business unit's default team: its members are the unit's accounts and cannot be added or removed. */
    DEFAULT_TEAM_MEMBERSHIP,

    /** Access teams grant no role privileges: they hold neither security roles nor field security profiles. */
    ACCESS_TEAM_CANNOT_HOLD_ROLES_OR_PROFILES,

    /** The members of an Entra group team come from the group and cannot be changed in Dataverse. */
    ENTRA_GROUP_MEMBERSHIP,

    /** Entra group teams can only hold roles whose privileges members inherit (not "team privileges only"). */
    ENTRA_GROUP_TEAM_NEEDS_INHERITABLE_ROLE,

    /** The built-in SYSTEM and INTEGRATION users cannot be modified. */
    SPECIAL_USER,

    /** The support user cannot be assigned roles. */
    SUPPORT_USER_ROLES,

    /** The account is disabled: Dataverse assigns no roles to it. */
    ACCOUNT_DISABLED,

    /** The link asked for exists already (DuplicateRecord). */
    DUPLICATE_LINK,

    /** The role carries privileges that the service's application user does not hold itself. */
    PRIVILEGE_ESCALATION,

    /** An inherited role cannot be changed on its own (RestrictInheritedRole). */
    INHERITED_ROLE,

    /** The last System Administrator cannot lose the role. */
    LAST_SYSTEM_ADMINISTRATOR,

    /** A tenant administrator cannot lose the System Administrator role. */
    TENANT_ADMINISTRATOR_KEEPS_SYSTEM_ADMINISTRATOR,

    /** The role (Service Reader, Writer or Deleter) is for application users only. */
    ROLE_FOR_APPLICATION_USERS_ONLY,

    /**
     * Dataverse refused the change with a code this service does not know, for example a rule an organisation's own
     * plug-in enforces. The code is passed on as it came.
     */
    UNKNOWN
}
