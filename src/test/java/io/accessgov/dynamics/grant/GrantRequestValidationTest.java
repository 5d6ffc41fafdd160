package io.accessgov.dynamics.grant;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.accessgov.dynamics.audit.AuditLog;
import io.accessgov.dynamics.audit.AuditNotRecorded;
import io.accessgov.dynamics.audit.AuditTrail;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.environment.TestEnvironments;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The body and id of grant changes are checked before anything is read from or sent to Dataverse. */
@WebMvcTest(controllers = GrantController.class)
@Import({GrantCommands.class, GrantLocks.class, AuditLog.class, TestEnvironments.Single.class})
class GrantRequestValidationTest {

    private static final String ROLE = "0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2";
    private static final String ACCOUNT = "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DataverseClient dataverse;

    @MockitoBean
    GrantService grants;

    @MockitoBean
    AuditTrail trail;

    @AfterEach
    void nothingWasAskedOfDataverse() {
        verifyNoInteractions(dataverse, grants);
    }

    @Test
    void aValidRequestReachesDataverse() throws Exception {
        UUID account = UUID.fromString(ACCOUNT);
        when(dataverse.findUser(account)).thenReturn(Optional.empty());

        send(body("role", ROLE, "account", ACCOUNT, ""))
                .andExpect(status().isNotFound())
                .andExpect(type("account-not-found"));

        verify(dataverse).findUser(account);
        verifyNoInteractions(grants);
        clearInvocations(dataverse);
    }

    @Test
    void anAttemptWhoseAuditEventCannotBeKeptIsNotAnsweredAsItCameOut() throws Exception {
        UUID account = UUID.fromString(ACCOUNT);
        when(dataverse.findUser(account)).thenReturn(Optional.empty());
        when(trail.append(any())).thenThrow(new AuditNotRecorded());

        send(body("role", ROLE, "account", ACCOUNT, ""))
                .andExpect(status().isServiceUnavailable())
                .andExpect(type("audit-trail-unavailable"));

        verify(trail).append(any());
        clearInvocations(dataverse);
    }

    @Test
    void unknownMembersAreRefusedByName() throws Exception {
        send(body("role", ROLE, "account", ACCOUNT, ", \"expiresAt\": \"2030-01-01\""))
                .andExpect(status().isBadRequest())
                .andExpect(type("invalid-body"))
                .andExpect(jsonPath("$.errors[0].pointer").value("#/expiresAt"))
                .andExpect(jsonPath("$.errors[0].detail").value(containsString("not a member")));
    }

    @Test
    void everyMissingMemberIsListed() throws Exception {
        send("{}")
                .andExpect(status().isBadRequest())
                .andExpect(type("invalid-body"))
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[*].pointer")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "#/resourceType", "#/resourceId", "#/principalType", "#/principalId")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a number for an id|\"resourceType\": \"role\", \"resourceId\": 42, \"principalType\": \"account\","
                        + " \"principalId\": \"" + ACCOUNT + "\"|#/resourceId",
                "a malformed GUID|\"resourceType\": \"role\", \"resourceId\": \"0b5c2a44-1d3e-4f5a-9b6c\","
                        + " \"principalType\": \"account\", \"principalId\": \"" + ACCOUNT + "\"|#/resourceId",
                "a GUID with braces|\"resourceType\": \"role\", \"resourceId\": \"{" + ROLE + "}\","
                        + " \"principalType\": \"account\", \"principalId\": \"" + ACCOUNT + "\"|#/resourceId",
                "an unknown resource type|\"resourceType\": \"app\", \"resourceId\": \"" + ROLE + "\","
                        + " \"principalType\": \"account\", \"principalId\": \"" + ACCOUNT + "\"|#/resourceType",
                "a boolean type|\"resourceType\": true, \"resourceId\": \"" + ROLE + "\","
                        + " \"principalType\": \"account\", \"principalId\": \"" + ACCOUNT + "\"|#/resourceType",
                "the wrong entitlement|\"resourceType\": \"role\", \"resourceId\": \"" + ROLE + "\","
                        + " \"principalType\": \"account\", \"principalId\": \"" + ACCOUNT + "\","
                        + " \"entitlement\": \"member\"|#/entitlement",
                "a team as a team's member|\"resourceType\": \"team\", \"resourceId\": \"" + ROLE + "\","
                        + " \"principalType\": \"team\", \"principalId\": \"" + ACCOUNT + "\"|#/principalType",
                "a business unit for a team|\"resourceType\": \"team\", \"resourceId\": \"" + ROLE + "\","
                        + " \"principalType\": \"account\", \"principalId\": \"" + ACCOUNT + "\","
                        + " \"businessUnitId\": \"" + ROLE + "\"|#/businessUnitId",
                "an object for a business unit|\"resourceType\": \"role\", \"resourceId\": \"" + ROLE + "\","
                        + " \"principalType\": \"account\", \"principalId\": \"" + ACCOUNT + "\","
                        + " \"businessUnitId\": {}|#/businessUnitId"
            })
    void invalidMembersAreRefusedWithAPointer(String what, String members, String pointer) throws Exception {
        send("{" + members + "}")
                .andExpect(status().isBadRequest())
                .andExpect(type("invalid-body"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].pointer").value(pointer));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "\"role\"",
                "{\"resourceType\": \"role\", \"resourceType\": \"team\"}",
                "{\"resourceType\": \"role\"} {}",
                "{\"resourceType\": "
            })
    void bodiesThatAreNotOneJsonObjectAreUnreadable(String body) throws Exception {
        send(body).andExpect(status().isBadRequest()).andExpect(type("unreadable-body"));
    }

    @Test
    void anEmptyBodyIsUnreadable() throws Exception {
        mvc.perform(post("/api/v1/grants").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(type("unreadable-body"));
    }

    @Test
    void aBodyThatIsNotJsonByItsContentTypeIsUnsupported() throws Exception {
        mvc.perform(post("/api/v1/grants")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(body("role", ROLE, "account", ACCOUNT, "")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(type("unsupported-media-type"));
        mvc.perform(post("/api/v1/grants").content(body("role", ROLE, "account", ACCOUNT, "")))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void aHugeBodyIsTooLarge() throws Exception {
        send(body("role", ROLE, "account", ACCOUNT, ", \"padding\": \"" + "x".repeat(5000) + "\""))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(type("payload-too-large"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "role:" + ROLE + ":member:account:" + ACCOUNT,
                "team:" + ROLE + ":member:team:" + ACCOUNT,
                "role:" + ROLE + ":assigned:account:not-a-guid",
                "role:" + ROLE + ":assigned:account",
                "role:" + ROLE + ":assigned:user:" + ACCOUNT
            })
    void aMalformedGrantIdToRevokeIsABadRequest(String id) throws Exception {
        mvc.perform(delete("/api/v1/grants/{id}", id))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(type("invalid-id"));
    }

    private ResultActions send(String body) throws Exception {
        return mvc.perform(
                post("/api/v1/grants").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String body(
            String resourceType, String resourceId, String principalType, String principalId, String more) {
        return "{\"resourceType\": \"" + resourceType + "\", \"resourceId\": \"" + resourceId
                + "\", \"principalType\": \"" + principalType + "\", \"principalId\": \"" + principalId + "\"" + more
                + "}";
    }

    private static org.springframework.test.web.servlet.ResultMatcher type(String kind) {
        return jsonPath("$.type").value("urn:dynamics365-connector:problem:" + kind);
    }
}
