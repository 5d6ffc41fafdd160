package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.SignInFailed;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.web.client.ResourceAccessException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access token for Dataverse, from Spring Security's client-credentials support. The manager reuses a token
 * until shortly before it expires; this class adds single flight (many concurrent callers cause one token request)
 * and turns Entra's refusals into {@link DataverseException}s.
 */
final class TokenSource {

    static final String REGISTRATION_ID = "dataverse";
    static final String PRINCIPAL = "dynamics365-connector";

    private final OAuth2AuthorizedClientManager manager;
    private final OAuth2AuthorizedClientService clients;
    private final JsonMapper json;
    private final ReentrantLock lock = new ReentrantLock();

    public TokenSource(OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientService clients, JsonMapper json) {
        this.manager = manager;
        this.clients = clients;
        this.json = json;
    }

    /** A valid access token, fetched from Entra only when none is cached or the cached one is about to expire. */
    public String accessToken() {
        lock.lock();
        try {
            OAuth2AuthorizedClient client =
                    manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID)
                            .principal(PRINCIPAL)
                            .build());
            if (client == null) {
                throw new SignInFailed("No access token could be obtained for Dataverse.", null, null);
            }
            return client.getAccessToken().getTokenValue();
        } catch (DataverseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets {@code rejected} (Dataverse answered 401 to it) unless another caller already replaced it. */
    public void reject(String rejected) {
        lock.lock();
        try {
            OAuth2AuthorizedClient current = clients.loadAuthorizedClient(REGISTRATION_ID, PRINCIPAL);
            if (current != null && current.getAccessToken().getTokenValue().equals(rejected)) {
                clients.removeAuthorizedClient(REGISTRATION_ID, PRINCIPAL);
            }
        } finally {
            lock.unlock();
        }
    }

    private DataverseException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EntraSignIn.Refused refused) {
                return EntraSignIn.refused(json, refused.status, refused.body);
            }
            if (cause instanceof ResourceAccessException access) {
                return EntraSignIn.unreachable(access.getCause());
            }
            if (cause instanceof DataverseException known) {
                return known;
            }
        }
        return new SignInFailed(
                "Entra's answer to the token request could not be used ("
                        + failure.getClass().getSimpleName() + ").",
                null,
                null);
    }
}
