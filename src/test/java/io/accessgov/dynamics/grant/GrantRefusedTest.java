package io.accessgov.dynamics.grant;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.dataverse.BusinessRule;
import io.accessgov.dynamics.dataverse.BusinessRuleViolated;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which of Dataverse's refusals are grant rules (docs/problems.md), named by rule and never by hex code. */
class GrantRefusedTest {

    private static final UUID JANE = UUID.fromString("33333333-0000-4000-8000-000000000001");

    private static final Map<BusinessRule, ProblemKind> GRANT_RULES = new EnumMap<>(Map.of(
            BusinessRule.ROLE_IN_OTHER_BUSINESS_UNIT, ProblemKind.ROLE_IN_OTHER_BUSINESS_UNIT,
            BusinessRule.ACCOUNT_DISABLED, ProblemKind.ACCOUNT_DISABLED,
            BusinessRule.SPECIAL_USER, ProblemKind.PLATFORM_MANAGED_ACCOUNT,
            BusinessRule.SUPPORT_USER_ROLES, ProblemKind.PLATFORM_MANAGED_ACCOUNT,
            BusinessRule.ACCESS_TEAM_CANNOT_HOLD_ROLES_OR_PROFILES, ProblemKind.ACCESS_TEAM_CANNOT_HOLD_ROLES,
            BusinessRule.DEFAULT_TEAM_MEMBERSHIP, ProblemKind.MEMBERSHIP_MANAGED_BY_BUSINESS_UNIT,
            BusinessRule.ENTRA_GROUP_MEMBERSHIP, ProblemKind.MEMBERSHIP_MANAGED_BY_ENTRA_GROUP));

    @ParameterizedTest
    @EnumSource(BusinessRule.class)
    void aGrantRuleIsItsConflictAndAnyOtherRuleIsLeftToTheWebLayer(BusinessRule rule) {
        Optional<GrantRefused> refused =
                GrantRefused.fromDataverse(new BusinessRuleViolated("no", rule, "0x8004ffff", "req-1"), JANE);

        if (GRANT_RULES.containsKey(rule)) {
            assertThat(refused).hasValueSatisfying(problem -> {
                assertThat(problem.kind()).isEqualTo(GRANT_RULES.get(rule));
                assertThat(problem.kind().status().value()).isEqualTo(409);
                assertThat(problem.properties())
                        .containsEntry("dataverseCode", "0x8004ffff")
                        .containsEntry("dataverseRequestId", "req-1");
            });
        } else {
            assertThat(refused).isEmpty();
        }
    }

    @Test
    void theRuleDecidesNotTheCode() {
        // a code that once stood for a default team, carried by another rule: the rule wins
        Optional<GrantRefused> refused = GrantRefused.fromDataverse(
                new BusinessRuleViolated("no", BusinessRule.ENTRA_GROUP_MEMBERSHIP, "0x8004830b", null), JANE);

        assertThat(refused).map(GrantRefused::kind).contains(ProblemKind.MEMBERSHIP_MANAGED_BY_ENTRA_GROUP);
    }

    @Test
    void anAccessTeamRefusalCoversFieldSecurityProfilesToo() {
        Optional<GrantRefused> refused = GrantRefused.fromDataverse(
                new BusinessRuleViolated("no", BusinessRule.ACCESS_TEAM_CANNOT_HOLD_ROLES_OR_PROFILES, null, null),
                JANE);

        assertThat(refused).hasValueSatisfying(problem -> {
            assertThat(problem.getMessage()).contains("security roles or field security profiles");
            assertThat(problem.properties()).doesNotContainKey("dataverseCode");
        });
    }
}
