package io.accessgov.dynamics.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;

/** The simulator against the HTTP stacks the service itself uses: Spring's OAuth2 client and Reactor Netty. */
class SpringClientsInteropTest {

    static DataverseSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = DataverseSimulator.start(0);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static ClientRegistration registration(String secret, ClientAuthenticationMethod method) {
        return ClientRegistration.withRegistrationId("dataverse")
                .clientId(simulator.clientId())
                .clientSecret(secret)
                .clientAuthenticationMethod(method)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(simulator.tokenUrl().toString())
                .scope(simulator.environmentUrl() + "/.default")
                .build();
    }

    static OAuth2AccessTokenResponse token(String secret, ClientAuthenticationMethod method) {
        return new RestClientClientCredentialsTokenResponseClient()
                .getTokenResponse(new OAuth2ClientCredentialsGrantRequest(registration(secret, method)));
    }

    @Test
    void springsClientCredentialsClientGetsATokenWithBasicAndPostAuthentication() {
        OAuth2AccessTokenResponse basic =
                token(simulator.clientSecret(), ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        OAuth2AccessTokenResponse post = token(simulator.clientSecret(), ClientAuthenticationMethod.CLIENT_SECRET_POST);
        assertThat(basic.getAccessToken().getTokenValue()).isNotBlank();
        assertThat(post.getAccessToken().getExpiresAt())
                .isAfter(post.getAccessToken().getIssuedAt());
    }

    /**
     * Entra answers a wrong secret with 401; Spring parses OAuth2 error bodies only on 400, so the service sees
     * {@code invalid_token_response} with Entra's body (and its AADSTS code) in the description.
     */
    @Test
    void springsClientSeesAWrongSecretAsAn401TokenResponseCarryingTheAadstsCode() {
        assertThatThrownBy(() -> token("wrong", ClientAuthenticationMethod.CLIENT_SECRET_BASIC))
                .isInstanceOfSatisfying(OAuth2AuthorizationException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo("invalid_token_response");
                    assertThat(e.getError().getDescription()).contains("401", "AADSTS7000215");
                    assertThat(e.getError().getDescription()).doesNotContain(simulator.clientSecret());
                });
    }

    @Test
    void springsClientParsesEntras400Errors() {
        ClientRegistration unknownTenant = ClientRegistration.withClientRegistration(
                        registration(simulator.clientSecret(), ClientAuthenticationMethod.CLIENT_SECRET_BASIC))
                .tokenUri(simulator.authorityUrl() + "/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token")
                .build();
        assertThatThrownBy(() -> new RestClientClientCredentialsTokenResponseClient()
                        .getTokenResponse(new OAuth2ClientCredentialsGrantRequest(unknownTenant)))
                .isInstanceOfSatisfying(OAuth2AuthorizationException.class, e -> {
                    assertThat(e.getError().getErrorCode()).isEqualTo("invalid_request");
                    assertThat(e.getError().getDescription()).startsWith("AADSTS90002");
                });
    }

    @Test
    void reactorNettyFollowsNextLinksVerbatim() {
        String token = token(simulator.clientSecret(), ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .getAccessToken()
                .getTokenValue();
        WebClient web = WebClient.builder()
                .defaultHeader("Authorization", "Bearer " + token)
                .defaultHeader("Prefer", "odata.maxpagesize=9")
                .build();
        List<String> ids = new ArrayList<>();
        URI next = URI.create(simulator.webApiUrl() + "systemusers?$select=fullname&$filter=isdisabled%20eq%20false");
        while (next != null) {
            String body =
                    web.get().uri(next).retrieve().bodyToMono(String.class).block();
            JsonNode page = SimulatorClient.json(body);
            page.get("value").forEach(row -> ids.add(row.get("systemuserid").stringValue()));
            next = page.has("@odata.nextLink")
                    ? URI.create(page.get("@odata.nextLink").stringValue())
                    : null;
        }
        long enabled = simulator.state().rows("systemusers").stream()
                .filter(row -> Boolean.FALSE.equals(row.get("isdisabled")))
                .count();
        assertThat(ids).hasSize((int) enabled).doesNotHaveDuplicates();
    }
}
