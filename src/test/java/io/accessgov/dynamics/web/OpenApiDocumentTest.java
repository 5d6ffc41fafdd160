package io.accessgov.dynamics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.environment.TestEnvironments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generated OpenAPI document describes the accounts API fully, problems included (docs/api.md §7). */
@Import(TestEnvironments.MockedDataverse.class)
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DataverseClient dataverse;

    @MockitoBean(name = "dataverseHealthIndicator")
    HealthIndicator dataverseHealth;

    private JsonNode document;

    @BeforeEach
    void load() throws Exception {
        String json = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        document = JsonMapper.builder().build().readTree(json);
    }

    @Test
    void describesTheService() {
        assertThat(document.at("/info/title").asString()).isEqualTo("Dynamics 365 connector");
        assertThat(document.at("/info/description").asString()).contains("RFC 9457");
        assertThat(document.at("/info/version").asString()).isNotBlank();
    }

    @Test
    void offersABearerSchemeForSwaggerUi() {
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(document.at("/security/0/bearer").isArray()).isTrue();
    }

    @Test
    void listAccountsHasItsParametersWithConstraints() {
        JsonNode list = document.at("/paths/~1api~1v1~1accounts/get");

        assertThat(list.at("/operationId").asString()).isEqualTo("listAccounts");
        assertThat(list.at("/summary").asString()).isEqualTo("List accounts");
        assertThat(list.at("/tags/0").asString()).isEqualTo("Accounts");
        JsonNode pageSize = parameter(list, "pageSize");
        assertThat(pageSize.at("/schema/minimum").asInt()).isEqualTo(1);
        assertThat(pageSize.at("/schema/maximum").asInt()).isEqualTo(1000);
        assertThat(parameter(list, "search").at("/schema/maxLength").asInt()).isEqualTo(256);
        assertThat(parameter(list, "status").at("/schema/enum").toString()).contains("ENABLED", "DISABLED");
        assertThat(parameter(list, "accountType").at("/schema/enum").toString()).contains("HUMAN", "SERVICE", "SYSTEM");
        assertThat(parameter(list, "pageToken").isMissingNode()).isFalse();
        assertThat(list.at("/responses/200/content/application~1json/examples/page/value/items/0/displayName")
                        .asString())
                .isEqualTo("Jane Doe");
        assertThat(list.at("/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .endsWith("/AccountPage");
    }

    @Test
    void getAccountDescribesItsIdAndAnExample() {
        JsonNode get = document.at("/paths/~1api~1v1~1accounts~1{id}/get");

        assertThat(get.at("/operationId").asString()).isEqualTo("getAccount");
        assertThat(parameter(get, "id").at("/schema/format").asString()).isEqualTo("uuid");
        assertThat(get.at("/responses/200/content/application~1json/examples/account/value/accountType")
                        .asString())
                .isEqualTo("HUMAN");
        assertThat(get.at("/responses/404/$ref").asString()).isEqualTo("#/components/responses/NotFound");
    }

    @Test
    void everyProblemResponseOfTheAccountsApiHasAnExample() {
        for (String path : List.of("/paths/~1api~1v1~1accounts/get", "/paths/~1api~1v1~1accounts~1{id}/get")) {
            JsonNode responses = document.at(path + "/responses");
            List<String> codes = new ArrayList<>();
            responses.propertyNames().forEach(codes::add);
            assertThat(codes).contains("400", "401", "403", "406", "500", "502", "503", "504");
            for (String code : codes) {
                if (code.startsWith("2")) {
                    continue;
                }
                String ref = responses.get(code).at("/$ref").asString();
                JsonNode response = document.at("/components/responses/" + ref.substring(ref.lastIndexOf('/') + 1));
                JsonNode examples = response.at("/content/application~1problem+json/examples");
                assertThat(examples.size()).as(path + " " + code).isPositive();
                examples.forEach(example -> {
                    assertThat(example.at("/value/type").asString()).startsWith(ProblemKind.TYPE_PREFIX);
                    assertThat(example.at("/value/status").asInt()).isEqualTo(Integer.parseInt(code));
                });
            }
        }
    }

    @Test
    void serviceUnavailableDocumentsRetryAfter() {
        assertThat(document.at("/components/responses/ServiceUnavailable/headers/Retry-After")
                        .isMissingNode())
                .isFalse();
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.at("/parameters")) {
            if (parameter.at("/name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name);
    }
}
