package io.accessgov.dynamics.dataverse.internal;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the client-credentials machinery in code, from the connection (not from
 * {@code spring.security.oauth2.client.*}): one registration, an in-memory authorized-client store, the
 * service-based manager a background service needs, and a token client with its own timeouts that keeps Entra's
 * error body so it can be explained.
 */
final class OAuthWiring {

    private OAuthWiring() {}

    public static ClientRegistration registration(DataverseConnection connection) {
        return ClientRegistration.withRegistrationId(TokenSource.REGISTRATION_ID)
                .clientId(connection.clientId())
                .clientSecret(connection.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(connection.tokenUri().toString())
                .scope(connection.scope())
                .build();
    }

    /** The token source for {@code connection}, with the given timeouts, refresh skew, clock and meters. */
    public static TokenSource tokenSource(
            DataverseConnection connection,
            Duration connectTimeout,
            Duration readTimeout,
            Duration refreshSkew,
            Clock clock,
            DataverseMetrics metrics,
            JsonMapper json) {
        OAuth2AuthorizedClientService clients = new InMemoryOAuth2AuthorizedClientService(
                new InMemoryClientRegistrationRepository(registration(connection)));
        ClientCredentialsOAuth2AuthorizedClientProvider provider =
                new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setClockSkew(refreshSkew);
        provider.setClock(clock);
        provider.setAccessTokenResponseClient(counting(tokenClient(connectTimeout, readTimeout), metrics));
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                        new InMemoryClientRegistrationRepository(registration(connection)), clients);
        manager.setAuthorizedClientProvider(provider);
        return new TokenSource(manager, clients, json);
    }

    static RestClientClientCredentialsTokenResponseClient tokenClient(Duration connectTimeout, Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(readTimeout);
        RestClient restClient = RestClient.builder()
                .requestFactory(requestFactory)
                .configureMessageConverters(converters -> converters
                        .registerDefaults()
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new EntraSignIn.Refused(
                            response.getStatusCode().value(), response.getBody().readAllBytes());
                })
                .build();
        RestClientClientCredentialsTokenResponseClient client = new RestClientClientCredentialsTokenResponseClient();
        client.setRestClient(restClient);
        return client;
    }

    private static OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> counting(
            OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> delegate, DataverseMetrics metrics) {
        return request -> {
            try {
                var response = delegate.getTokenResponse(request);
                metrics.tokenFetch(DataverseMetrics.TokenOutcome.SUCCESS);
                return response;
            } catch (RuntimeException e) {
                metrics.tokenFetch(
                        refusal(e) ? DataverseMetrics.TokenOutcome.REFUSED : DataverseMetrics.TokenOutcome.ERROR);
                throw e;
            }
        };
    }

    private static boolean refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EntraSignIn.Refused refused) {
                return refused.status < 500;
            }
        }
        return false;
    }
}
