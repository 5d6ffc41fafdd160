package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.errorCode;
import static io.accessgov.dynamics.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Comparing GUIDs with lt/ge, which a full sync uses to read a large table in parts, and the switch refusing it. */
class GuidRangeFilterTest {

    private static final String SPLIT = "80000000-0000-0000-0000-800000000000";
    private static final int PAGE_SIZE = 200;

    static DataverseSimulator simulator;
    static SimulatorClient client;

    @BeforeAll
    static void start() {
        OrganisationSeed seed = OrganisationSeed.generated()
                .users(300)
                .businessUnits(3)
                .logicalRoles(5)
                .teams(20)
                .userRoleLinks(100)
                .memberships(1_000)
                .build();
        simulator = DataverseSimulator.start(SimulatorOptions.defaults().withSeed(seed));
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void restoreDefault() {
        simulator.behaviour().guidRangeFilters(true);
    }

    static String memberships(String filter) {
        String query = "teammemberships?$select=teammembershipid";
        return filter == null
                ? query
                : query + "&$filter="
                        + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every teammembershipid the query returns, following every nextLink. */
    static List<String> readAll(String first) {
        List<String> ids = new ArrayList<>();
        String prefer = "odata.maxpagesize=" + PAGE_SIZE;
        HttpResponse<String> response = client.get(first, "Prefer", prefer);
        while (true) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json(response.body());
            body.get("value").forEach(row -> ids.add(row.get("teammembershipid").stringValue()));
            JsonNode next = body.get("@odata.nextLink");
            if (next == null) {
                return ids;
            }
            response = client.getUrl(next.stringValue(), "Prefer", prefer);
        }
    }

    @Test
    void complementaryKeyRangesTogetherHoldEveryRowExactlyOnce() {
        List<String> all = readAll(memberships(null));
        List<String> below = readAll(memberships("teammembershipid lt " + SPLIT));
        List<String> above = readAll(memberships("teammembershipid ge " + SPLIT));

        assertThat(all).hasSize(simulator.state().count("teammemberships")).hasSizeGreaterThan(3 * PAGE_SIZE);
        assertThat(below).as("rows below the split").isNotEmpty().hasSizeLessThan(all.size());
        assertThat(above).as("rows from the split on").isNotEmpty().hasSizeLessThan(all.size());
        List<String> together = new ArrayList<>(below);
        together.addAll(above);
        assertThat(together).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void switchedOffAGuidRangeIsRefusedButGuidEqualityStillWorks() {
        String someId = readAll(memberships(null)).get(0);
        simulator.behaviour().guidRangeFilters(false);

        for (String filter : List.of(
                "teammembershipid lt " + SPLIT,
                "teammembershipid ge " + SPLIT,
                "teammembershipid gt " + SPLIT,
                "teammembershipid le " + SPLIT)) {
            HttpResponse<String> response = client.get(memberships(filter), "Prefer", "odata.maxpagesize=10");
            assertThat(response.statusCode()).as(filter).isEqualTo(400);
            assertThat(errorCode(response)).as(filter).isEqualTo("0x80060888");
        }
        assertThat(readAll(memberships("teammembershipid eq " + someId))).containsExactly(someId);
        assertThat(readAll(memberships("teammembershipid ne " + someId)))
                .hasSize(simulator.state().count("teammemberships") - 1);
    }
}
