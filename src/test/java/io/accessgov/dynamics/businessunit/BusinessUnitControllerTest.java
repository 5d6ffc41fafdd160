package io.accessgov.dynamics.businessunit;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.accessgov.dynamics.dataverse.BusinessUnit;
import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.environment.TestEnvironments;
import io.accessgov.dynamics.web.PageTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(controllers = BusinessUnitController.class)
@Import({BusinessUnitService.class, BusinessUnitControllerTest.Tokens.class, TestEnvironments.Single.class})
class BusinessUnitControllerTest {

    private static final BusinessUnit ROOT =
            new BusinessUnit(UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"), "Contoso", null, false);
    private static final BusinessUnit SALES =
            new BusinessUnit(UUID.fromString("7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d"), "Sales", ROOT.id(), false);
    private static final BusinessUnit EMEA =
            new BusinessUnit(UUID.fromString("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"), "EMEA", SALES.id(), true);
    private static final BusinessUnit SERVICE =
            new BusinessUnit(UUID.fromString("f0e1d2c3-b4a5-4968-8776-655443322110"), "Service", ROOT.id(), false);

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    PageTokens pageTokens;

    @MockitoBean
    DataverseClient dataverse;

    @Test
    void listsEveryBusinessUnitInIdOrderShapedAsTheContractSays() throws Exception {
        when(dataverse.businessUnits()).thenReturn(List.of(SERVICE, SALES, ROOT, EMEA));

        mvc.perform(get("/api/v1/business-units"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"items": [
                          {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "name": "Contoso", "parentId": null,
                           "disabled": false},
                          {"id": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", "name": "EMEA",
                           "parentId": "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d", "disabled": true},
                          {"id": "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d", "name": "Sales",
                           "parentId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "disabled": false},
                          {"id": "f0e1d2c3-b4a5-4968-8776-655443322110", "name": "Service",
                           "parentId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "disabled": false}],
                         "nextPageToken": null}
                        """, JsonCompareMode.STRICT));
    }

    @Test
    void pagesThroughEveryUnitExactlyOnce() throws Exception {
        when(dataverse.businessUnits()).thenReturn(List.of(SERVICE, SALES, ROOT, EMEA));

        JsonNode first = page(mvc.perform(get("/api/v1/business-units").param("pageSize", "3"))
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andReturn());
        mvc.perform(get("/api/v1/business-units")
                        .param("pageToken", first.get("nextPageToken").asString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].name").value("Service"))
                .andExpect(jsonPath("$.nextPageToken").value(nullValue()));
        verify(dataverse, times(2)).businessUnits();
    }

    @Test
    void aFullLastPageHasNoNextPageToken() throws Exception {
        when(dataverse.businessUnits()).thenReturn(List.of(SERVICE, SALES));

        mvc.perform(get("/api/v1/business-units").param("pageSize", "2"))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.nextPageToken").value(nullValue()));
    }

    @Test
    void aUnitAddedOrRemovedBetweenPagesNeitherRepeatsNorHidesAnother() throws Exception {
        when(dataverse.businessUnits()).thenReturn(List.of(ROOT, EMEA, SALES, SERVICE));
        String token = page(mvc.perform(get("/api/v1/business-units").param("pageSize", "2"))
                        .andReturn())
                .get("nextPageToken")
                .asString();
        BusinessUnit added =
                new BusinessUnit(UUID.fromString("00000000-0000-4000-8000-000000000001"), "Early", ROOT.id(), false);
        List<BusinessUnit> changed = new ArrayList<>(List.of(added, ROOT, SALES, SERVICE)); // EMEA removed
        when(dataverse.businessUnits()).thenReturn(changed);

        mvc.perform(get("/api/v1/business-units").param("pageToken", token))
                .andExpect(jsonPath("$.items[0].name").value("Sales"))
                .andExpect(jsonPath("$.items[1].name").value("Service"))
                .andExpect(jsonPath("$.items", hasSize(2)));
    }

    @Test
    void refusesAPageSizeChangeWhilePaging() throws Exception {
        when(dataverse.businessUnits()).thenReturn(List.of(SERVICE, SALES, ROOT, EMEA));
        String token = page(mvc.perform(get("/api/v1/business-units").param("pageSize", "1"))
                        .andReturn())
                .get("nextPageToken")
                .asString();

        mvc.perform(get("/api/v1/business-units").param("pageSize", "2").param("pageToken", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-page-token"));
        verify(dataverse, times(1)).businessUnits();
    }

    @Test
    void refusesATokenOfAnotherListOrOneAltered() throws Exception {
        String rolesToken = pageTokens.issue(
                "roles", PageTokens.fingerprint(), new Continuation("https://contoso.crm.dynamics.com/x", 2));
        String otherCursor = pageTokens.issueCursor(
                "grants", PageTokens.fingerprint(), ROOT.id().toString(), 2);
        String ours = pageTokens.issueCursor(
                "business-units", PageTokens.fingerprint(), ROOT.id().toString(), 2);
        int middle = ours.length() / 2;
        String altered =
                ours.substring(0, middle) + (ours.charAt(middle) == 'A' ? 'B' : 'A') + ours.substring(middle + 1);

        for (String token : List.of(rolesToken, otherCursor, altered, "not-a-token")) {
            mvc.perform(get("/api/v1/business-units").param("pageToken", token))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-page-token"));
        }
        verifyNoInteractions(dataverse);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "many"})
    void refusesAPageSizeOutsideOneToAThousand(String pageSize) throws Exception {
        mvc.perform(get("/api/v1/business-units").param("pageSize", pageSize))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("pageSize"));
        verifyNoInteractions(dataverse);
    }

    @Test
    void getsABusinessUnitById() throws Exception {
        when(dataverse.findBusinessUnit(SALES.id())).thenReturn(Optional.of(SALES));

        mvc.perform(get("/api/v1/business-units/{id}", SALES.id().toString().toUpperCase(java.util.Locale.ROOT)))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"id": "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d", "name": "Sales",
                         "parentId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "disabled": false}
                        """, JsonCompareMode.STRICT));
    }

    @Test
    void anUnknownBusinessUnitIsNotFound() throws Exception {
        UUID unknown = UUID.fromString("00000000-0000-0000-0000-000000000003");
        when(dataverse.findBusinessUnit(unknown)).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/business-units/{id}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:business-unit-not-found"))
                .andExpect(jsonPath("$.title").value("Business unit not found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"root", "7d3a9b1e2c4f4e6a8b0d1f2e3a4b5c6d", "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6"})
    void refusesAMalformedIdWithoutCallingDataverse(String id) throws Exception {
        mvc.perform(get("/api/v1/business-units/{id}", id))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-id"));
        verifyNoInteractions(dataverse);
    }

    private JsonNode page(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DynamicsProperties.class)
    static class Tokens {

        @Bean
        PageTokens pageTokens() {
            return PageTokens.withRandomKey();
        }
    }
}
