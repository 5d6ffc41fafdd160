package io.accessgov.dynamics.dataverse;

/**
 * Opens the one door to Dataverse for each environment: its own token cache, connection pool, concurrency bound,
 * retry budget and meters (tagged with the environment's name), so that one environment's outage or throttling
 * never slows another's calls. In demo mode it starts the environment's embedded simulator.
 */
public interface DataverseConnector {

    /** Connects to this environment; called once per environment at start-up. */
    Connection connect(EnvironmentDefinition environment);

    /**
     * An environment's door to Dataverse.
     *
     * @param info where it is (mode and URL), for status and info endpoints; holds no credentials
     * @param client its client
     */
    record Connection(DataverseConnectionInfo info, DataverseClient client) {}
}
