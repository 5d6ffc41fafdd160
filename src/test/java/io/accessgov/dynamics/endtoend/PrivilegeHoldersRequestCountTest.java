package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * "Who can delete accounts organisation-wide?" costs requests in proportion to the answer (docs/api.md §10): in an
 * organisation ten times larger, with ten times the holders, the requests grow with the holders in chunks of 50 ids,
 * not with the accounts that can delete only their own accounts, and never one per account.
 */
class PrivilegeHoldersRequestCountTest {

    private static final int PAGE = 100;
    private static final String QUESTION = "table=account&access=DELETE&minDepth=ORGANIZATION&pageSize=1000";

    @Test
    void theRequestsGrowWithTheHoldersNotWithTheOrganisationAndAPageCostsInProportionToThePage() {
        Cost small = costOf(organisation(2_000));
        Cost large = costOf(organisation(20_000));

        assertThat(small.holders()).isBetween(50, 150); // about 5 % of the people
        assertThat(large.holders()).isBetween(10 * small.holders() / 2, 10 * small.holders() * 2);
        // a dozen reads of the privilege, its roles and their holders' links, then per 50 holders one read each of
        // their accounts, roles and memberships (a chunk more for holders the system-account toggle leaves out)
        assertThat(small.requests()).isLessThanOrEqualTo(12 + 3 * (chunks(small.holders()) + 1));
        assertThat(large.requests()).isLessThanOrEqualTo(12 + 3 * (chunks(large.holders()) + 1));
        assertThat(large.requests()).isLessThan(large.holders() / 5);
        // a page of a long answer costs in proportion to the page: who reaches the depth is still read whole, a
        // request per 5,000 links, but only the page's 100 holders (and one more, which tells whether another page
        // follows) have their accounts, roles and memberships read
        assertThat(large.secondPageRequests()).isBetween(1, 12 + 3 * (chunks(PAGE + 1) + 1));
        assertThat(large.secondPageRequests()).isLessThan(large.requests() / 2);
    }

    private static int chunks(int ids) {
        return (ids + DataverseClient.IDS_PER_REQUEST - 1) / DataverseClient.IDS_PER_REQUEST;
    }

    private static OrganisationSeed organisation(int users) {
        return OrganisationSeed.generated()
                .users(users)
                .teams(users / 100)
                .userRoleLinks(users * 2L)
                .memberships(users * 2L)
                .globalPrivilegeShare(0.05)
                .build();
    }

    private record Cost(int holders, int requests, int secondPageRequests) {}

    private static Cost costOf(OrganisationSeed seed) {
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
            ServiceHttp http = new ServiceHttp(port);
            http.json("/api/v1/accounts?pageSize=1"); // sign in first: token requests are not the question here

            simulator.requests().clear();
            ServiceHttp.Listing holders = http.listAll("/api/v1/privilege-holders", QUESTION);

            assertThat(holders.pages()).isEqualTo(1);
            int requests = simulator.requests().dataverse().size();

            if (holders.items().size() <= 2 * PAGE) {
                return new Cost(holders.items().size(), requests, -1);
            }
            String paged = QUESTION.replace("pageSize=1000", "pageSize=" + PAGE);
            String token = http.json("/api/v1/privilege-holders?" + paged)
                    .get("nextPageToken")
                    .asString();
            simulator.requests().clear();
            JsonNode second = http.json("/api/v1/privilege-holders?" + paged + "&pageToken="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8));
            assertThat(second.get("items")).hasSize(PAGE);
            assertThat(second.get("items").get(0).get("account").get("id").asString())
                    .isEqualTo(
                            holders.items().get(PAGE).get("account").get("id").asString());
            return new Cost(
                    holders.items().size(),
                    requests,
                    simulator.requests().dataverse().size());
        }
    }
}
