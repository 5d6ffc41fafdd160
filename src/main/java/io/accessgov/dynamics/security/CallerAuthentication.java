package io.accessgov.dynamics.security;

/** How callers are authenticated, decided once at start-up (docs/api.md §6). */
enum CallerAuthentication {
    /** Bearer JWTs from the configured issuer, with {@code dynamics.read} / {@code dynamics.write}. */
    JWT,
    /** Demo mode (simulator) without an issuer: the API is open. */
    OPEN_DEMO,
    /** A real environment without an issuer, opened explicitly with {@code connector.security.allow-anonymous}. */
    OPEN_BY_CHOICE;

    /**
     * @throws NoCallerAuthenticationConfigured against a real environment with neither an issuer nor explicit
     *     anonymous access
     */
    static CallerAuthentication decide(boolean issuerConfigured, boolean demoMode, boolean allowAnonymous) {
        if (issuerConfigured) {
            return JWT;
        }
        if (demoMode) {
            return OPEN_DEMO;
        }
        if (allowAnonymous) {
            return OPEN_BY_CHOICE;
        }
        throw new NoCallerAuthenticationConfigured();
    }
}
