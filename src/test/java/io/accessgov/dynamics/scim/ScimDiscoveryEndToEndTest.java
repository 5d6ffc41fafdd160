package io.accessgov.dynamics.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.simulator.Fault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The discovery documents of docs/scim.md and SCIM error documents for every failure under /scim/. */
class ScimDiscoveryEndToEndTest {

    private static ScimService service;

    @BeforeAll
    static void start() {
        service = ScimService.open();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void serviceProviderConfigOffersPatchFilterAndEtagButNoBulkSortOrPasswordChange() {
        HttpResponse<String> response = service.get("/scim/v2/ServiceProviderConfig");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        JsonNode config = ScimService.parse(response.body());
        assertThat(config.get("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(config.at("/patch/supported").asBoolean()).isTrue();
        assertThat(config.at("/filter/supported").asBoolean()).isTrue();
        assertThat(config.at("/filter/maxResults").asInt()).isEqualTo(1000);
        assertThat(config.at("/bulk/supported").asBoolean()).isFalse();
        assertThat(config.at("/sort/supported").asBoolean()).isFalse();
        assertThat(config.at("/etag/supported").asBoolean()).isTrue();
        assertThat(config.at("/changePassword/supported").asBoolean()).isFalse();
        assertThat(config.at("/authenticationSchemes/0/type").asString()).isEqualTo("oauthbearertoken");
        assertThat(config.at("/meta/location").asString()).isEqualTo(service.base() + "/scim/v2/ServiceProviderConfig");
    }

    @Test
    void resourceTypesNameUsersWithTheEnterpriseExtensionAndGroups() {
        JsonNode types = service.json("/scim/v2/ResourceTypes");

        assertThat(types.get("totalResults").asInt()).isEqualTo(2);
        List<String> endpoints = new ArrayList<>();
        types.get("Resources")
                .forEach(type -> endpoints.add(type.get("endpoint").asString()));
        assertThat(endpoints).containsExactly("/Users", "/Groups");
        assertThat(types.at("/Resources/0/schemaExtensions/0/schema").asString())
                .isEqualTo(ScimSchemas.ENTERPRISE_USER);
        assertThat(service.json("/scim/v2/ResourceTypes/Group").get("schema").asString())
                .isEqualTo(ScimSchemas.GROUP);
    }

    @Test
    void schemasDescribeEveryAttributeServedAndOnlyRolesAndMembersAreWritable() {
        JsonNode schemas = service.json("/scim/v2/Schemas");

        assertThat(schemas.get("totalResults").asInt()).isEqualTo(3);
        JsonNode user = service.json("/scim/v2/Schemas/" + ScimSchemas.USER);
        List<String> writable = new ArrayList<>();
        user.get("attributes").forEach(attribute -> {
            if (!attribute.get("mutability").asString().equals("readOnly")) {
                writable.add(attribute.get("name").asString());
            }
        });
        assertThat(writable).containsExactly("roles");
        assertThat(service.json("/scim/v2/Schemas/" + ScimSchemas.GROUP)
                        .at("/attributes/1/name")
                        .asString())
                .isEqualTo("members");
    }

    @Test
    void everyEnvironmentHasItsOwnRoot() {
        JsonNode config = service.json("/scim/v2/environments/sandbox/ServiceProviderConfig");

        assertThat(config.at("/meta/location").asString())
                .isEqualTo(service.base() + "/scim/v2/environments/sandbox/ServiceProviderConfig");
    }

    @Test
    void anUnknownEnvironmentIsASCIMNotFound() {
        assertScimError(service.get("/scim/v2/environments/nowhere/Users"), 404, null);
    }

    @Test
    void anUnknownPathIsASCIMNotFound() {
        assertScimError(service.get("/scim/v2/Nothing"), 404, null);
    }

    @Test
    void anUnknownSchemaIsASCIMNotFound() {
        assertScimError(service.get("/scim/v2/Schemas/urn:nothing"), 404, null);
    }

    @Test
    void aThrottlingDataverseIsA503WithRetryAfterAndTheRestApisDetail() {
        service.contoso.faults().inject(Fault.throttled(Duration.ofSeconds(30)).times(100));
        try {
            HttpResponse<String> response = service.get("/scim/v2/Users?count=1");
            HttpResponse<String> rest = service.get("/api/v1/accounts?pageSize=1");

            JsonNode error = assertScimError(response, 503, null);
            assertThat(response.headers().firstValue("Retry-After"))
                    .isPresent()
                    .isEqualTo(rest.headers().firstValue("Retry-After"));
            assertThat(Integer.parseInt(
                            response.headers().firstValue("Retry-After").orElseThrow()))
                    .isPositive();
            assertThat(error.get("detail").asString())
                    .isEqualTo(ScimService.parse(rest.body()).get("detail").asString());
        } finally {
            service.contoso.faults().clear();
        }
    }

    @Test
    void aPatchThatIsNotJsonIsAnUnsupportedMediaType() {
        HttpResponse<String> response = service.send(
                "PATCH",
                "/scim/v2/Groups/00000000-0000-4000-8000-000000000000",
                "members",
                null,
                "Content-Type",
                "text/plain");

        assertScimError(response, 415, null);
    }

    static JsonNode assertScimError(HttpResponse<String> response, int status, String scimType) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        JsonNode error = ScimService.parse(response.body());
        assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("status").asString()).isEqualTo(String.valueOf(status));
        assertThat(error.get("detail").asString()).isNotBlank();
        if (scimType == null) {
            assertThat(error.has("scimType")).isFalse();
        } else {
            assertThat(error.get("scimType").asString()).isEqualTo(scimType);
        }
        return error;
    }
}
