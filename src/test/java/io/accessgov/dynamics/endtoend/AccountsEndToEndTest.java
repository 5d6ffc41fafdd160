package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.RecordedRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The service against its embedded simulator, over HTTP on both sides: every account, across many pages. */
class AccountsEndToEndTest {

    abstract static class AgainstTheSimulator {

        @LocalServerPort
        int port;

        @Autowired
        DataverseSimulator simulator;

        ServiceHttp http;

        @BeforeEach
        void connect() {
            http = new ServiceHttp(port);
        }

        /** Raw systemuser rows of the simulator, by id, with the type the contract gives each. */
        Map<String, String> expectedTypes() {
            Map<String, String> types = new HashMap<>();
            for (Map<String, Object> row : simulator.state().rows("systemusers")) {
                types.put(row.get("systemuserid").toString(), ExpectedAccounts.typeOf(row, Set.of()));
            }
            return types;
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
    class WithTheSystemAccountToggleOff extends AgainstTheSimulator {

        @Test
        void listsEveryHumanAccountExactlyOnceAcrossPages() {
            simulator.requests().clear();

            ServiceHttp.Listing listing = http.listAll("/api/v1/accounts", "pageSize=7");

            Set<String> humans = expectedTypes().entrySet().stream()
                    .filter(entry -> entry.getValue().equals("HUMAN"))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertThat(humans).hasSizeGreaterThan(40);
            assertThat(listing.ids()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(humans);
            assertThat(listing.pages()).isEqualTo((humans.size() + 6) / 7);
            assertThat(listing.items())
                    .allMatch(item -> item.get("accountType").asString().equals("HUMAN"));
            assertThat(simulator.requests().dataverse())
                    .extracting(RecordedRequest::rawQuery)
                    .noneMatch(query -> query != null && query.contains("$skip="));
        }

        @Test
        void systemAndServiceAccountsDoNotExist() {
            Map<String, String> types = expectedTypes();
            String systemAccount = types.entrySet().stream()
                    .filter(entry -> entry.getValue().equals("SYSTEM"))
                    .findFirst()
                    .orElseThrow()
                    .getKey();

            assertThat(http.get("/api/v1/accounts/" + systemAccount).statusCode())
                    .isEqualTo(404);
            assertThat(http.json("/api/v1/accounts?accountType=SERVICE").get("items"))
                    .isEmpty();
        }

        @Test
        void searchIsDataNeverQuerySyntax() {
            assertThat(http.json("/api/v1/accounts?search=o'brien").get("items"))
                    .extracting(item -> item.get("lastName").asString())
                    .containsExactly("O'Brien");
            for (String hostile : new String[] {"' or 1 eq 1 or '", "%27", ")", "$filter=", "_", "%"}) {
                JsonNode page = http.json("/api/v1/accounts?search="
                        + java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8));
                assertThat(page.get("items")).as("search %s", hostile).isEmpty();
            }
        }
    }

    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"server.address=127.0.0.1", "dynamics.include-system-accounts=true"})
    class WithTheSystemAccountToggleOn extends AgainstTheSimulator {

        @Test
        void listsEveryAccountClassifiedAcrossPages() {
            ServiceHttp.Listing listing = http.listAll("/api/v1/accounts", "pageSize=9");

            Map<String, String> expected = expectedTypes();
            Map<String, String> listed = listing.items().stream()
                    .collect(Collectors.toMap(item -> item.get("id").asString(), item -> item.get("accountType")
                            .asString()));
            assertThat(listing.ids()).doesNotHaveDuplicates();
            assertThat(listed).isEqualTo(expected);
            assertThat(listed.values()).contains("HUMAN", "SERVICE", "SYSTEM");
        }

        @Test
        void filtersByTypeInDataverse() {
            ServiceHttp.Listing system = http.listAll("/api/v1/accounts", "accountType=SYSTEM&pageSize=3");

            Set<String> expected = expectedTypes().entrySet().stream()
                    .filter(entry -> entry.getValue().equals("SYSTEM"))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertThat(system.ids()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(system.pages()).isEqualTo((expected.size() + 2) / 3);
        }
    }
}
