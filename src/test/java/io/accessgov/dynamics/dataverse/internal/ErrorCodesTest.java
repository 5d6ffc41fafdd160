package io.accessgov.dynamics.dataverse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.dataverse.BusinessRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one table of Dataverse's codes: every named rule has a code, and docs/problems.md lists every rule code. */
class ErrorCodesTest {

    @Test
    void everyNamedRuleIsDecodedFromAtLeastOneCode() {
        Set<BusinessRule> decoded = EnumSet.noneOf(BusinessRule.class);
        decoded.addAll(ErrorCodes.RULES.values());

        assertThat(EnumSet.complementOf(EnumSet.copyOf(decoded))).containsExactly(BusinessRule.UNKNOWN);
    }

    @Test
    void codesCompareWithoutCaseAndUnknownOnesNameNoRule() {
        assertThat(ErrorCodes.rule("0x8004830B")).contains(BusinessRule.DEFAULT_TEAM_MEMBERSHIP);
        assertThat(ErrorCodes.rule(" 0x8004830b ")).contains(BusinessRule.DEFAULT_TEAM_MEMBERSHIP);
        assertThat(ErrorCodes.rule("0x80040265")).isEmpty();
        assertThat(ErrorCodes.rule(null)).isEmpty();
        assertThat(ErrorCodes.malformedRequest("0x80060888")).isTrue();
        assertThat(ErrorCodes.malformedRequest("0x80041409")).isFalse();
    }

    @Test
    void noCodeIsBothARuleAndAMalformedRequest() {
        assertThat(ErrorCodes.RULES.keySet()).doesNotContainAnyElementsOf(ErrorCodes.MALFORMED_REQUEST);
    }

    @Test
    void docsProblemsListsEveryRuleCode() throws IOException {
        String page = Files.readString(Path.of("docs/problems.md")).toLowerCase(Locale.ROOT);

        ErrorCodes.RULES.keySet().forEach(code -> assertThat(page).as(code).contains("`" + code + "`"));
    }
}
