package io.accessgov.dynamics.dataverse;

/** Dataverse's {@code isinherited} choice of a role: what team members get when the role is held by their team. */
public enum RoleInheritance {
    /** 0: the team's privileges only. */
    TEAM_PRIVILEGES_ONLY,
    /** 1: members also get the role's user-level (Basic) access directly. */
    DIRECT_USER_AND_TEAM_PRIVILEGES
}
