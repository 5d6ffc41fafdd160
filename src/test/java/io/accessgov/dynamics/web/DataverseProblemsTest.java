package io.accessgov.dynamics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.dataverse.BusinessRule;
import io.accessgov.dynamics.dataverse.BusinessRuleViolated;
import io.accessgov.dynamics.dataverse.DataverseAccessDenied;
import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.DataverseThrottled;
import io.accessgov.dynamics.dataverse.DataverseTimedOut;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.dataverse.InvalidContinuation;
import io.accessgov.dynamics.dataverse.RecordNotFound;
import io.accessgov.dynamics.dataverse.SignInFailed;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;

class DataverseProblemsTest {

    /** What Dataverse said: may name internal URLs, so it must not reach the caller. */
    static final String RAW = "raw text from https://contoso.crm.dynamics.com/api/data/v9.2/x?token=abc";

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new RecordNotFound(RAW, "0x80040217", "r"), 404, "record-not-found", null),
                Arguments.of(
                        new DataverseThrottled(RAW, Duration.ofMillis(1500), null, "r"),
                        503,
                        "dataverse-throttled",
                        "2"),
                Arguments.of(
                        new DataverseThrottled(RAW, Duration.ofSeconds(20), null, "r"),
                        503,
                        "dataverse-throttled",
                        "20"),
                Arguments.of(new DataverseThrottled(RAW, null, null, "r"), 503, "dataverse-throttled", "5"),
                Arguments.of(
                        new DataverseUnavailable(RAW, Duration.ofMillis(1), null, null),
                        503,
                        "dataverse-unavailable",
                        "1"),
                Arguments.of(new DataverseUnavailable(RAW, null, null, null), 503, "dataverse-unavailable", "5"),
                Arguments.of(new DataverseTimedOut(RAW, null), 504, "dataverse-timed-out", null),
                Arguments.of(new DataverseAccessDenied(RAW, "0x80040220", "r"), 502, "dataverse-access-denied", null),
                Arguments.of(new SignInFailed(RAW, "AADSTS7000215", null), 502, "dataverse-sign-in-failed", null),
                Arguments.of(
                        new DataverseRejectedRequest(RAW, "0x80060888", "r"), 502, "dataverse-rejected-request", null),
                Arguments.of(
                        new BusinessRuleViolated(
                                RAW, BusinessRule.ACCESS_TEAM_CANNOT_HOLD_ROLES_OR_PROFILES, "0x80048331", "r"),
                        409,
                        "business-rule-violated",
                        null),
                Arguments.of(
                        new BusinessRuleViolated(RAW, BusinessRule.DEFAULT_TEAM_MEMBERSHIP, "0x8004830B", "r"),
                        409,
                        "business-rule-violated",
                        null),
                Arguments.of(
                        new BusinessRuleViolated(RAW, BusinessRule.PRIVILEGE_ESCALATION, "0x80048d3b", "r"),
                        502,
                        "dataverse-access-denied",
                        null),
                Arguments.of(
                        new BusinessRuleViolated(RAW, BusinessRule.UNKNOWN, "0x80049999", "r"),
                        502,
                        "dataverse-refused-change",
                        null),
                Arguments.of(
                        new BusinessRuleViolated(RAW, BusinessRule.UNKNOWN, null, "r"),
                        502,
                        "dataverse-refused-change",
                        null),
                Arguments.of(new InvalidContinuation(RAW, null, null), 400, "invalid-page-token", null));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void mapsEveryDataverseFailureToItsStatusAndKind(
            DataverseException failure, int status, String kind, String retryAfter) {
        DataverseProblems.Answer answer = DataverseProblems.answer(failure, "/api/v1/accounts");

        assertThat(answer.problem().getStatus()).isEqualTo(status);
        assertThat(answer.problem().getType()).hasToString("urn:dynamics365-connector:problem:" + kind);
        assertThat(answer.problem().getInstance()).hasToString("/api/v1/accounts");
        assertThat(answer.problem().getDetail())
                .doesNotContain(RAW)
                .doesNotContain("contoso")
                .isNotBlank();
        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(retryAfter);
    }

    @ParameterizedTest
    @MethodSource("failures")
    void passesOnDataverseCodeAndRequestIdButNotItsMessage(DataverseException failure) {
        var problem = DataverseProblems.answer(failure, "/x").problem();

        assertThat(
                        problem.getProperties() == null
                                ? null
                                : problem.getProperties().get("dataverseCode"))
                .isEqualTo(failure.dataverseCode().orElse(null));
        assertThat(
                        problem.getProperties() == null
                                ? null
                                : problem.getProperties().get("dataverseRequestId"))
                .isEqualTo(failure.requestId().orElse(null));
    }

    @ParameterizedTest
    @EnumSource(BusinessRule.class)
    void everyRuleTheCurrentStateBreaksIsAConflictThatSaysWhy(BusinessRule rule) {
        var problem = DataverseProblems.answer(new BusinessRuleViolated(RAW, rule, "0x8004ffff", "r"), "/x")
                .problem();

        switch (rule) {
            case PRIVILEGE_ESCALATION ->
                assertThat(problem.getType()).hasToString("urn:dynamics365-connector:problem:dataverse-access-denied");
            case UNKNOWN ->
                assertThat(problem.getType()).hasToString("urn:dynamics365-connector:problem:dataverse-refused-change");
            default -> {
                assertThat(problem.getStatus()).isEqualTo(409);
                assertThat(problem.getType()).hasToString("urn:dynamics365-connector:problem:business-rule-violated");
                assertThat(problem.getDetail())
                        .startsWith("Dataverse refused the change: ")
                        .endsWith(".");
            }
        }
        assertThat(problem.getProperties()).containsEntry("dataverseCode", "0x8004ffff");
    }

    @org.junit.jupiter.api.Test
    void anAccessTeamRefusalNamesRolesAndFieldSecurityProfiles() {
        var problem = DataverseProblems.answer(
                        new BusinessRuleViolated(
                                RAW, BusinessRule.ACCESS_TEAM_CANNOT_HOLD_ROLES_OR_PROFILES, "0x80048331", "r"),
                        "/x")
                .problem();

        assertThat(problem.getDetail()).contains("security roles or field security profiles");
    }

    @org.junit.jupiter.api.Test
    void roundsRetryAfterUpToWholeSecondsAndNeverBelowOne() {
        assertThat(DataverseProblems.seconds(Duration.ZERO)).isEqualTo(1);
        assertThat(DataverseProblems.seconds(Duration.ofMillis(1000))).isEqualTo(1);
        assertThat(DataverseProblems.seconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(DataverseProblems.seconds(Duration.ofMinutes(5))).isEqualTo(300);
    }
}
