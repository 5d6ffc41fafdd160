package io.accessgov.dynamics.team;

import io.accessgov.dynamics.dataverse.Team;

/** Who decides a team's members (docs/api.md §4), and so whether this service can change them. */
public enum MembershipManagement {
    /** Members are added and removed in Dataverse: owner and access teams. */
    DATAVERSE,
    /** The default team of a business unit: every account of the unit is a member, and only they are. */
    BUSINESS_UNIT,
    /** An Entra group team: membership follows the Entra group. */
    ENTRA_GROUP;

    /** Who manages the members of {@code team}. */
    public static MembershipManagement of(Team team) {
        if (team.defaultBusinessUnitTeam()) {
            return BUSINESS_UNIT;
        }
        return team.type().isEntraGroup() ? ENTRA_GROUP : DATAVERSE;
    }
}
