package io.accessgov.dynamics.dataverse;

import org.jspecify.annotations.Nullable;

/**
 * Entra refused to issue a token, or Dataverse refused a fresh token: wrong secret, tenant, client id or application
 * user.
 */
public final class SignInFailed extends DataverseException {

    public SignInFailed(String message, @Nullable String dataverseCode, @Nullable String requestId) {
        super(message, dataverseCode, requestId);
    }
}
