package io.accessgov.dynamics.grant;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.grant.AccessFacts.AccountFacts;
import io.accessgov.dynamics.grant.AccessFacts.Link;
import io.accessgov.dynamics.grant.AccessFacts.RoleFacts;
import io.accessgov.dynamics.grant.AccessFacts.TeamFacts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GrantAssemblerTest {

    private final UUID salespersonRoot = UUID.randomUUID();
    private final UUID salespersonInSales = UUID.randomUUID();
    private final UUID salespersonInService = UUID.randomUUID();
    private final UUID jane = UUID.randomUUID();
    private final UUID bot = UUID.randomUUID();
    private final UUID emea = UUID.randomUUID();
    private final UUID leads = UUID.randomUUID();
    private final UUID entraGroup = UUID.randomUUID();

    private final Map<UUID, RoleFacts> roles = Map.of(
            salespersonRoot, new RoleFacts(salespersonRoot, "Salesperson"),
            salespersonInSales, new RoleFacts(salespersonRoot, "Salesperson"),
            salespersonInService, new RoleFacts(salespersonRoot, "Salesperson"));
    private final Map<UUID, TeamFacts> teams = Map.of(
            emea, new TeamFacts(emea, "Sales EMEA", false),
            leads, new TeamFacts(leads, "Lead Desk", false),
            entraGroup, new TeamFacts(entraGroup, "All Sellers (Entra)", true));
    private final Map<UUID, AccountFacts> accounts = Map.of(jane, new AccountFacts(jane, "Jane Doe", false));

    @Test
    void anAccountHoldingARoleDirectlyAndThroughTwoTeamsHasOneGrantWithThreeSources() {
        List<Grant> grants = GrantAssembler.assemble(new AccessFacts(
                roles,
                teams,
                accounts,
                List.of(new Link(jane, salespersonInSales)),
                List.of(new Link(emea, salespersonInSales), new Link(leads, salespersonInService)),
                List.of(new Link(emea, jane), new Link(leads, jane))));

        Grant role = only(grants, "role:" + salespersonRoot + ":assigned:account:" + jane);
        assertThat(role.sources())
                .extracting(Grant.Source::type, Grant.Source::displayName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("direct", null),
                        org.assertj.core.groups.Tuple.tuple("team", "Lead Desk"),
                        org.assertj.core.groups.Tuple.tuple("team", "Sales EMEA"));
        assertThat(role.revocable()).isTrue();
        assertThat(role.resource()).isEqualTo(new Grant.Ref("role", salespersonRoot.toString(), "Salesperson"));
    }

    @Test
    void aRoleHeldOnlyThroughATeamIsNotRevocable() {
        List<Grant> grants = GrantAssembler.assemble(new AccessFacts(
                roles,
                teams,
                accounts,
                List.of(),
                List.of(new Link(emea, salespersonInSales)),
                List.of(new Link(emea, jane))));

        Grant role = only(grants, "role:" + salespersonRoot + ":assigned:account:" + jane);
        assertThat(role.sources()).extracting(Grant.Source::id).containsExactly(emea.toString());
        assertThat(role.revocable()).isFalse();
        assertThat(only(grants, "role:" + salespersonRoot + ":assigned:team:" + emea)
                        .revocable())
                .isTrue();
        assertThat(only(grants, "team:" + emea + ":member:account:" + jane).sources())
                .containsExactly(Grant.Source.DIRECT);
    }

    @Test
    void membershipOfATeamManagedElsewhereIsNotRevocable() {
        List<Grant> grants = GrantAssembler.assemble(
                new AccessFacts(roles, teams, accounts, List.of(), List.of(), List.of(new Link(entraGroup, jane))));

        assertThat(only(grants, "team:" + entraGroup + ":member:account:" + jane)
                        .revocable())
                .isFalse();
    }

    @Test
    void aPlatformManagedAccountsGrantsAreNeverRevocable() {
        List<Grant> grants = GrantAssembler.assemble(new AccessFacts(
                roles,
                teams,
                Map.of(bot, new AccountFacts(bot, "# bap_sa", true)),
                List.of(new Link(bot, salespersonInSales)),
                List.of(),
                List.of(new Link(emea, bot))));

        assertThat(grants).hasSize(2).noneMatch(Grant::revocable);
    }

    @Test
    void accountsOutOfScopeNeverAppear() {
        List<Grant> grants = GrantAssembler.assemble(new AccessFacts(
                roles,
                teams,
                accounts,
                List.of(new Link(bot, salespersonInSales)),
                List.of(new Link(emea, salespersonInSales)),
                List.of(new Link(emea, bot))));

        assertThat(grants).extracting(Grant::id).containsExactly("role:" + salespersonRoot + ":assigned:team:" + emea);
    }

    private static Grant only(List<Grant> grants, String id) {
        return grants.stream()
                .filter(grant -> grant.id().equals(id))
                .reduce((a, b) -> {
                    throw new AssertionError("grant " + id + " appears twice");
                })
                .orElseThrow(() -> new AssertionError("no grant " + id + " in " + grants));
    }
}
