package io.accessgov.dynamics.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.audit.AuditEvent.Outcome;
import io.accessgov.dynamics.grant.GrantId.PrincipalType;
import io.accessgov.dynamics.grant.GrantId.ResourceType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** How a change's outcome reaches the caller (status) and the audit log (docs/audit.md), from one enum. */
class ChangeResultTest {

    private static final GrantId ID =
            new GrantId(ResourceType.ROLE, UUID.randomUUID(), PrincipalType.ACCOUNT, UUID.randomUUID());
    private static final Grant GRANT = new Grant(
            ID.toString(),
            new Grant.Ref("role", ID.resourceId().toString(), "Salesperson"),
            ID.entitlement(),
            new Grant.Ref("account", ID.principalId().toString(), "Jane Doe"),
            List.of(Grant.Source.DIRECT),
            true);

    @Test
    void eachOutcomeIsAnsweredAndAuditedAsDocumented() {
        assertAnswer(ChangeOutcome.CREATED, true, HttpStatus.CREATED, Outcome.CREATED);
        assertAnswer(ChangeOutcome.ALREADY_HELD, false, HttpStatus.OK, Outcome.ALREADY_HELD);
        assertAnswer(ChangeOutcome.REMOVED, true, HttpStatus.NO_CONTENT, Outcome.REVOKED);
        assertAnswer(ChangeOutcome.ALREADY_ABSENT, false, HttpStatus.NO_CONTENT, Outcome.ALREADY_ABSENT);
        assertAnswer(ChangeOutcome.REMAINS_THROUGH_TEAMS, true, HttpStatus.OK, Outcome.REVOKED);
        assertAnswer(ChangeOutcome.REMAINS_THROUGH_TEAMS, false, HttpStatus.OK, Outcome.ALREADY_ABSENT);
    }

    @Test
    void aGrantComesWithAnOutcomeThatLeavesItHeldAndOnlyThen() {
        assertThatThrownBy(() -> new ChangeResult(ChangeOutcome.CREATED, ID, null, true, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangeResult(ChangeOutcome.REMOVED, ID, GRANT, true, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertAnswer(ChangeOutcome outcome, boolean changed, HttpStatus status, Outcome audited) {
        ChangeResult result = new ChangeResult(outcome, ID, outcome.held() ? GRANT : null, changed, null);

        assertThat(GrantController.statusOf(outcome)).as("%s answered", outcome).isEqualTo(status);
        assertThat(result.audited()).as("%s audited", outcome).isEqualTo(audited);
    }
}
