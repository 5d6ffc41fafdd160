package io.accessgov.dynamics.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.accessgov.dynamics.audit.AuditEvent.Outcome;
import io.accessgov.dynamics.dataverse.AccessMode;
import io.accessgov.dynamics.dataverse.BusinessRule;
import io.accessgov.dynamics.dataverse.BusinessRuleViolated;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.LinkChange;
import io.accessgov.dynamics.dataverse.SecurityRole;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamMembership;
import io.accessgov.dynamics.dataverse.TeamRoleLink;
import io.accessgov.dynamics.dataverse.TeamType;
import io.accessgov.dynamics.dataverse.UserRoleLink;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.environment.TestEnvironments;
import io.accessgov.dynamics.grant.GrantId.PrincipalType;
import io.accessgov.dynamics.grant.GrantId.ResourceType;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decisions of a grant or revoke that the simulator's demo organisation cannot reach. */
class GrantChangesTest {

    private static final UUID ROOT_UNIT = UUID.fromString("11111111-0000-4000-8000-000000000001");
    private static final UUID SALES = UUID.fromString("11111111-0000-4000-8000-000000000002");
    private static final UUID ROOT_ROLE = UUID.fromString("22222222-0000-4000-8000-000000000001");
    private static final UUID SALES_COPY = UUID.fromString("22222222-0000-4000-8000-000000000002");
    private static final UUID JANE = UUID.fromString("33333333-0000-4000-8000-000000000001");

    private final DataverseClient dataverse = mock(DataverseClient.class);
    private final Environment environment = TestEnvironments.single(dataverse);
    private final GrantService grants = mock(GrantService.class);
    private final GrantChanges changes = new GrantChanges(environment, grants, GrantLocks.inThisProcess());
    private final SystemUser jane = user(JANE, SALES);

    @BeforeEach
    void world() {
        when(dataverse.findUser(JANE)).thenReturn(Optional.of(jane));
        when(dataverse.findRole(ROOT_ROLE)).thenReturn(Optional.of(role(ROOT_ROLE, ROOT_UNIT)));
        when(dataverse.roleCopies(ROOT_ROLE)).thenReturn(List.of(role(ROOT_ROLE, ROOT_UNIT), role(SALES_COPY, SALES)));
        when(dataverse.userRolesOfUser(JANE)).thenReturn(List.of());
        when(grants.get(any(), any())).thenAnswer(call -> grant(call.getArgument(1)));
    }

    @Test
    void aRoleWithoutACopyInTheAccountsBusinessUnitIsAConflictAndNothingIsSent() {
        when(dataverse.roleCopies(ROOT_ROLE)).thenReturn(List.of(role(ROOT_ROLE, ROOT_UNIT)));

        assertThatThrownBy(() -> changes.grant(request(null), new ChangeAttempt()))
                .isInstanceOfSatisfying(GrantRefused.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ProblemKind.ROLE_COPY_MISSING_IN_BUSINESS_UNIT);
                    assertThat(refused.properties()).containsEntry("businessUnitId", SALES.toString());
                });
        verify(dataverse, never()).assignRoleToUser(any(), any());
    }

    @Test
    void aBusinessUnitAskedForThatDoesNotExistIsNotFound() {
        UUID nowhere = UUID.fromString("11111111-0000-4000-8000-0000000000ff");
        when(dataverse.findBusinessUnit(nowhere)).thenReturn(Optional.empty());

        assertThatThrownBy(() -> changes.grant(request(nowhere), new ChangeAttempt()))
                .isInstanceOfSatisfying(GrantSubjectNotFound.class, missing -> assertThat(missing.kind())
                        .isEqualTo(ProblemKind.BUSINESS_UNIT_NOT_FOUND));
        verify(dataverse, never()).assignRoleToUser(any(), any());
    }

    @Test
    void aDuplicateLinkDataverseReportsIsAlreadyHeld() {
        when(dataverse.assignRoleToUser(JANE, SALES_COPY))
                .thenReturn(new LinkChange(LinkChange.Outcome.ALREADY_DONE, "req-1", 1, false));

        ChangeResult result = changes.grant(request(null), new ChangeAttempt());

        assertThat(result.outcome()).isEqualTo(ChangeOutcome.ALREADY_HELD);
        assertThat(result.audited()).isEqualTo(Outcome.ALREADY_HELD);
        assertThat(result.grant()).isNotNull();
        assertThat(result.dataverseRequestId()).isEqualTo("req-1");
    }

    @Test
    void aCreatedGrantIsNamedByItsRootRoleAndCarriesTheRequestId() {
        when(dataverse.findRole(SALES_COPY)).thenReturn(Optional.of(role(SALES_COPY, SALES)));
        when(dataverse.assignRoleToUser(JANE, SALES_COPY))
                .thenReturn(new LinkChange(LinkChange.Outcome.CHANGED, "req-2", 1, false));
        ChangeAttempt attempt = new ChangeAttempt();

        ChangeResult result = changes.grant(
                new GrantRequest(ResourceType.ROLE, SALES_COPY, PrincipalType.ACCOUNT, JANE, null), attempt);

        assertThat(result.outcome()).isEqualTo(ChangeOutcome.CREATED);
        assertThat(result.audited()).isEqualTo(Outcome.CREATED);
        assertThat(result.id()).isEqualTo(new GrantId(ResourceType.ROLE, ROOT_ROLE, PrincipalType.ACCOUNT, JANE));
        assertThat(attempt.grantId()).isEqualTo(result.id());
        assertThat(result.dataverseRequestId()).isEqualTo("req-2");
    }

    @Test
    void aBusinessRuleThisServiceDoesNotKnowPassesUnchanged() {
        BusinessRuleViolated unknown = new BusinessRuleViolated("no", BusinessRule.UNKNOWN, "0x80040265", "req-3");
        when(dataverse.assignRoleToUser(JANE, SALES_COPY)).thenThrow(unknown);

        assertThatThrownBy(() -> changes.grant(request(null), new ChangeAttempt()))
                .isSameAs(unknown);
    }

    @Test
    void everyDirectlyHeldCopyIsRemovedOnRevoke() {
        when(dataverse.userRolesOfUser(JANE))
                .thenReturn(List.of(new UserRoleLink(JANE, SALES_COPY), new UserRoleLink(JANE, ROOT_ROLE)));
        when(dataverse.membershipsOfUser(JANE)).thenReturn(List.of());
        when(dataverse.removeRoleFromUser(any(), any()))
                .thenReturn(new LinkChange(LinkChange.Outcome.CHANGED, "req-4", 1, false));

        ChangeResult result = changes.revoke(
                new GrantId(ResourceType.ROLE, ROOT_ROLE, PrincipalType.ACCOUNT, JANE), new ChangeAttempt());

        assertThat(result.outcome()).isEqualTo(ChangeOutcome.REMOVED);
        assertThat(result.audited()).isEqualTo(Outcome.REVOKED);
        assertThat(result.grant()).isNull();
        verify(dataverse).removeRoleFromUser(JANE, SALES_COPY);
        verify(dataverse).removeRoleFromUser(JANE, ROOT_ROLE);
    }

    @Test
    void aRemovalDataverseFoundAlreadyDoneIsAlreadyAbsent() {
        when(dataverse.userRolesOfUser(JANE)).thenReturn(List.of(new UserRoleLink(JANE, SALES_COPY)));
        when(dataverse.membershipsOfUser(JANE)).thenReturn(List.of());
        when(dataverse.removeRoleFromUser(JANE, SALES_COPY))
                .thenReturn(new LinkChange(LinkChange.Outcome.ALREADY_DONE, null, 1, false));

        ChangeResult result = changes.revoke(
                new GrantId(ResourceType.ROLE, ROOT_ROLE, PrincipalType.ACCOUNT, JANE), new ChangeAttempt());

        assertThat(result.outcome()).isEqualTo(ChangeOutcome.ALREADY_ABSENT);
        assertThat(result.audited()).isEqualTo(Outcome.ALREADY_ABSENT);
        assertThat(result.grant()).isNull();
    }

    @Test
    void aDirectAssignmentRemovedWhileATeamStillGivesTheRoleRemainsThroughTeams() {
        UUID team = UUID.fromString("44444444-0000-4000-8000-000000000001");
        when(dataverse.userRolesOfUser(JANE)).thenReturn(List.of(new UserRoleLink(JANE, SALES_COPY)));
        when(dataverse.membershipsOfUser(JANE)).thenReturn(List.of(new TeamMembership(team, JANE)));
        when(dataverse.teamRolesOfTeams(any())).thenReturn(List.of(new TeamRoleLink(team, SALES_COPY)));
        when(dataverse.teamsById(any()))
                .thenReturn(List.of(
                        new Team(team, "Sales EMEA", TeamType.OWNER, SALES, "Sales", false, null, null, JANE, null)));
        when(dataverse.removeRoleFromUser(JANE, SALES_COPY))
                .thenReturn(new LinkChange(LinkChange.Outcome.CHANGED, "req-5", 1, false))
                .thenReturn(new LinkChange(LinkChange.Outcome.ALREADY_DONE, null, 1, true));
        GrantId id = new GrantId(ResourceType.ROLE, ROOT_ROLE, PrincipalType.ACCOUNT, JANE);

        ChangeResult removed = changes.revoke(id, new ChangeAttempt());
        ChangeResult foundGone = changes.revoke(id, new ChangeAttempt());

        assertThat(removed.outcome()).isEqualTo(ChangeOutcome.REMAINS_THROUGH_TEAMS);
        assertThat(removed.grant()).isNotNull();
        assertThat(removed.audited()).isEqualTo(Outcome.REVOKED);
        assertThat(removed.dataverseRequestId()).isEqualTo("req-5");
        assertThat(foundGone.outcome()).isEqualTo(ChangeOutcome.REMAINS_THROUGH_TEAMS);
        assertThat(foundGone.audited())
                .as("nothing was changed by the second attempt")
                .isEqualTo(Outcome.ALREADY_ABSENT);
    }

    private static GrantRequest request(UUID businessUnitId) {
        return new GrantRequest(ResourceType.ROLE, ROOT_ROLE, PrincipalType.ACCOUNT, JANE, businessUnitId);
    }

    private static Grant grant(GrantId id) {
        return new Grant(
                id.toString(),
                new Grant.Ref("role", id.resourceId().toString(), "Salesperson"),
                id.entitlement(),
                new Grant.Ref("account", id.principalId().toString(), "Jane Doe"),
                List.of(Grant.Source.DIRECT),
                true);
    }

    private static SecurityRole role(UUID id, UUID unit) {
        return new SecurityRole(
                id,
                "Salesperson",
                unit,
                null,
                id.equals(ROOT_ROLE) ? null : ROOT_ROLE,
                ROOT_ROLE,
                null,
                null,
                true,
                false,
                null);
    }

    private static SystemUser user(UUID id, UUID unit) {
        return new SystemUser(
                id,
                "Jane Doe",
                "Jane",
                "Doe",
                "jane.doe@contoso.com",
                "jane.doe@contoso.com",
                false,
                AccessMode.READ_WRITE,
                UUID.randomUUID(),
                null,
                unit,
                "Sales",
                true,
                true,
                false,
                0,
                0,
                null,
                null,
                null);
    }
}
