package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every read endpoint the served OpenAPI document describes refuses a query parameter it does not define and a
 * single-valued one given twice, over HTTP, before anything reaches Dataverse; the problem lists what the endpoint
 * takes, which must be exactly what the document says it takes. Endpoints added later are covered by the same loop.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class StrictParametersEndToEndTest {

    private static final String GUID = "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d";

    @LocalServerPort
    int port;

    @Autowired
    DataverseSimulator simulator;

    ServiceHttp http;

    @BeforeEach
    void connect() {
        http = new ServiceHttp(port);
    }

    @Test
    void aMisspeltFilterIsRefusedRatherThanAnsweredWithEveryone() {
        simulator.requests().clear();

        HttpResponse<String> response = http.get("/api/v1/accounts?statu=DISABLED");

        JsonNode problem = invalidParameter(response);
        assertThat(problem.get("parameter").asString()).isEqualTo("statu");
        assertThat(names(problem.get("acceptedParameters")))
                .containsExactly("status", "accountType", "search", "pageSize", "pageToken");
        assertThat(problem.get("detail").asString())
                .contains("'statu'")
                .contains("status, accountType, search, pageSize and pageToken");
        assertThat(simulator.requests().dataverse()).isEmpty();
        assertThat(http.get("/api/v1/accounts?status=DISABLED").statusCode())
                .as("the spelling it meant")
                .isEqualTo(200);
    }

    @Test
    void everyReadEndpointRefusesAParameterItDoesNotDefine() {
        List<Endpoint> endpoints = readEndpoints();
        assertThat(endpoints).extracting(Endpoint::path).contains("/api/v1/accounts", "/api/v1/grants/{id}");

        for (Endpoint endpoint : endpoints) {
            simulator.requests().clear();

            HttpResponse<String> response = http.get(endpoint.target() + "?unexpectedFilter=1");

            JsonNode problem = invalidParameter(response);
            assertThat(problem.get("parameter").asString()).as(endpoint.path()).isEqualTo("unexpectedFilter");
            assertThat(names(problem.get("acceptedParameters")))
                    .as("%s takes what its documentation says", endpoint.path())
                    .containsExactlyElementsOf(endpoint.queryParameters());
            assertThat(simulator.requests().dataverse()).as(endpoint.path()).isEmpty();
        }
    }

    @Test
    void everyReadEndpointRefusesEachOfItsParametersGivenTwiceEvenWithEqualValues() {
        int checked = 0;
        for (Endpoint endpoint : readEndpoints()) {
            for (String parameter : endpoint.queryParameters()) {
                simulator.requests().clear();
                String twice = parameter + "=" + GUID + "&" + parameter + "=" + GUID;

                HttpResponse<String> response = http.get(endpoint.target() + "?" + twice);

                JsonNode problem = invalidParameter(response);
                assertThat(problem.get("parameter").asString())
                        .as("%s %s", endpoint.path(), parameter)
                        .isEqualTo(parameter);
                assertThat(problem.get("detail").asString()).contains("only once");
                assertThat(simulator.requests().dataverse()).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
    }

    @Test
    void aChangeWithAnUnknownParameterChangesNothing() {
        simulator.requests().clear();

        HttpResponse<String> grant = http.send(
                "POST",
                "/api/v1/grants?dryRun=true",
                "{\"resourceType\":\"role\",\"resourceId\":\"" + GUID + "\",\"principalType\":\"account\","
                        + "\"principalId\":\"" + GUID + "\"}");
        HttpResponse<String> sync = http.send("POST", "/api/v1/syncs?tables=systemusers", null);

        assertThat(invalidParameter(grant).get("parameter").asString()).isEqualTo("dryRun");
        assertThat(invalidParameter(sync).get("detail").asString()).contains("takes no query parameters");
        assertThat(simulator.requests().all()).isEmpty();
        assertThat(http.json("/api/v1/syncs").get("items")).isEmpty();
    }

    @Test
    void theHealthPathsTakeNoParameters() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/livez", "/readyz")) {
            JsonNode problem = invalidParameter(http.get(path + "?verbose=true"));

            assertThat(problem.get("parameter").asString()).as(path).isEqualTo("verbose");
            assertThat(problem.get("acceptedParameters")).as(path).isEmpty();
        }
    }

    private static JsonNode invalidParameter(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as(response.uri() + ": " + response.body())
                .isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = ServiceHttp.parse(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:dynamics365-connector:problem:invalid-parameter");
        return problem;
    }

    /** The GET operations of the API as the served OpenAPI document describes them. */
    private List<Endpoint> readEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path :
                http.json("/v3/api-docs").get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (!path.getKey().startsWith("/api/v1/") || get == null) {
                continue;
            }
            List<String> query = new ArrayList<>();
            get.path("parameters").forEach(parameter -> {
                if (parameter.get("in").asString().equals("query")) {
                    query.add(parameter.get("name").asString());
                }
            });
            endpoints.add(new Endpoint(path.getKey(), query));
        }
        return endpoints;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }

    /** A documented read operation and the query parameters it is documented to take. */
    private record Endpoint(String path, List<String> queryParameters) {

        /** The path with every path parameter filled by a well-formed id. */
        String target() {
            return path.replaceAll("\\{[^}]+}", GUID);
        }
    }
}
