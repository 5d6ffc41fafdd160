package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * For one principal, the number of Dataverse requests does not depend on how many other accounts and teams the
 * environment has: the same question costs the same in an organisation ten times larger.
 */
class GrantsRequestCountTest {

    @Test
    void oneAccountsGrantsCostTheSameRequestsInATenTimesLargerOrganisation() {
        long small = requestsForOneAccountsGrants(OrganisationSeed.generated()
                .users(300)
                .teams(30)
                .userRoleLinks(900)
                .memberships(600)
                .build());
        long large = requestsForOneAccountsGrants(OrganisationSeed.generated()
                .users(3_000)
                .teams(300)
                .userRoleLinks(9_000)
                .memberships(6_000)
                .build());

        assertThat(small).isPositive().isEqualTo(large);
    }

    private static long requestsForOneAccountsGrants(OrganisationSeed seed) {
        try (DataverseSimulator simulator =
                        DataverseSimulator.start(SimulatorOptions.defaults().withSeed(seed));
                ConfigurableApplicationContext service = new SpringApplicationBuilder(Application.class)
                        .run(
                                "--server.port=0",
                                "--server.address=127.0.0.1",
                                "--dynamics.environment-url=" + simulator.environmentUrl(),
                                "--dynamics.authority-url=" + simulator.authorityUrl(),
                                "--dynamics.tenant-id=" + simulator.tenantId(),
                                "--dynamics.client-id=" + simulator.clientId(),
                                "--dynamics.client-secret=" + simulator.clientSecret(),
                                "--connector.security.allow-anonymous=true")) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            UUID account = anAccountWithRolesAndTeams(simulator);
            ServiceHttp http = new ServiceHttp(port);
            http.json("/api/v1/accounts/" + account); // sign in first: token requests are not the question here

            simulator.requests().clear();
            int grants = http.listAll(
                            "/api/v1/grants", "principalType=account&principalId=" + account + "&pageSize=1000")
                    .items()
                    .size();

            assertThat(grants).isGreaterThan(2);
            return simulator.requests().dataverse().size();
        }
    }

    /** A human with direct roles and at least two teams, so that every kind of link is read. */
    private static UUID anAccountWithRolesAndTeams(DataverseSimulator simulator) {
        Set<UUID> withRoles =
                simulator.state().userRoles().stream().map(Link::left).collect(Collectors.toSet());
        Map<UUID, Long> teams = simulator.state().memberships().stream()
                .collect(Collectors.groupingBy(Link::left, Collectors.counting()));
        return simulator.state().rows("systemusers").stream()
                .filter(user -> ExpectedAccounts.typeOf(user, Set.of()).equals("HUMAN"))
                .map(user -> (UUID) user.get("systemuserid"))
                .filter(withRoles::contains)
                .filter(user -> teams.getOrDefault(user, 0L) >= 2)
                .sorted()
                .findFirst()
                .orElseThrow();
    }
}
