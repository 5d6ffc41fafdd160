package io.accessgov.dynamics.account;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.accessgov.dynamics.dataverse.AccountType;
import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.SignInFailed;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.UserQuery;
import io.accessgov.dynamics.environment.TestEnvironments;
import io.accessgov.dynamics.web.PageTokens;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WebMvcTest(controllers = AccountController.class)
@Import({AccountService.class, AccountControllerTest.Tokens.class, TestEnvironments.Single.class})
class AccountControllerTest {

    private static final Continuation NEXT = new Continuation(
            "https://contoso.crm.dynamics.com/api/data/v9.2/systemusers?$select=fullname&$skiptoken=%3Ccookie%3E", 2);
    private static final UserQuery HUMANS = new UserQuery(null, Set.of(AccountType.HUMAN), null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DataverseClient dataverse;

    private final SystemUser jane = Users.jane();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void listsAccountsShapedAsTheContractSays() throws Exception {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(jane), null));

        mvc.perform(get("/api/v1/accounts"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"items": [{
                          "id": "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d", "displayName": "Jane Doe",
                          "firstName": "Jane", "lastName": "Doe",
                          "username": "jane.doe@contoso.com", "email": "jane.doe@contoso.com",
                          "status": "ENABLED", "accountType": "HUMAN", "accessMode": "READ_WRITE",
                          "businessUnit": {"id": "7d3a9b1e-2c4f-4e6a-8b0d-1f2e3a4b5c6d", "name": "Sales"},
                          "entraObjectId": "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "applicationId": null,
                          "licensed": true, "title": "Account Manager",
                          "createdAt": "2024-03-15T16:21:50Z", "modifiedAt": "2024-03-15T16:21:58Z"}],
                         "nextPageToken": null}
                        """, org.springframework.test.json.JsonCompareMode.STRICT));
        verify(dataverse).findUsers(HUMANS, 100);
    }

    @Test
    void passesFiltersToDataverseAsAQuery() throws Exception {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(), null));

        mvc.perform(get("/api/v1/accounts")
                        .param("status", "DISABLED")
                        .param("accountType", "HUMAN")
                        .param("search", "Doe")
                        .param("pageSize", "1000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)));

        verify(dataverse).findUsers(new UserQuery(true, Set.of(AccountType.HUMAN), "Doe"), 1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"' or 1 eq 1", "%27", ")", "$filter=", "o'brien') or (true", "\" or \"\"=\"", "*"})
    void searchWithQuotesAndODataSyntaxReachesTheClientUnchanged(String search) throws Exception {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(), null));

        mvc.perform(get("/api/v1/accounts").param("search", search)).andExpect(status().isOk());

        verify(dataverse).findUsers(new UserQuery(null, Set.of(AccountType.HUMAN), search), 100);
    }

    @Test
    void serviceAccountsAskedForWhileHiddenGiveAnEmptyLastPage() throws Exception {
        mvc.perform(get("/api/v1/accounts").param("accountType", "SERVICE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)))
                .andExpect(jsonPath("$.nextPageToken").value(nullValue()));
        verifyNoInteractions(dataverse);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "abc", "-1", "1.5", "99999999999"})
    void refusesAPageSizeOutsideOneToAThousand(String pageSize) throws Exception {
        mvc.perform(get("/api/v1/accounts").param("pageSize", pageSize))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-parameter"))
                .andExpect(jsonPath("$.errors[0].parameter").value("pageSize"));
        verifyNoInteractions(dataverse);
    }

    @Test
    void refusesAnUnknownStatusListingTheAllowedOnes() throws Exception {
        mvc.perform(get("/api/v1/accounts").param("status", "ACTIVE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("status"))
                .andExpect(jsonPath("$.detail").value("The parameter 'status' must be one of ENABLED, DISABLED."));
        verifyNoInteractions(dataverse);
    }

    @Test
    void refusesASearchLongerThan256Characters() throws Exception {
        mvc.perform(get("/api/v1/accounts").param("search", "a".repeat(257)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].parameter").value("search"));
        verifyNoInteractions(dataverse);
    }

    @Test
    void pagesOnWithTheNextPageTokenAndStopsOnTheLastPage() throws Exception {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(jane), NEXT));
        when(dataverse.findUsers(NEXT)).thenReturn(new DataversePage<>(List.of(jane), null));

        String token = nextPageToken(
                mvc.perform(get("/api/v1/accounts").param("pageSize", "2").param("search", "d"))
                        .andExpect(status().isOk())
                        .andReturn());
        mvc.perform(get("/api/v1/accounts").param("search", "d").param("pageToken", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nextPageToken").value(nullValue()));

        verify(dataverse).findUsers(NEXT);
    }

    @Test
    void refusesAForgedPageTokenWithoutCallingDataverse() throws Exception {
        mvc.perform(get("/api/v1/accounts").param("pageToken", "eyJsaW5rIjoiaHR0cHM6Ly9ldmlsLmV4YW1wbGUifQ"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-page-token"));
        verifyNoInteractions(dataverse);
    }

    @Test
    void refusesAnAlteredPageTokenWithoutFollowingIt() throws Exception {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(jane), NEXT));
        String token = nextPageToken(mvc.perform(get("/api/v1/accounts")).andReturn());
        char last = token.charAt(token.length() / 2);
        String altered = token.substring(0, token.length() / 2)
                + (last == 'A' ? 'B' : 'A')
                + token.substring(token.length() / 2 + 1);

        mvc.perform(get("/api/v1/accounts").param("pageToken", altered))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-page-token"));
        verify(dataverse, never()).findUsers(any(Continuation.class));
    }

    @Test
    void refusesAPageTokenFromADifferentQuery() throws Exception {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(jane), NEXT));
        String token = nextPageToken(
                mvc.perform(get("/api/v1/accounts").param("search", "jane")).andReturn());

        mvc.perform(get("/api/v1/accounts").param("search", "john").param("pageToken", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-page-token"));
        mvc.perform(get("/api/v1/accounts").param("pageToken", token)).andExpect(status().isBadRequest());
        verify(dataverse, never()).findUsers(any(Continuation.class));
    }

    @Test
    void getsAnAccountByIdInAnyCaseAndAnswersLowerCase() throws Exception {
        when(dataverse.findUser(jane.id())).thenReturn(Optional.of(jane));

        mvc.perform(get("/api/v1/accounts/{id}", jane.id().toString().toUpperCase(Locale.ROOT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d"))
                .andExpect(jsonPath("$.username").value("jane.doe@contoso.com"))
                .andExpect(jsonPath("$.businessUnit.name").value("Sales"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not-a-guid",
                "2b7e1a4c0d3e4f7a9c1b5e6f7a8b9c0d",
                "1-1-1-1-1",
                "{2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d}",
                "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0dd",
                "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0g",
                "' or 1 eq 1",
                "00000000-0000-0000-0000-00000000000%27"
            })
    void refusesAMalformedIdWithoutCallingDataverse(String id) throws Exception {
        mvc.perform(get("/api/v1/accounts/{id}", id))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:invalid-id"));
        verifyNoInteractions(dataverse);
    }

    @Test
    void anUnknownAccountIsNotFound() throws Exception {
        UUID unknown = UUID.fromString("00000000-0000-0000-0000-000000000001");
        when(dataverse.findUser(unknown)).thenReturn(Optional.empty());

        mvc.perform(get("/api/v1/accounts/{id}", unknown))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:account-not-found"))
                .andExpect(jsonPath("$.instance").value("/api/v1/accounts/" + unknown));
    }

    @Test
    void aServiceAccountIsNotFoundWhileTheToggleIsOff() throws Exception {
        SystemUser robot = Users.application("robot");
        when(dataverse.findUser(robot.id())).thenReturn(Optional.of(robot));

        mvc.perform(get("/api/v1/accounts/{id}", robot.id()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:account-not-found"));
    }

    @Test
    void aSignInFailureIsABadGatewayProblem() throws Exception {
        when(dataverse.findUser(jane.id()))
                .thenThrow(new SignInFailed("AADSTS7000215: Invalid client secret provided.", "AADSTS7000215", null));

        mvc.perform(get("/api/v1/accounts/{id}", jane.id()))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.type").value("urn:dynamics365-connector:problem:dataverse-sign-in-failed"))
                .andExpect(jsonPath("$.dataverseCode").value("AADSTS7000215"));
    }

    @Test
    void wrongMethodUnknownPathAndUnacceptableFormatAreProblems() throws Exception {
        mvc.perform(post("/api/v1/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/accountz"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/accounts").accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        verifyNoInteractions(dataverse);
    }

    private String nextPageToken(MvcResult result) throws Exception {
        JsonNode page = json.readTree(result.getResponse().getContentAsString());
        return page.get("nextPageToken").asString();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Tokens {

        @Bean
        PageTokens pageTokens() {
            return PageTokens.withRandomKey();
        }
    }
}
