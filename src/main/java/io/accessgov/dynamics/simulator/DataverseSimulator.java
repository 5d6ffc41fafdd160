package io.accessgov.dynamics.simulator;

import java.net.URI;

/**
 * An embedded Dataverse environment and Entra token endpoint, reachable only over HTTP on 127.0.0.1, faithful to
 * the documented Web API. It serves demo mode and the tests. It depends on nothing else in this service.
 *
 * <p>Skeleton: the public surface other packages rely on. Filled in by the simulator work.
 */
public final class DataverseSimulator implements AutoCloseable {

    private DataverseSimulator() {}

    /** Starts a simulator seeded with the demo organisation, listening on 127.0.0.1:{port} (0 picks a free port). */
    public static DataverseSimulator start(int port) {
        throw new UnsupportedOperationException("not yet built");
    }

    /** The environment URL, e.g. {@code http://127.0.0.1:51234}; the Web API lives under {@code /api/data/v9.2/}. */
    public URI environmentUrl() {
        throw new UnsupportedOperationException("not yet built");
    }

    /** The Entra-shaped authority; its token endpoint is {@code {authority}/{tenant}/oauth2/v2.0/token}. */
    public URI authorityUrl() {
        throw new UnsupportedOperationException("not yet built");
    }

    public String tenantId() {
        throw new UnsupportedOperationException("not yet built");
    }

    public String clientId() {
        throw new UnsupportedOperationException("not yet built");
    }

    public String clientSecret() {
        throw new UnsupportedOperationException("not yet built");
    }

    @Override
    public void close() {}
}
