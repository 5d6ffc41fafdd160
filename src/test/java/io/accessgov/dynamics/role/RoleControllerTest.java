package io.accessgov.dynamics.role;

import static io.accessgov.dynamics.role.Roles.EMEA_COPY_ID;
import static io.accessgov.dynamics.role.Roles.ROOT_ID;
import static io.accessgov.dynamics.role.Roles.SALES_COPY_ID;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.DataverseThrottled;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.environment.TestEnvironments;
import io.accessgov.dynamics.web.PageTokens;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(controllers = RoleController.class)
@Import({RoleService.class, RoleControllerTest.Tokens.class, TestEnvironments.Single.class})
class RoleControllerTest {

    private static final Continuation NEXT = new Continuation(
            "https://contoso.crm.dynamics.com/api/data/v9.2/roles?$select=name&$skiptoken=%3Ccookie%3E", 2);

    @Autowired
    MockMvc mvc;

    @Autowired
    PageTokens pageTokens;

    @MockitoBean
    DataverseClient dataverse;

    @Test
    void listsEachLogicalRoleOnceWithoutItsCopies() throws Exception {
        when(dataverse.findLogicalRoles(nullable(String.class), anyInt()))
                .thenReturn(new DataversePage<>(List.of(Roles.salesperson()), null));

        mvc.perform(get("/api/v1/roles"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"items": [{
                          "id": "0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19", "name": "Salesperson",
                          "description": "Grants access to the core sales records.",
                          "businessUnit": {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "name": "Contoso"},
                          "managed": true, "autoAssigned": false,
                          "inheritance": "DIRECT_USER_AND_TEAM_PRIVILEGES"}],
                         "nextPageToken": null}
                        """, JsonCompareMode.STRICT));
        verify(dataverse).findLogicalRoles(null, 100);
    }

    @Test
    void aRoleWithoutAutoAssignmentOrInheritanceColumnsGetsDataversesDefaults() throws Exception {
        when(dataverse.findLogicalRoles(nullable(String.class), anyInt()))
                .thenReturn(new DataversePage<>(List.of(Roles.withoutOptionalColumns()), null));

        mvc.perform(get("/api/v1/roles"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].autoAssigned").value(false))
                .andExpect(jsonPath("$.items[0].inheritance").value("DIRECT_USER_AND_TEAM_PRIVILEGES"))
                .andExpect(jsonPath("$.items[0].description").value(nullValue()));
    }

    @Test
    void neverListsABusinessUnitCopyAsARoleOfItsOwn() throws Exception {
        when(dataverse.findLogicalRoles(nullable(String.class), anyInt()))
                .thenReturn(new DataversePage<>(List.of(Roles.salesperson(), Roles.salesCopy()), null));

        mvc.perform(get("/api/v1/roles"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].id").value(ROOT_ID.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"' or 1 eq 1", "%27", ")", "$filter=", "o'brien') or (true", "*", "Sales"})
    void searchReachesTheClientAsDataUnchanged(String search) throws Exception {
        when(dataverse.findLogicalRoles(nullable(String.class), anyInt()))
                .thenReturn(new DataversePage<>(List.of(), null));

        mvc.perform(get("/api/v1/roles").param("search", search).param("pageSize", "1000"))
                .andExpect(status().isOk());

        verify(dataverse).findLogicalRoles(search, 1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "abc", "-1"})
    void refusesAPageSizeOutsideOneToAThousand(String pageSize) throws Exception {
        mvc.perform(get("/api/v1/roles").param("pageSize", pageSize))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-parameter"))
                .andExpect(jsonPath("$.errors[0].parameter").value("pageSize"));
        verifyNoInteractions(dataverse);
    }

    @Test
    void pagesOnWithTheNextPageTokenAndStopsOnTheLastPage() throws Exception {
        when(dataverse.findLogicalRoles(nullable(String.class), anyInt()))
                .thenReturn(new DataversePage<>(List.of(Roles.salesperson()), NEXT));
        when(dataverse.findLogicalRoles(NEXT))
                .thenReturn(new DataversePage<>(List.of(Roles.withoutOptionalColumns()), null));

        String token = nextPageToken(
                mvc.perform(get("/api/v1/roles").param("search", "s").param("pageSize", "2"))
                        .andExpect(status().isOk())
                        .andReturn());
        mvc.perform(get("/api/v1/roles").param("search", "s").param("pageToken", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("Auditor"))
                .andExpect(jsonPath("$.nextPageToken").value(nullValue()));

        verify(dataverse).findLogicalRoles(NEXT);
    }

    @Test
    void aPageTokenIsBoundToItsSearchItsListAndItsPageSize() throws Exception {
        when(dataverse.findLogicalRoles(nullable(String.class), anyInt()))
                .thenReturn(new DataversePage<>(List.of(Roles.salesperson()), NEXT));
        String token = nextPageToken(
                mvc.perform(get("/api/v1/roles").param("search", "sales")).andReturn());
        String teamsToken = pageTokens.issue("teams", PageTokens.fingerprint(null, "sales"), NEXT);

        mvc.perform(get("/api/v1/roles").param("search", "admin").param("pageToken", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-page-token"));
        mvc.perform(get("/api/v1/roles").param("pageToken", token)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/roles").param("search", "sales").param("pageToken", teamsToken))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/roles")
                        .param("search", "sales")
                        .param("pageSize", "3")
                        .param("pageToken", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("The page size cannot change while paging: the token"
                                + " continues pages of 2; leave pageSize out or send 2."));
        verify(dataverse, never()).findLogicalRoles(any(Continuation.class));
    }

    @Test
    void getsARoleByItsRootIdWithEveryCopyRootFirst() throws Exception {
        when(dataverse.findRole(ROOT_ID)).thenReturn(Optional.of(Roles.salesperson()));
        when(dataverse.roleCopies(ROOT_ID))
                .thenReturn(List.of(Roles.emeaCopy(), Roles.salesCopy(), Roles.salesperson()));

        mvc.perform(get("/api/v1/roles/{id}", ROOT_ID))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"id": "0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19", "name": "Salesperson",
                         "description": "Grants access to the core sales records.",
                         "businessUnit": {"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "name": "Contoso"},
                         "managed": true, "autoAssigned": false,
                         "inheritance": "DIRECT_USER_AND_TEAM_PRIVILEGES",
                         "copies": [
                           {"roleId": "0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19",
                            "businessUnitId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"},
                           {"roleId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                            "businessUnitId": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"},
                           {"roleId": "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716",
                            "businessUnitId": "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d"}]}
                        """, JsonCompareMode.STRICT));
    }

    @Test
    void theIdOfAnyCopyAnswersTheLogicalRole() throws Exception {
        when(dataverse.findRole(EMEA_COPY_ID)).thenReturn(Optional.of(Roles.emeaCopy()));
        when(dataverse.roleCopies(ROOT_ID))
                .thenReturn(List.of(Roles.salesperson(), Roles.salesCopy(), Roles.emeaCopy()));

        mvc.perform(get("/api/v1/roles/{id}", EMEA_COPY_ID.toString().toUpperCase(Locale.ROOT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(ROOT_ID.toString()))
                .andExpect(jsonPath("$.businessUnit.name").value("Contoso"))
                .andExpect(jsonPath("$.copies", hasSize(3)))
                .andExpect(jsonPath("$.copies[0].roleId").value(ROOT_ID.toString()));
        verify(dataverse, never()).findRole(SALES_COPY_ID);
    }

    @Test
    void anUnknownRoleIsNotFound() throws Exception {
        UUID unknown = UUID.fromString("00000000-0000-0000-0000-000000000001");
        when(dataverse.findRole(unknown)).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/roles/{id}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:role-not-found"))
                .andExpect(jsonPath("$.title").value("Security role not found"))
                .andExpect(jsonPath("$.detail").value("There is no security role with id " + unknown + "."))
                .andExpect(jsonPath("$.instance").value("/api/v1/roles/" + unknown));
    }

    @Test
    void aRoleDeletedBetweenTheTwoReadsIsNotFound() throws Exception {
        when(dataverse.findRole(SALES_COPY_ID)).thenReturn(Optional.of(Roles.salesCopy()));
        when(dataverse.roleCopies(ROOT_ID)).thenReturn(List.of());

        mvc.perform(get("/api/v1/roles/{id}", SALES_COPY_ID))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:role-not-found"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not-a-guid",
                "0b5c3e9a7f1d4c2b9a8e6d5f4c3b2a19",
                "{0b5c3e9a-7f1d-4c2b-9a8e-6d5f4c3b2a19}",
                "' or 1 eq 1",
                "1-1-1-1-1"
            })
    void refusesAMalformedIdWithoutCallingDataverse(String id) throws Exception {
        mvc.perform(get("/api/v1/roles/{id}", id))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-id"))
                .andExpect(jsonPath("$.detail").value(startsWith("The role id must be a GUID")));
        verifyNoInteractions(dataverse);
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsAServiceUnavailableProblem() throws Exception {
        when(dataverse.findRole(ROOT_ID))
                .thenThrow(new DataverseThrottled("Too many requests", Duration.ofSeconds(7), "0x80072322", null));

        mvc.perform(get("/api/v1/roles/{id}", ROOT_ID))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:dataverse-throttled"))
                .andExpect(header().string("Retry-After", "7"));
    }

    private static String nextPageToken(MvcResult result) throws Exception {
        return JsonMapper.builder()
                .build()
                .readTree(result.getResponse().getContentAsString())
                .get("nextPageToken")
                .asString();
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
