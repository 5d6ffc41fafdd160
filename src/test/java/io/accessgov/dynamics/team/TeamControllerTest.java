package io.accessgov.dynamics.team;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.dataverse.EntraMembershipType;
import io.accessgov.dynamics.dataverse.Team;
import io.accessgov.dynamics.dataverse.TeamQuery;
import io.accessgov.dynamics.dataverse.TeamType;
import io.accessgov.dynamics.environment.TestEnvironments;
import io.accessgov.dynamics.web.PageTokens;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

@WebMvcTest(controllers = TeamController.class)
@Import({TeamService.class, TeamControllerTest.Tokens.class, TestEnvironments.Single.class})
class TeamControllerTest {

    private static final Continuation NEXT = new Continuation(
            "https://contoso.crm.dynamics.com/api/data/v9.2/teams?$select=name&$skiptoken=%3Ccookie%3E", 2);

    @Autowired
    MockMvc mvc;

    @Autowired
    PageTokens pageTokens;

    @MockitoBean
    DataverseClient dataverse;

    @Test
    void listsTeamsShapedAsTheContractSays() throws Exception {
        when(dataverse.findTeams(any(TeamQuery.class), anyInt()))
                .thenReturn(new DataversePage<>(List.of(Teams.salesEmea()), null));

        mvc.perform(get("/api/v1/teams"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"items": [{
                          "id": "4c3b2a19-0f8e-4d7c-8b6a-594837261504", "name": "Sales EMEA", "type": "OWNER",
                          "businessUnit": {"id": "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d", "name": "Sales"},
                          "defaultBusinessUnitTeam": false, "membershipManagedBy": "DATAVERSE",
                          "entraObjectId": null, "membershipType": null,
                          "administrator": {"id": "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d"},
                          "description": "Sales team for Europe, the Middle East and Africa."}],
                         "nextPageToken": null}
                        """, JsonCompareMode.STRICT));
        verify(dataverse).findTeams(new TeamQuery(null, null), 100);
    }

    @Test
    void theDefaultTeamOfABusinessUnitIsManagedByTheBusinessUnit() throws Exception {
        Team team = Teams.salesDefaultTeam();
        when(dataverse.findTeam(team.id())).thenReturn(Optional.of(team));

        mvc.perform(get("/api/v1/teams/{id}", team.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.defaultBusinessUnitTeam").value(true))
                .andExpect(jsonPath("$.membershipManagedBy").value("BUSINESS_UNIT"));
    }

    @ParameterizedTest
    @EnumSource(
            value = TeamType.class,
            names = {"ENTRA_SECURITY_GROUP", "ENTRA_OFFICE_GROUP"})
    void anEntraGroupTeamIsManagedByItsGroupAndCarriesItsObjectIdAndMembershipType(TeamType type) throws Exception {
        Team team = Teams.entraGroupTeam(type, EntraMembershipType.GUESTS);
        when(dataverse.findTeam(team.id())).thenReturn(Optional.of(team));

        mvc.perform(get("/api/v1/teams/{id}", team.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value(type.name()))
                .andExpect(jsonPath("$.membershipManagedBy").value("ENTRA_GROUP"))
                .andExpect(jsonPath("$.entraObjectId").value(Teams.ENTRA_GROUP.toString()))
                .andExpect(jsonPath("$.membershipType").value("GUESTS"))
                .andExpect(jsonPath("$.description").value(nullValue()));
    }

    @Test
    void anAccessTeamHasNoMembershipTypeAndMayHaveNoAdministrator() throws Exception {
        Team team = Teams.accessTeamWithStrayMembershipType();
        when(dataverse.findTeam(team.id())).thenReturn(Optional.of(team));

        mvc.perform(get("/api/v1/teams/{id}", team.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("ACCESS"))
                .andExpect(jsonPath("$.membershipManagedBy").value("DATAVERSE"))
                .andExpect(jsonPath("$.membershipType").value(nullValue()))
                .andExpect(jsonPath("$.administrator").value(nullValue()));
    }

    @Test
    void passesTypeAndSearchToDataverseAsAQuery() throws Exception {
        when(dataverse.findTeams(any(TeamQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(), null));

        mvc.perform(get("/api/v1/teams")
                        .param("type", "ENTRA_OFFICE_GROUP")
                        .param("search", "o'brien') or (true")
                        .param("pageSize", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)));

        verify(dataverse).findTeams(new TeamQuery(TeamType.ENTRA_OFFICE_GROUP, "o'brien') or (true"), 1);
    }

    @Test
    void refusesAnUnknownTypeListingTheAllowedOnes() throws Exception {
        mvc.perform(get("/api/v1/teams").param("type", "SECURITY"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-parameter"))
                .andExpect(jsonPath("$.errors[0].parameter").value("type"))
                .andExpect(jsonPath("$.detail")
                        .value("The parameter 'type' must be one of OWNER, ACCESS, ENTRA_SECURITY_GROUP,"
                                + " ENTRA_OFFICE_GROUP."));
        verifyNoInteractions(dataverse);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "x"})
    void refusesAPageSizeOutsideOneToAThousand(String pageSize) throws Exception {
        mvc.perform(get("/api/v1/teams").param("pageSize", pageSize))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("pageSize"));
        verifyNoInteractions(dataverse);
    }

    @Test
    void pagesOnWithTheSameFiltersAndRefusesATokenOfOtherFilters() throws Exception {
        when(dataverse.findTeams(any(TeamQuery.class), anyInt()))
                .thenReturn(new DataversePage<>(List.of(Teams.salesEmea()), NEXT));
        when(dataverse.findTeams(NEXT)).thenReturn(new DataversePage<>(List.of(Teams.salesDefaultTeam()), null));
        String token = nextPageToken(
                mvc.perform(get("/api/v1/teams").param("type", "OWNER").param("search", "s"))
                        .andReturn());

        mvc.perform(get("/api/v1/teams")
                        .param("type", "ACCESS")
                        .param("search", "s")
                        .param("pageToken", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-page-token"));
        mvc.perform(get("/api/v1/teams").param("search", "s").param("pageToken", token))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/teams").param("type", "OWNER").param("pageToken", token))
                .andExpect(status().isBadRequest());
        verify(dataverse, never()).findTeams(any(Continuation.class));

        mvc.perform(get("/api/v1/teams")
                        .param("type", "OWNER")
                        .param("search", "s")
                        .param("pageToken", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value("Sales"))
                .andExpect(jsonPath("$.nextPageToken").value(nullValue()));
        verify(dataverse).findTeams(NEXT);
    }

    @Test
    void refusesATokenOfAnotherList() throws Exception {
        String rolesToken = pageTokens.issue("roles", PageTokens.fingerprint(null, null), NEXT);

        mvc.perform(get("/api/v1/teams").param("pageToken", rolesToken))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-page-token"));
        verifyNoInteractions(dataverse);
    }

    @Test
    void anUnknownTeamIsNotFound() throws Exception {
        UUID unknown = UUID.fromString("00000000-0000-0000-0000-000000000002");
        when(dataverse.findTeam(unknown)).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/teams/{id}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:team-not-found"))
                .andExpect(jsonPath("$.detail").value("There is no team with id " + unknown + "."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-guid", "4c3b2a190f8e4d7c8b6a594837261504", "' or 1 eq 1"})
    void refusesAMalformedIdWithoutCallingDataverse(String id) throws Exception {
        mvc.perform(get("/api/v1/teams/{id}", id))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-id"));
        verifyNoInteractions(dataverse);
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
