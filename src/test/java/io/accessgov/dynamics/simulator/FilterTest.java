package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.errorCode;
import static io.accessgov.dynamics.simulator.SimulatorClient.errorMessage;
import static io.accessgov.dynamics.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FilterTest {

    static DataverseSimulator simulator;
    static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = DataverseSimulator.start(0);
        client = new SimulatorClient(simulator);
        UUID sales = simulator.state().businessUnitId("Sales");
        simulator.state().addUser("Wild%Card", "Tester", "wild_card@contoso.com", sales);
        simulator.state().addUser("Wild", "Bracket[x]", "wild.bracket@contoso.com", sales);
        simulator.state().addUser("Wildcard", "Plain", "wildxcard@contoso.com", sales);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static HttpResponse<String> users(String filter) {
        return client.get("systemusers?$select=fullname,domainname&$filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    static List<String> names(String filter) {
        HttpResponse<String> response = users(filter);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        json(response.body())
                .get("value")
                .forEach(row -> names.add(row.get("fullname").stringValue()));
        return names;
    }

    @Test
    void stringEqualityIgnoresCase() {
        assertThat(names("fullname eq 'megan BOWEN'")).containsExactly("Megan Bowen");
    }

    @Test
    void doubledQuoteEscapesAQuote() {
        assertThat(names("lastname eq 'O''Brien'")).containsExactly("Alan O'Brien");
    }

    @Test
    void unterminatedLiteralNamesItsPosition() {
        HttpResponse<String> response = users("lastname eq 'O'Brien'");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("0x80060888");
        assertThat(errorMessage(response))
                .isEqualTo("There is an unterminated literal at position 21 in 'lastname eq 'O'Brien''.");
    }

    @Test
    void injectionThroughAQuoteDoesNotWidenTheQuery() {
        assertThat(users("fullname eq 'x' or 1 eq 1'").statusCode()).isEqualTo(400);
        assertThat(names("fullname eq 'x'' or ''1'' eq ''1'")).isEmpty();
    }

    @Test
    void booleansNullsAndAndOrNot() {
        List<String> disabled = names("isdisabled eq true");
        assertThat(disabled).contains("Thomas Becker", "Wanda Nowak").doesNotContain("Megan Bowen");
        assertThat(names("isdisabled eq true and azurestate eq 1")).containsExactly("Thomas Becker");
        assertThat(names("not (isdisabled eq false)")).containsExactlyInAnyOrderElementsOf(disabled);
        assertThat(names("applicationid ne null and startswith(domainname,'hrsync')"))
                .containsExactly("# Contoso HR Sync");
        assertThat(names("fullname eq 'SYSTEM' or fullname eq 'INTEGRATION'"))
                .containsExactlyInAnyOrder("SYSTEM", "INTEGRATION");
    }

    @Test
    void unquotedGuidsMatchLookups() {
        UUID finance = simulator.state().businessUnitId("Finance");
        assertThat(names("_businessunitid_value eq " + finance))
                .contains("Grady Archie")
                .doesNotContain("Alex Wilber");
    }

    @Test
    void chainsOfGuidEqualitiesMatchAnyOfThemWhateverTheyAreCombinedWith() {
        UUID finance = simulator.state().businessUnitId("Finance");
        UUID sales = simulator.state().businessUnitId("Sales");
        UUID nowhere = UUID.randomUUID();
        List<String> inFinance = names("_businessunitid_value eq " + finance);
        List<String> inSales = names("_businessunitid_value eq " + sales);
        List<String> inEither = new ArrayList<>(inFinance);
        inEither.addAll(inSales);

        assertThat(names("_businessunitid_value eq " + nowhere + " or _businessunitid_value eq " + finance
                        + " or (_businessunitid_value eq " + sales + ")"))
                .containsExactlyInAnyOrderElementsOf(inEither);
        // another column in the chain, a conjunction and a negation keep their meaning
        assertThat(names("_businessunitid_value eq " + finance + " or systemuserid eq " + nowhere
                        + " or fullname eq 'Megan Bowen'"))
                .containsExactlyInAnyOrderElementsOf(concat(inFinance, "Megan Bowen"));
        assertThat(names("(_businessunitid_value eq " + finance + " or _businessunitid_value eq " + sales
                        + ") and fullname eq 'Grady Archie'"))
                .containsExactly("Grady Archie");
        assertThat(names("not (_businessunitid_value eq " + finance + " or _businessunitid_value eq " + sales + ")"))
                .doesNotContainAnyElementsOf(inEither)
                .hasSize(names("systemuserid ne " + nowhere).size() - inEither.size());
    }

    private static List<String> concat(List<String> names, String more) {
        List<String> all = new ArrayList<>(names);
        if (!all.contains(more)) {
            all.add(more);
        }
        return all;
    }

    @Test
    void quotedGuidIsATypeError() {
        UUID finance = simulator.state().businessUnitId("Finance");
        HttpResponse<String> response = users("_businessunitid_value eq '" + finance + "'");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response)).contains("incompatible types", "'Edm.Guid' and 'Edm.String'");
    }

    @Test
    void version3GuidLiteralIsRefused() {
        HttpResponse<String> response = users("systemuserid eq guid'" + UUID.randomUUID() + "'");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response)).startsWith("Unrecognized 'Edm.String' literal 'guid'");
    }

    @Test
    void unquotedDatetimesCompare() {
        assertThat(names("createdon lt 2023-01-09T12:00:00Z and fullname eq 'INTEGRATION'"))
                .containsExactly("INTEGRATION");
        assertThat(names("createdon gt 2030-01-01T00:00:00Z")).isEmpty();
    }

    @Test
    void integerComparisons() {
        assertThat(names("accessmode eq 3")).containsExactly("Support User");
        assertThat(names("accessmode ge 5")).containsExactly("Delegated Admin");
    }

    @Test
    void containsStartsWithEndsWith() {
        assertThat(names("contains(fullname,'bowe')")).containsExactly("Megan Bowen");
        assertThat(names("startswith(fullname,'MEGAN')")).containsExactly("Megan Bowen");
        assertThat(names("endswith(domainname,'@microsoft.com') and accessmode eq 5"))
                .containsExactly("Delegated Admin");
    }

    @Test
    void likeWildcardsAreHonouredAsDataverseDoes() {
        assertThat(names("startswith(fullname,'Wild%Card')"))
                .containsExactlyInAnyOrder("Wild%Card Tester", "Wildcard Plain");
        assertThat(names("startswith(domainname,'wild_card')"))
                .containsExactlyInAnyOrder("Wild%Card Tester", "Wildcard Plain");
        assertThat(names("startswith(domainname,'wild[_]card')")).containsExactly("Wild%Card Tester");
        assertThat(names("startswith(fullname,'Wild[%]Card')")).containsExactly("Wild%Card Tester");
        assertThat(names("contains(fullname,'[[]x]')")).containsExactly("Wild Bracket[x]");
        assertThat(names("startswith(domainname,'wild[^_]card')")).containsExactly("Wildcard Plain");
    }

    @Test
    void inFunctionMatchesAnyValue() {
        assertThat(names("Microsoft.Dynamics.CRM.In(PropertyName='lastname',PropertyValues=[\"Bowen\",\"O'Brien\"])"))
                .containsExactlyInAnyOrder("Megan Bowen", "Alan O'Brien");
    }

    @Test
    void unknownPropertyInFilterIsNamed() {
        HttpResponse<String> response = users("FullName eq 'x'");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorMessage(response))
                .isEqualTo("Could not find a property named 'FullName' on type 'Microsoft.Dynamics.CRM.systemuser'.");
    }

    @Test
    void syntaxErrorsAreClear400s() {
        for (String bad : List.of(
                "fullname eq",
                "(fullname eq 'a'",
                "fullname eq 'a')",
                "fullname # 'a'",
                "frobnicate(fullname)",
                "fullname eq 'a' and",
                "teammembership_association/any(t:t/name eq 'X')")) {
            HttpResponse<String> response = users(bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(errorCode(response)).as(bad).isEqualTo("0x80060888");
        }
    }

    @Test
    void filterIsPercentDecodedExactlyOnce() {
        String encodedTwice = URLEncoder.encode(
                URLEncoder.encode("fullname eq 'Megan Bowen'", StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        HttpResponse<String> response = client.get("systemusers?$select=fullname&$filter=" + encodedTwice);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(names("fullname eq 'a%2Bb' or fullname eq 'Megan Bowen'")).containsExactly("Megan Bowen");
    }
}
