package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.BusinessUnit;
import io.accessgov.dynamics.dataverse.EntraMembershipType;
import io.accessgov.dynamics.dataverse.RoleInheritance;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamMembership;
import io.accessgov.dynamics.dataverse.TeamRoleLink;
import io.accessgov.dynamics.dataverse.TeamType;
import io.accessgov.dynamics.dataverse.UserRoleLink;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Columns and row mappings of business units, roles, teams and the three link tables. */
final class DirectoryRows {

    static final List<String> BUSINESS_UNIT_COLUMNS =
            List.of("businessunitid", "name", "_parentbusinessunitid_value", "isdisabled");

    static final List<String> ROLE_COLUMNS = List.of(
            "roleid",
            "name",
            "_businessunitid_value",
            "_parentroleid_value",
            "_parentrootroleid_value",
            "_roletemplateid_value",
            "description",
            "ismanaged",
            "isautoassigned",
            "isinherited");
    static final Set<String> ROLE_OPTIONAL =
            Set.of("_roletemplateid_value", "description", "isautoassigned", "isinherited");

    static final List<String> TEAM_COLUMNS = List.of(
            "teamid",
            "name",
            "teamtype",
            "_businessunitid_value",
            "isdefault",
            "azureactivedirectoryobjectid",
            "membershiptype",
            "_administratorid_value",
            "description");
    // isdefault is not optional: a default team read as an ordinary one would let a membership change through
    static final Set<String> TEAM_OPTIONAL = Set.of("membershiptype", "description");

    static final List<String> USER_ROLE_COLUMNS = List.of("systemuserroleid", "systemuserid", "roleid");
    static final List<String> MEMBERSHIP_COLUMNS = List.of("teammembershipid", "teamid", "systemuserid");
    static final List<String> TEAM_ROLE_COLUMNS = List.of("teamroleid", "teamid", "roleid");

    private DirectoryRows() {}

    static BusinessUnit businessUnit(JsonNode row) {
        return new BusinessUnit(
                Rows.requiredUuid(row, "businessunitid"),
                Objects.requireNonNullElse(Rows.text(row, "name"), ""),
                Rows.uuid(row, "_parentbusinessunitid_value"),
                Rows.bool(row, "isdisabled", false));
    }

    static SecurityRole role(JsonNode row) {
        UUID id = Rows.requiredUuid(row, "roleid");
        UUID root = Rows.uuid(row, "_parentrootroleid_value");
        Integer autoAssigned = Rows.integer(row, "isautoassigned");
        Integer inherited = Rows.integer(row, "isinherited");
        return new SecurityRole(
                id,
                Objects.requireNonNullElse(Rows.text(row, "name"), ""),
                Rows.requiredUuid(row, "_businessunitid_value"),
                Rows.formatted(row, "_businessunitid_value"),
                Rows.uuid(row, "_parentroleid_value"),
                root == null ? id : root,
                Rows.uuid(row, "_roletemplateid_value"),
                Rows.text(row, "description"),
                Rows.bool(row, "ismanaged", false),
                autoAssigned == null ? null : autoAssigned == 1,
                inherited == null || inherited < 0 || inherited > 1 ? null : RoleInheritance.values()[inherited]);
    }

    static Team team(JsonNode row) {
        Integer type = Rows.integer(row, "teamtype");
        Integer membership = Rows.integer(row, "membershiptype");
        TeamType teamType = type == null || type < 0 || type > 3 ? TeamType.OWNER : TeamType.values()[type];
        return new Team(
                Rows.requiredUuid(row, "teamid"),
                Objects.requireNonNullElse(Rows.text(row, "name"), ""),
                teamType,
                Rows.requiredUuid(row, "_businessunitid_value"),
                Rows.formatted(row, "_businessunitid_value"),
                Rows.bool(row, "isdefault", false),
                Rows.uuid(row, "azureactivedirectoryobjectid"),
                !teamType.isEntraGroup() || membership == null || membership < 0 || membership > 3
                        ? null
                        : EntraMembershipType.values()[membership],
                Rows.uuid(row, "_administratorid_value"),
                Rows.text(row, "description"));
    }

    static UserRoleLink userRole(JsonNode row) {
        return new UserRoleLink(Rows.requiredUuid(row, "systemuserid"), Rows.requiredUuid(row, "roleid"));
    }

    static TeamMembership membership(JsonNode row) {
        return new TeamMembership(Rows.requiredUuid(row, "teamid"), Rows.requiredUuid(row, "systemuserid"));
    }

    static TeamRoleLink teamRole(JsonNode row) {
        return new TeamRoleLink(Rows.requiredUuid(row, "teamid"), Rows.requiredUuid(row, "roleid"));
    }
}
