package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.dataverse.SignInFailed;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Explains what Entra's token endpoint refused, in words an operator can act on. Uses the AADSTS number and the
 * {@code error} string only; never echoes the request (which holds the secret) or the free-text description.
 */
final class EntraSignIn {

    /** What Entra answered instead of a token. Not a RestClientException, so the token client lets it through. */
    static final class Refused extends RuntimeException {
        final int status;
        final byte[] body;

        Refused(int status, byte[] body) {
            super("Entra answered HTTP " + status, null, false, false);
            this.status = status;
            this.body = body;
        }
    }

    private static final Map<Long, String> ADVICE = Map.ofEntries(
            Map.entry(
                    7000215L,
                    "Entra refused the client secret (AADSTS7000215): DYNAMICS_CLIENT_SECRET must hold the"
                            + " secret's value (not its id) of a secret of this app registration."),
            Map.entry(
                    7000222L,
                    "The client secret has expired (AADSTS7000222): create a new secret for the app"
                            + " registration and set DYNAMICS_CLIENT_SECRET."),
            Map.entry(7000218L, "Entra received no client secret (AADSTS7000218): set DYNAMICS_CLIENT_SECRET."),
            Map.entry(
                    700016L,
                    "Entra does not know this application in this tenant (AADSTS700016): check"
                            + " DYNAMICS_CLIENT_ID and DYNAMICS_TENANT_ID."),
            Map.entry(90002L, "Entra does not know the tenant (AADSTS90002): check DYNAMICS_TENANT_ID."),
            Map.entry(
                    500011L,
                    "Entra does not know the Dataverse environment as a resource in this tenant"
                            + " (AADSTS500011): check DYNAMICS_ENVIRONMENT_URL."),
            Map.entry(70011L, "Entra refused the requested scope (AADSTS70011): check DYNAMICS_ENVIRONMENT_URL."),
            Map.entry(700022L, "Entra refused the requested scope (AADSTS700022): check DYNAMICS_ENVIRONMENT_URL."),
            Map.entry(7000112L, "The app registration is disabled in Entra (AADSTS7000112)."));

    private EntraSignIn() {}

    /** The exception for a refusal from the token endpoint. */
    static DataverseException refused(JsonMapper json, int status, byte[] body) {
        if (status >= 500 || status == 429) {
            return new DataverseUnavailable(
                    "Entra's token endpoint is unavailable (HTTP " + status + ").", null, null, null);
        }
        String error = null;
        Long code = null;
        try {
            JsonNode node = json.readTree(body);
            error = node.path("error").isString() ? node.path("error").asString() : null;
            JsonNode codes = node.path("error_codes");
            if (codes.isArray() && !codes.isEmpty() && codes.get(0).canConvertToLong()) {
                code = codes.get(0).asLong();
            }
        } catch (RuntimeException notJson) {
            // a proxy or gateway page: the status is all we know
        }
        String aadsts = code == null ? null : "AADSTS" + code;
        String advice = code == null ? null : ADVICE.get(code);
        if (advice == null) {
            advice = "Entra refused to issue a token for Dataverse (HTTP " + status
                    + (error == null ? "" : ", " + sanitize(error))
                    + (aadsts == null ? "" : ", " + aadsts) + "): check DYNAMICS_TENANT_ID, DYNAMICS_CLIENT_ID and"
                    + " DYNAMICS_CLIENT_SECRET.";
        }
        return new SignInFailed(advice, aadsts, null);
    }

    /** The exception for a token endpoint that could not be reached or did not answer in time. */
    static DataverseException unreachable(@Nullable Throwable cause) {
        String why = cause instanceof IOException ? " (" + cause.getClass().getSimpleName() + ")" : "";
        return new DataverseUnavailable("Entra's token endpoint could not be reached" + why + ".", null, null, null);
    }

    private static String sanitize(String error) {
        return error.replaceAll("[^a-z_]", "");
    }
}
