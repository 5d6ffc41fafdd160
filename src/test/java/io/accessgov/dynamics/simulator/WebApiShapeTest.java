package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.SimulatorClient.errorCode;
import static io.accessgov.dynamics.simulator.SimulatorClient.errorMessage;
import static io.accessgov.dynamics.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebApiShapeTest {

    static DataverseSimulator simulator;
    static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = DataverseSimulator.start(0);
        client = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(simulator.environmentUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(simulator.environmentUrl().getPort()).isPositive();
    }

    @Test
    void whoAmIAnswersWithTheConnectorsOwnApplicationUser() {
        HttpResponse<String> response = client.get("WhoAmI");
        JsonNode body = json(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("@odata.context").stringValue())
                .endsWith("$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
        assertThat(UUID.fromString(body.get("UserId").stringValue()))
                .isEqualTo(simulator.state().callerUserId());
        assertThat(body.get("BusinessUnitId").stringValue())
                .isEqualTo(simulator.state().rootBusinessUnitId().toString());
        assertThat(body.get("OrganizationId").stringValue())
                .isEqualTo(simulator.state().organizationId().toString());
        assertThat(response.headers().firstValue("x-ms-dop-hint")).isPresent();
        assertThat(response.headers().firstValue("REQ_ID")).isPresent();
        assertThat(client.get("WhoAmI()").statusCode()).isEqualTo(200);
    }

    @Test
    void whoAmIRefusesPostLikeDataverse() {
        HttpResponse<String> response = client.post("WhoAmI", "{}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errorCode(response)).isEmpty();
        assertThat(errorMessage(response)).startsWith("No HTTP resource was found that matches the request URI");
    }

    @Test
    void retrieveVersionAnswersA92Version() {
        HttpResponse<String> response = client.get("RetrieveVersion");
        assertThat(json(response.body()).get("Version").stringValue()).startsWith("9.2.");
    }

    @Test
    void entitySetNamesAreCaseSensitive() {
        HttpResponse<String> response = client.get("SystemUsers");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .isEqualTo("{\"error\":{\"code\":\"0x80060888\",\"message\":\"Resource not found for the segment "
                        + "'SystemUsers'.\"}}");
        assertThat(client.get("accounts").statusCode()).isEqualTo(404);
    }

    @Test
    void missingRecordIsNamedByEntityAndId() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        HttpResponse<String> response = client.get("systemusers(" + id + ")");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errorCode(response)).isEqualTo("0x80040217");
        assertThat(errorMessage(response)).isEqualTo("systemuser With Id = " + id + " Does Not Exist");
    }

    @Test
    void singleRecordCarriesEtagContextAndOwner() {
        UUID megan = simulator.state().userIdByDomainName("megan.bowen@contoso.com");
        JsonNode row =
                json(client.get("systemusers(" + megan + ")?$select=fullname").body());
        assertThat(row.get("@odata.context").stringValue()).endsWith("$metadata#systemusers(fullname)/$entity");
        assertThat(row.get("@odata.etag").stringValue()).matches("W/\"\\d+\"");
        assertThat(row.get("systemuserid").stringValue()).isEqualTo(megan.toString());
        assertThat(row.get("ownerid").stringValue()).isEqualTo(megan.toString());
        assertThat(row.get("fullname").stringValue()).isEqualTo("Megan Bowen");
        assertThat(client.get("systemusers(" + megan + ")?$filter=isdisabled%20eq%20true")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void collectionEnvelopeHasContextEtagsExplicitNullsAndSecondPrecisionDates() {
        JsonNode body = json(client.get("systemusers?$select=fullname,title,applicationid,createdon,accessmode,"
                        + "_businessunitid_value,isdisabled")
                .body());
        assertThat(body.get("@odata.context").stringValue())
                .isEqualTo(simulator.webApiUrl()
                        + "$metadata#systemusers(fullname,title,applicationid,createdon,accessmode,"
                        + "_businessunitid_value,isdisabled)");
        JsonNode first = body.get("value").get(0);
        List<String> names = new ArrayList<>(first.propertyNames());
        assertThat(names)
                .containsExactly(
                        "@odata.etag",
                        "systemuserid",
                        "ownerid",
                        "fullname",
                        "title",
                        "applicationid",
                        "createdon",
                        "accessmode",
                        "_businessunitid_value",
                        "isdisabled");
        for (JsonNode row : body.get("value")) {
            assertThat(row.has("applicationid")).isTrue();
            assertThat(row.get("createdon").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        }
        assertThat(body.get("value").findValues("title")).anyMatch(JsonNode::isNull);
    }

    @Test
    void resultsComeInPrimaryKeyOrder() {
        JsonNode rows = json(client.get("roles?$select=name").body()).get("value");
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.get("roleid").stringValue()));
        assertThat(ids).isSorted().hasSize(simulator.state().count("roles"));
    }

    @Test
    void rolesCarryTheirCustomizableFlagAsAComplexObject() {
        JsonNode role = json(client.get("roles?$select=name,iscustomizable&$top=1")
                        .body())
                .get("value")
                .get(0);
        assertThat(role.get("iscustomizable").get("ManagedPropertyLogicalName").stringValue())
                .isEqualTo("iscustomizableanddeletable");
        assertThat(role.get("iscustomizable").get("Value").isBoolean()).isTrue();
    }

    @Test
    void unknownSelectedColumnFailsTheWholeQuery() {
        HttpResponse<String> response = client.get("systemusers?$select=fullname,Fullname");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("0x80060888");
        assertThat(errorMessage(response))
                .isEqualTo("Could not find a property named 'Fullname' on type 'Microsoft.Dynamics.CRM.systemuser'.");
    }

    @Test
    void olderPlatformProfileLacksTheOptionalColumns() {
        simulator.behaviour().olderPlatform(true);
        try {
            HttpResponse<String> response = client.get("roles?$select=name,isinherited");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(errorMessage(response)).contains("'isinherited'", "Microsoft.Dynamics.CRM.role");
            assertThat(client.get("roles?$select=name").statusCode()).isEqualTo(200);
        } finally {
            simulator.behaviour().olderPlatform(false);
        }
    }

    @Test
    void formattedValuesAppearOnlyWhenAsked() {
        UUID alex = simulator.state().userIdByDomainName("alex.wilber@contoso.com");
        String path = "systemusers(" + alex + ")?$select=accessmode,isdisabled,_businessunitid_value";
        JsonNode plain = json(client.get(path).body());
        assertThat(plain.has("accessmode@OData.Community.Display.V1.FormattedValue"))
                .isFalse();
        JsonNode formatted = json(
                client.get(path, "Prefer", "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue\"")
                        .body());
        assertThat(formatted
                        .get("accessmode@OData.Community.Display.V1.FormattedValue")
                        .stringValue())
                .isEqualTo("Read-Write");
        assertThat(formatted
                        .get("isdisabled@OData.Community.Display.V1.FormattedValue")
                        .stringValue())
                .isEqualTo("Enabled");
        assertThat(formatted
                        .get("_businessunitid_value@OData.Community.Display.V1.FormattedValue")
                        .stringValue())
                .isEqualTo("Sales");
        JsonNode all = json(
                client.get(path, "Prefer", "odata.include-annotations=\"*\"").body());
        assertThat(all.get("_businessunitid_value@Microsoft.Dynamics.CRM.lookuplogicalname")
                        .stringValue())
                .isEqualTo("businessunit");
    }

    @Test
    void teamsAndRolesFormatTheirChoices() {
        JsonNode teams = json(client.get(
                                "teams?$select=name,teamtype&$filter=teamtype eq 1".replace(" ", "%20"),
                                "Prefer",
                                "odata.include-annotations=\"*\"")
                        .body())
                .get("value");
        assertThat(teams).isNotEmpty();
        teams.forEach(team -> assertThat(team.get("teamtype@OData.Community.Display.V1.FormattedValue")
                        .stringValue())
                .isEqualTo("Access"));
        JsonNode role = json(client.get(
                                "roles?$select=name,isinherited&$filter=isinherited%20eq%200&$top=1",
                                "Prefer", "odata.include-annotations=\"*\"")
                        .body())
                .get("value")
                .get(0);
        assertThat(role.get("isinherited@OData.Community.Display.V1.FormattedValue")
                        .stringValue())
                .isEqualTo("Team privileges only");
    }

    @Test
    void postToAnIntersectSetIsRefused() {
        HttpResponse<String> response = client.post("systemuserrolescollection", "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorCode(response)).isEqualTo("0x80040800");
    }

    @Test
    void countSegmentAnswersPlainText() {
        HttpResponse<String> response = client.get("businessunits/$count");
        assertThat(response.body()).isEqualTo(Integer.toString(simulator.state().count("businessunits")));
    }

    @Test
    void requestLogRecordsWhatWasSent() {
        simulator.requests().clear();
        client.get("roles?$select=name&$top=1", "Prefer", "odata.maxpagesize=3");
        RecordedRequest recorded = simulator.requests().dataverse().get(0);
        assertThat(recorded.method()).isEqualTo("GET");
        assertThat(recorded.uri()).isEqualTo("/api/data/v9.2/roles?$select=name&$top=1");
        assertThat(recorded.prefer()).isEqualTo("odata.maxpagesize=3");
        assertThat(recorded.hasAuthorization()).isTrue();
        assertThat(recorded.header("authorization")).isEqualTo("Bearer ***");
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.clientId()).isEqualTo(simulator.clientId());
    }

    @Test
    void unknownPathOutsideTheWebApiIs404() {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(simulator.environmentUrl().resolve("/nothing-here"))
                        .GET()
                        .build());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void hostilePathsGetClearClientErrors() throws Exception {
        assertThat(rawStatus("/api/data/v9.2/systemusers(%ZZ)")).isEqualTo(400);
        assertThat(client.get("systemusers(" + "a".repeat(5000) + ")").statusCode())
                .isEqualTo(400);
        assertThat(client.get("systemusers('1%20or%201')").statusCode()).isEqualTo(400);
        assertThat(client.get("systemusers%2F..%2Froles").statusCode()).isEqualTo(404);
        assertThat(client.get("systemusers(00000000-0000-0000-0000-000000000000)")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void errorsCarryDetailAnnotationsWhenEverythingIsAsked() {
        HttpResponse<String> response =
                client.get("systemusers?$select=nope", "Prefer", "odata.include-annotations=\"*\"");
        JsonNode error = json(response.body()).get("error");
        assertThat(error.get("code").stringValue()).isEqualTo("0x80060888");
        assertThat(error.get("@Microsoft.PowerApps.CDS.HelpLink").stringValue()).contains("80060888");
        assertThat(json(client.get("systemusers?$select=nope").body())
                        .get("error")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void queryOptionsTheSimulatorLacksAreRefusedPlainly() {
        HttpResponse<String> response = client.get("systemusers?$orderby=fullname");
        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(errorMessage(response)).startsWith("The simulator does not support $orderby");
        assertThat(client.get("systemusers?$frobnicate=1").statusCode()).isEqualTo(400);
    }

    /** Sends a request line java.net.http would refuse to build, and returns the answer's status. */
    static int rawStatus(String target) throws Exception {
        try (java.net.Socket socket =
                new java.net.Socket("127.0.0.1", simulator.environmentUrl().getPort())) {
            socket.setSoTimeout(5000);
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + client.token()
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
