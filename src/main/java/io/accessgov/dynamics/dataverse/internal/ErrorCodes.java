package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.BusinessRule;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one table of Dataverse's hex error codes (docs/dataverse.md §1.2, §2.1, §3, §6.4, §9.2): which business rule
 * each rule code stands for, and which codes say that a request itself was malformed. Codes compare without case
 * ({@code 0x8004830B} and {@code 0x8004830b} are one code).
 */
final class ErrorCodes {

    /** Rule codes and the rule each names. */
    static final Map<String, BusinessRule> RULES = Map.ofEntries(
            Map.entry("0x80041409", BusinessRule.ROLE_IN_OTHER_BUSINESS_UNIT), // UserInWrongBusiness
            Map.entry("0x8004140d", BusinessRule.ROLE_IN_OTHER_BUSINESS_UNIT), // TeamInWrongBusiness
            Map.entry("0x8004830b", BusinessRule.DEFAULT_TEAM_MEMBERSHIP), // CannotAddMembersToDefaultTeam
            Map.entry("0x8004830c", BusinessRule.DEFAULT_TEAM_MEMBERSHIP), // CannotRemoveMembersFromDefaultTeam
            // CannotAssignRolesOrProfilesToAccessTeam: security roles and field security profiles alike
            Map.entry("0x80048331", BusinessRule.ACCESS_TEAM_CANNOT_HOLD_ROLES_OR_PROFILES),
            Map.entry("0x80040208", BusinessRule.ENTRA_GROUP_MEMBERSHIP), // manual change of a group team's members
            Map.entry("0x80048350", BusinessRule.ENTRA_GROUP_TEAM_NEEDS_INHERITABLE_ROLE),
            Map.entry("0x80041d33", BusinessRule.SPECIAL_USER), // CannotModifySpecialUser
            Map.entry("0x80041d51", BusinessRule.SUPPORT_USER_ROLES), // CannotAssignRolesToSupportUser
            Map.entry("0x80048d35", BusinessRule.ACCOUNT_DISABLED), // role assignment to a disabled user
            Map.entry("0x8004a112", BusinessRule.ACCOUNT_DISABLED), // SystemUserDisabled (answered with 403)
            Map.entry("0x80040237", BusinessRule.DUPLICATE_LINK), // DuplicateRecord
            Map.entry("0x80048d3b", BusinessRule.PRIVILEGE_ESCALATION),
            Map.entry("0x80044152", BusinessRule.INHERITED_ROLE), // RestrictInheritedRole
            Map.entry("0x80041d30", BusinessRule.LAST_SYSTEM_ADMINISTRATOR), // CannotRemoveFromSysAdmin
            Map.entry("0x80041d64", BusinessRule.TENANT_ADMINISTRATOR_KEEPS_SYSTEM_ADMINISTRATOR),
            Map.entry("0x80090911", BusinessRule.ROLE_FOR_APPLICATION_USERS_ONLY));

    /**
     * Codes of a request Dataverse could not take as sent (docs/dataverse.md §9.2, 400): a bad argument, an OData
     * parse error, an unknown segment, an unreadable payload, a write to an intersect table.
     */
    static final Set<String> MALFORMED_REQUEST = Set.of(
            "0x80040203", // InvalidArgument, e.g. the empty GUID
            "0x80060888", // OData parse error
            "0x8006088a", // resource not found for the segment
            "0x80048d19", // payload not readable
            "0x80040800"); // POST to an intersect entity set

    /** The delta token is too old: "Version stamp associated with the client has expired" (docs/dataverse.md §17). */
    static final String CHANGE_TOKEN_EXPIRED = "0x80044352";

    /**
     * The table (0x80072491) or both tables an intersect relates (0x80072492) are not enabled for change tracking
     * (docs/dataverse.md §12).
     */
    static final Set<String> CHANGE_TRACKING_OFF = Set.of("0x80072491", "0x80072492");

    /** How Dataverse words its refusal of a query option in a read with change tracking (docs/dataverse.md §12). */
    static final String NOT_WITH_CHANGE_TRACKING = "supported when Change Tracking is enabled";

    private ErrorCodes() {}

    /** Whether this code says a delta token expired. */
    static boolean changeTokenExpired(@Nullable String code) {
        return code != null && normal(code).equals(CHANGE_TOKEN_EXPIRED);
    }

    /** Whether this answer refuses change tracking for the table or for the read as asked. */
    static boolean changeTrackingRefused(@Nullable String code, @Nullable String message) {
        return (code != null && CHANGE_TRACKING_OFF.contains(normal(code)))
                || (message != null && message.contains(NOT_WITH_CHANGE_TRACKING));
    }

    /** The rule this code names, if it names one. */
    static Optional<BusinessRule> rule(@Nullable String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(RULES.get(normal(code)));
    }

    /** Whether this code says the request was malformed (as opposed to refused by a rule). */
    static boolean malformedRequest(String code) {
        return MALFORMED_REQUEST.contains(normal(code));
    }

    private static String normal(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
    }
}
