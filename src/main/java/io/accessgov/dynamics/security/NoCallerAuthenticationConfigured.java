package io.accessgov.dynamics.security;

/** The service points at a real environment, but callers would not have to authenticate: start-up is refused. */
final class NoCallerAuthenticationConfigured extends RuntimeException {

    static final String EXPLANATION = "The service is connected to a real Dataverse environment"
            + " (DYNAMICS_ENVIRONMENT_URL is set) but no issuer of callers' tokens is configured, so its API would"
            + " be open to anyone.";

    static final String ACTION = "Set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI (or"
            + " SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI) to the issuer of your callers' tokens, for"
            + " Entra https://login.microsoftonline.com/<tenant>/v2.0, and optionally"
            + " SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES; or, to run without caller authentication on"
            + " purpose, set CONNECTOR_SECURITY_ALLOW_ANONYMOUS=true.";

    NoCallerAuthenticationConfigured() {
        super(EXPLANATION + " " + ACTION);
    }
}
