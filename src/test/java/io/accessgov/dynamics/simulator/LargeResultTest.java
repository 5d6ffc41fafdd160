package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LargeResultTest {

    static DataverseSimulator simulator;
    static SimulatorClient client;

    @BeforeAll
    static void start() {
        OrganisationSeed seed = OrganisationSeed.generated()
                .users(6_000)
                .businessUnits(3)
                .logicalRoles(5)
                .teams(10)
                .userRoleLinks(6_000)
                .memberships(100)
                .build();
        simulator = DataverseSimulator.start(SimulatorOptions.defaults().withSeed(seed));
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void withoutPreferAPageHoldsAtMost5000Rows() {
        JsonNode first = json(client.get("systemusers?$select=fullname").body());
        assertThat(first.get("value").size()).isEqualTo(5_000);
        String next = first.get("@odata.nextLink").stringValue();
        JsonNode second = json(client.getUrl(next).body());
        assertThat(second.get("value").size()).isEqualTo(simulator.state().count("systemusers") - 5_000);
        assertThat(second.has("@odata.nextLink")).isFalse();
    }

    @Test
    void countStopsAt5000AndTheAnnotationsSaySo() {
        HttpResponse<String> response = client.get(
                "systemusers?$select=fullname&$count=true",
                "Prefer",
                "odata.maxpagesize=10,odata.include-annotations=\"Microsoft.Dynamics.CRM.totalrecordcount,"
                        + "Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded\"");
        JsonNode body = json(response.body());
        assertThat(body.get("@odata.count").asInt()).isEqualTo(5_000);
        assertThat(body.get("@Microsoft.Dynamics.CRM.totalrecordcount").asInt()).isEqualTo(5_000);
        assertThat(body.get("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded")
                        .asBoolean())
                .isTrue();
        assertThat(body.get("value").size()).isEqualTo(10);
        assertThat(response.headers().firstValue("Preference-Applied").orElseThrow())
                .contains("odata.maxpagesize=10", "odata.include-annotations=");
    }

    @Test
    void countBelowTheLimitIsExact() {
        JsonNode body = json(client.get(
                        "businessunits?$select=name&$count=true",
                        "Prefer",
                        "odata.include-annotations=\"Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded\"")
                .body());
        assertThat(body.get("@odata.count").asInt()).isEqualTo(3);
        assertThat(body.get("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded")
                        .asBoolean())
                .isFalse();
    }
}
