package io.accessgov.dynamics.environment;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import io.accessgov.dynamics.dataverse.AccountVisibility;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataverseConnectionInfo;
import io.accessgov.dynamics.dataverse.DataverseHealthIndicator;
import io.accessgov.dynamics.dataverse.EnvironmentDefinition;
import io.accessgov.dynamics.dataverse.SystemUser;
import java.time.Duration;

/**
 * One Dataverse environment the service governs (docs/api.md §9): its name, its own door to Dataverse, and its own
 * account rules (the system-account toggle and the platform application ids), and its own health check. Features
 * take the environment a request addresses as an argument and ask it for these; nothing of one environment is shared
 * with another.
 */
public final class Environment implements AutoCloseable {

    /** The log context (MDC) key naming the environment a log line is about. */
    public static final String MDC_KEY = "environment";

    private final EnvironmentDefinition definition;
    private final DataverseConnectionInfo connection;
    private final DataverseClient dataverse;
    private final AccountClassifier classifier;
    private final AccountVisibility visibility;
    private final DataverseHealthIndicator health;

    /** @param healthInterval how long a health result is reused: the check reaches Dataverse at most that often */
    public Environment(
            EnvironmentDefinition definition,
            DataverseConnectionInfo connection,
            DataverseClient dataverse,
            Duration healthInterval) {
        this.definition = definition;
        this.connection = connection;
        this.dataverse = dataverse;
        this.classifier = new AccountClassifier(definition.platformApplicationIds());
        this.visibility = new AccountVisibility(definition.includeSystemAccounts());
        this.health = new DataverseHealthIndicator(dataverse, connection, healthInterval);
    }

    /** Its name, as in {@code /api/v1/environments/{name}/…}. */
    public String name() {
        return definition.name();
    }

    /** Whether the unprefixed paths address it. */
    public boolean isDefault() {
        return definition.isDefault();
    }

    /** Where it is: a real environment's URL or the embedded simulator's. */
    public DataverseConnectionInfo connection() {
        return connection;
    }

    /** Its door to Dataverse. */
    public DataverseClient dataverse() {
        return dataverse;
    }

    /** Tells its human, service and system accounts apart (with its own platform application ids). */
    public AccountClassifier classifier() {
        return classifier;
    }

    /** Which account types exist for the API here (its system-account toggle). */
    public AccountVisibility visibility() {
        return visibility;
    }

    /**
     * Whether the user exists for the API here: its system-account toggle shows the user's type (docs/api.md §3). The
     * one place where a user is found in or out of scope; accounts, grants and the questions across environments ask
     * it.
     */
    public boolean shows(SystemUser user) {
        return visibility.shows(classifier.classify(user));
    }

    /** Its health: token and {@code WhoAmI}, checked at most once per interval. */
    public DataverseHealthIndicator health() {
        return health;
    }

    @Override
    public void close() {
        health.close();
    }

    @Override
    public String toString() {
        return "Environment[" + name() + (isDefault() ? ", default" : "") + ", " + connection.environmentUrl() + "]";
    }
}
