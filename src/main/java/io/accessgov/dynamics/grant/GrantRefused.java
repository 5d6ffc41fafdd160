package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.dataverse.BusinessRuleViolated;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.grant.GrantId.ResourceType;
import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A grant or revoke that is not possible in the current state (docs/api.md §5, 409): the detail says why and what to
 * do instead, and the properties name what to change (a business unit, an Entra group, teams) and, when Dataverse
 * refused, its code and request id.
 */
final class GrantRefused extends ApiProblem {

    private final Map<String, Object> properties;

    private GrantRefused(ProblemKind kind, String detail, Map<String, Object> properties) {
        super(kind, detail);
        this.properties = Map.copyOf(properties);
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }

    static GrantRefused platformManaged(UUID accountId) {
        return new GrantRefused(
                ProblemKind.PLATFORM_MANAGED_ACCOUNT,
                "The account " + accountId + " is managed by Microsoft (a built-in, support, delegated-admin, stub or"
                        + " platform application account); this service never changes its roles, teams or field security profiles.",
                Map.of());
    }

    static GrantRefused platformManagedUnknown(UUID accountId) {
        return new GrantRefused(
                ProblemKind.PLATFORM_MANAGED_ACCOUNT,
                "This environment lacks the columns that tell Microsoft-managed accounts apart (applicationid,"
                        + " systemmanagedusertype), so the service cannot rule out that account " + accountId
                        + " is one; it changes no account's roles or teams here.",
                Map.of());
    }

    static GrantRefused noCopyInBusinessUnit(UUID rootRoleId, UUID businessUnitId) {
        return new GrantRefused(
                ProblemKind.ROLE_COPY_MISSING_IN_BUSINESS_UNIT,
                "The role " + rootRoleId + " has no copy in business unit " + businessUnitId
                        + "; assign another role, or name a business unit that has a copy.",
                Map.of("businessUnitId", businessUnitId.toString()));
    }

    static GrantRefused accessTeam(Team team) {
        return new GrantRefused(
                ProblemKind.ACCESS_TEAM_CANNOT_HOLD_ROLES,
                "The team '" + team.name() + "' is an access team, and access teams cannot hold security roles;"
                        + " assign the role to an owner team or to the accounts instead.",
                Map.of("teamId", team.id().toString()));
    }

    static GrantRefused accessTeamProfiles(Team team) {
        return new GrantRefused(
                ProblemKind.ACCESS_TEAM_CANNOT_HOLD_PROFILES,
                "The team '" + team.name() + "' is an access team, and access teams cannot hold field security"
                        + " profiles; give the profile to an owner team or to the accounts instead.",
                Map.of("teamId", team.id().toString()));
    }

    static GrantRefused defaultTeam(Team team) {
        String unit = team.businessUnitName() == null ? team.businessUnitId().toString() : team.businessUnitName();
        Map<String, Object> businessUnit = new LinkedHashMap<>();
        businessUnit.put("id", team.businessUnitId().toString());
        businessUnit.put("name", team.businessUnitName());
        return new GrantRefused(
                ProblemKind.MEMBERSHIP_MANAGED_BY_BUSINESS_UNIT,
                "The team '" + team.name() + "' is the default team of business unit '" + unit + "': every account"
                        + " of that business unit is its member. Move the account to another business unit instead.",
                Map.of("businessUnit", businessUnit));
    }

    static GrantRefused entraGroupTeam(Team team) {
        String group =
                team.entraObjectId() == null ? "unknown" : team.entraObjectId().toString();
        return new GrantRefused(
                ProblemKind.MEMBERSHIP_MANAGED_BY_ENTRA_GROUP,
                "The members of team '" + team.name() + "' come from the Microsoft Entra group " + group
                        + "; change that group's members instead.",
                Map.of("entraObjectId", group));
    }

    /** A team through which an account inherits a role. */
    record Through(UUID id, @Nullable String displayName) {}

    static GrantRefused inheritedOnly(GrantId id, List<Through> teams) {
        List<Map<String, Object>> named = teams.stream()
                .map(team -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", team.id().toString());
                    entry.put("displayName", team.displayName());
                    return entry;
                })
                .toList();
        String names = String.join(
                ", ",
                teams.stream()
                        .map(team -> "'" + (team.displayName() == null ? team.id() : team.displayName()) + "'")
                        .toList());
        return new GrantRefused(
                ProblemKind.GRANT_INHERITED_ONLY,
                "The grant " + id + " is not assigned directly; it is inherited through the team(s) " + names
                        + ". Revoke the role from those teams, or the account's membership of them.",
                Map.of("teams", named));
    }

    /**
     * Dataverse's refusal as this service's 409, when the rule it enforced is one of the grant rules; empty for any
     * other rule (the web layer answers those).
     */
    static Optional<GrantRefused> fromDataverse(BusinessRuleViolated refused, UUID principalId) {
        return fromDataverse(refused, principalId, ResourceType.ROLE);
    }

    /** {@link #fromDataverse(BusinessRuleViolated, UUID)} for a change of a grant of this type of resource. */
    static Optional<GrantRefused> fromDataverse(BusinessRuleViolated refused, UUID principalId, ResourceType resource) {
        ProblemKind kind;
        String detail;
        switch (refused.rule()) {
            case ROLE_IN_OTHER_BUSINESS_UNIT -> {
                kind = ProblemKind.ROLE_IN_OTHER_BUSINESS_UNIT;
                detail = "Dataverse refused a role copy of another business unit than the principal's: record"
                        + " ownership across business units is off. Leave businessUnitId out to assign the copy of"
                        + " the principal's own business unit.";
            }
            case ACCOUNT_DISABLED -> {
                kind = ProblemKind.ACCOUNT_DISABLED;
                detail = "Dataverse refused the change because the account " + principalId + " is disabled.";
            }
            case SPECIAL_USER, SUPPORT_USER_ROLES -> {
                kind = ProblemKind.PLATFORM_MANAGED_ACCOUNT;
                detail = "Dataverse refused the change because the account " + principalId
                        + " is a special account managed by the platform.";
            }
            case ACCESS_TEAM_CANNOT_HOLD_ROLES_OR_PROFILES -> {
                kind = resource == ResourceType.FIELD_SECURITY_PROFILE
                        ? ProblemKind.ACCESS_TEAM_CANNOT_HOLD_PROFILES
                        : ProblemKind.ACCESS_TEAM_CANNOT_HOLD_ROLES;
                detail = "Dataverse refused the change: access teams cannot hold security roles or field security"
                        + " profiles.";
            }
            case DEFAULT_TEAM_MEMBERSHIP -> {
                kind = ProblemKind.MEMBERSHIP_MANAGED_BY_BUSINESS_UNIT;
                detail = "Dataverse refused the change: the members of a business unit's default team are managed"
                        + " by the business unit.";
            }
            case ENTRA_GROUP_MEMBERSHIP -> {
                kind = ProblemKind.MEMBERSHIP_MANAGED_BY_ENTRA_GROUP;
                detail = "Dataverse refused the change: the members of an Entra group team are managed in Entra.";
            }
            default -> {
                return Optional.empty();
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        refused.dataverseCode().ifPresent(value -> properties.put("dataverseCode", value));
        refused.requestId().ifPresent(value -> properties.put("dataverseRequestId", value));
        return Optional.of(new GrantRefused(kind, detail, properties));
    }
}
