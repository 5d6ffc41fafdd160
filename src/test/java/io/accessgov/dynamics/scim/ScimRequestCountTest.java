package io.accessgov.dynamics.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import io.accessgov.dynamics.simulator.SimulatorState.Link;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code userName eq} and {@code externalId eq} are Dataverse queries, never scans: finding a user costs one request,
 * and the same number, roles included, in an organisation ten times larger (docs/scim.md, "What it costs").
 */
class ScimRequestCountTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aLookupByUserNameCostsTheSameRequestsInATenTimesLargerOrganisation() {
        Counts small = countsFor(OrganisationSeed.generated()
                .users(300)
                .teams(30)
                .userRoleLinks(900)
                .memberships(600)
                .build());
        Counts large = countsFor(OrganisationSeed.generated()
                .users(3_000)
                .teams(300)
                .userRoleLinks(9_000)
                .memberships(6_000)
                .build());

        assertThat(small.withoutRoles()).isEqualTo(1);
        assertThat(large.withoutRoles()).isEqualTo(1);
        assertThat(small.byExternalId()).isEqualTo(1);
        assertThat(large.byExternalId()).isEqualTo(1);
        assertThat(small.withRoles()).isGreaterThan(1).isEqualTo(large.withRoles());
    }

    /**
     * @param withoutRoles requests for {@code userName eq} with {@code excludedAttributes=roles}
     * @param byExternalId requests for {@code externalId eq} with {@code attributes=userName}
     * @param withRoles requests for {@code userName eq} returning the whole user, roles included
     */
    private record Counts(int withoutRoles, int byExternalId, int withRoles) {}

    private static Counts countsFor(OrganisationSeed seed) {
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
            UUID id = anAccountWithRolesAndTeams(simulator);
            JsonNode account = get(port, "/api/v1/accounts/" + id); // signs in: token requests are not the question
            String userName = account.get("username").asString();
            String objectId = account.get("entraObjectId").asString();

            simulator.requests().clear();
            JsonNode lean = get(
                    port,
                    "/scim/v2/Users?excludedAttributes=roles&filter=" + encode("userName eq \"" + userName + "\""));
            int withoutRoles = simulator.requests().dataverse().size();

            simulator.requests().clear();
            JsonNode byObjectId = get(
                    port, "/scim/v2/Users?attributes=userName&filter=" + encode("externalId eq \"" + objectId + "\""));
            int byExternalId = simulator.requests().dataverse().size();

            simulator.requests().clear();
            JsonNode full = get(port, "/scim/v2/Users?filter=" + encode("userName eq \"" + userName + "\""));
            int withRoles = simulator.requests().dataverse().size();

            assertThat(lean.at("/Resources/0/id").asString()).isEqualTo(id.toString());
            assertThat(byObjectId.at("/Resources/0/id").asString()).isEqualTo(id.toString());
            assertThat(full.at("/Resources/0/roles").size()).isGreaterThan(1);
            return new Counts(withoutRoles, byExternalId, withRoles);
        }
    }

    /** A human with direct roles and at least two teams, so that every kind of link is read. */
    private static UUID anAccountWithRolesAndTeams(DataverseSimulator simulator) {
        Set<UUID> withRoles =
                simulator.state().userRoles().stream().map(Link::left).collect(Collectors.toSet());
        Map<UUID, Long> teams = simulator.state().memberships().stream()
                .collect(Collectors.groupingBy(Link::left, Collectors.counting()));
        return simulator.state().rows("systemusers").stream()
                .filter(user -> ((Number) user.get("accessmode")).intValue() == 0
                        && user.get("applicationid") == null
                        && user.get("azureactivedirectoryobjectid") != null
                        && !Boolean.TRUE.equals(user.get("isintegrationuser"))
                        && !Integer.valueOf(2).equals(user.get("systemmanagedusertype")))
                .map(user -> (UUID) user.get("systemuserid"))
                .filter(withRoles::contains)
                .filter(user -> teams.getOrDefault(user, 0L) >= 2)
                .sorted()
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode get(int port, String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return ScimService.parse(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
