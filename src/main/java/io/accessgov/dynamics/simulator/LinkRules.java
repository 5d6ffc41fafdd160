package io.accessgov.dynamics.simulator;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The business rules Dataverse applies to role assignments, team memberships and field security profile memberships
 * (docs/dataverse.md §1.2, §2.1, §3.1, §15), with their error codes.
 */
final class LinkRules {

    private static final int USER_UNIT = Schema.SYSTEMUSER.required("_businessunitid_value");
    private static final int USER_FULLNAME = Schema.SYSTEMUSER.required("fullname");
    private static final int USER_ENTRA = Schema.SYSTEMUSER.required("azureactivedirectoryobjectid");
    private static final int USER_DISABLED = Schema.SYSTEMUSER.required("isdisabled");
    private static final int USER_ACCESS_MODE = Schema.SYSTEMUSER.required("accessmode");
    private static final int ROLE_UNIT = Schema.ROLE.required("_businessunitid_value");
    private static final int ROLE_INHERITED = Schema.ROLE.required("isinherited");
    private static final int TEAM_UNIT = Schema.TEAM.required("_businessunitid_value");
    private static final int TEAM_TYPE = Schema.TEAM.required("teamtype");
    private static final int TEAM_DEFAULT = Schema.TEAM.required("isdefault");
    private static final int TEAM_ENTRA = Schema.TEAM.required("azureactivedirectoryobjectid");

    private final Organisation organisation;
    private final Behaviour behaviour;

    LinkRules(Organisation organisation, Behaviour behaviour) {
        this.organisation = organisation;
        this.behaviour = behaviour;
    }

    void privilegeCheck(Schema.Navigation navigation, @Nullable String clientId) {
        if (!behaviour.privilegeDenied()) {
            return;
        }
        String[] missing =
                switch (navigation.linkSet()) {
                    case Schema.MEMBERSHIPS -> new String[] {"prvWriteTeam", "9", "team"};
                    case Schema.USER_PROFILES, Schema.TEAM_PROFILES ->
                        new String[] {"prvWriteFieldSecurityProfile", "1200", "fieldsecurityprofile"};
                    default -> new String[] {"prvAssignRole", "1036", "role"};
                };
        throw new ODataError(
                403,
                "0x80040220",
                "Principal user (Id=" + organisation.callerUserId()
                        + ", type=8, roleCount=1, privilegeCount=0, accessMode=4), is missing " + missing[0]
                        + " privilege on OTC=" + missing[1] + " for entity '" + missing[2] + "' (client " + clientId
                        + ").");
    }

    void checkAdd(Writes.Link link, @Nullable String clientId) {
        privilegeCheck(link.navigation(), clientId);
        switch (link.navigation().linkSet()) {
            case Schema.USER_ROLES -> {
                Row user = link.firstRow();
                Row role = link.secondRow();
                notSpecial(user);
                if (Objects.equals(user.get(USER_ACCESS_MODE), 3)) {
                    throw ODataError.badRequest("0x80041D51", "Security roles cannot be assigned to the support user.");
                }
                if (Boolean.TRUE.equals(user.get(USER_DISABLED)) && !behaviour.roleAssignmentOnDisabledUsers()) {
                    throw ODataError.badRequest(
                            "0x80048d35",
                            "The user " + user.id() + " is disabled. Security roles"
                                    + " can be assigned only to enabled users.");
                }
                if (!user.get(USER_UNIT).equals(role.get(ROLE_UNIT)) && !behaviour.ownershipAcrossBusinessUnits()) {
                    throw ODataError.badRequest(
                            "0x80041409",
                            "Cannot associate security role because the security role's Business Unit is not the same"
                                    + " as the user's Business Unit. Details: userid="
                                    + user.id() + ", userBU=" + user.get(USER_UNIT) + ", roleId=" + role.id()
                                    + ", roleBU="
                                    + role.get(ROLE_UNIT));
                }
            }
            case Schema.USER_PROFILES -> notSpecial(link.firstRow());
            case Schema.TEAM_PROFILES -> notAccessTeam(link.firstRow());
            case Schema.TEAM_ROLES -> {
                Row team = link.firstRow();
                Row role = link.secondRow();
                notAccessTeam(team);
                boolean groupTeam = Objects.equals(team.get(TEAM_TYPE), 2) || Objects.equals(team.get(TEAM_TYPE), 3);
                if (groupTeam
                        && Objects.equals(role.get(ROLE_INHERITED), 0)
                        && behaviour.groupTeamsNeedInheritableRoles()) {
                    throw ODataError.badRequest(
                            "0x80048350",
                            "Cannot assign security role with 'Team Privileges only' Inheritance to AAD Group or"
                                    + " Office Group teams.");
                }
                if (!team.get(TEAM_UNIT).equals(role.get(ROLE_UNIT)) && !behaviour.ownershipAcrossBusinessUnits()) {
                    throw ODataError.badRequest(
                            "0x8004140D",
                            "Cannot associate security role because the security role's Business Unit is not the same"
                                    + " as the team's Business Unit. Details: teamid="
                                    + team.id() + ", teamBU=" + team.get(TEAM_UNIT) + ", roleId=" + role.id()
                                    + ", roleBU="
                                    + role.get(ROLE_UNIT));
                }
            }
            default -> membership(link, true);
        }
    }

    void checkRemove(Writes.Link link) {
        switch (link.navigation().linkSet()) {
            case Schema.USER_ROLES, Schema.USER_PROFILES -> notSpecial(link.firstRow());
            case Schema.TEAM_ROLES, Schema.TEAM_PROFILES -> {}
            default -> membership(link, false);
        }
    }

    private void membership(Writes.Link link, boolean add) {
        Row user = link.firstRow();
        Row team = link.secondRow();
        notSpecial(user);
        if (Boolean.TRUE.equals(team.get(TEAM_DEFAULT))) {
            throw add
                    ? ODataError.badRequest(
                            "0x8004830B",
                            "Can't add members to the default business unit team (TeamId" + " = " + team.id() + ").")
                    : ODataError.badRequest(
                            "0x8004830C",
                            "Can't remove members from the default business unit team" + " (TeamId = " + team.id()
                                    + ").");
        }
        Object type = team.get(TEAM_TYPE);
        String code = behaviour.entraTeamMembershipCode();
        if ((Objects.equals(type, 2) || Objects.equals(type, 3)) && code != null) {
            UUID group = (UUID) team.get(TEAM_ENTRA);
            throw ODataError.badRequest(
                    code,
                    "Invalid team id: the members of team " + team.id() + " come from the " + "Microsoft Entra group "
                            + group + " and cannot be changed in Dataverse.");
        }
    }

    private static void notAccessTeam(Row team) {
        if (Objects.equals(team.get(TEAM_TYPE), 1)) {
            throw ODataError.badRequest(
                    "0x80048331", "Cannot assign roles or profiles to an access team (TeamId = " + team.id() + ").");
        }
    }

    private static void notSpecial(Row user) {
        Object name = user.get(USER_FULLNAME);
        if (user.get(USER_ENTRA) == null && ("SYSTEM".equals(name) || "INTEGRATION".equals(name))) {
            throw ODataError.badRequest(
                    "0x80041D33", "No modifications to the 'SYSTEM' or 'INTEGRATION' user are" + " permitted.");
        }
    }
}
