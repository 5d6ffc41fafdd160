package io.accessgov.dynamics.environment;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every environment the service governs, in name order, and the default one (docs/api.md §9). Resolves the
 * {@code {env}} of a request once, for every feature.
 */
public final class Environments implements AutoCloseable {

    private final List<Environment> all;
    private final Map<String, Environment> byName;
    private final Environment defaultEnvironment;

    public Environments(List<Environment> environments) {
        if (environments.isEmpty()) {
            throw new IllegalArgumentException("at least one environment");
        }
        this.all = List.copyOf(environments);
        this.byName = all.stream().collect(Collectors.toUnmodifiableMap(Environment::name, Function.identity()));
        List<Environment> defaults = all.stream().filter(Environment::isDefault).toList();
        if (defaults.size() != 1) {
            throw new IllegalArgumentException("exactly one default environment, not " + defaults);
        }
        this.defaultEnvironment = defaults.get(0);
    }

    /** Every environment, in name order. */
    public List<Environment> all() {
        return all;
    }

    /** Their names, in order. */
    public List<String> names() {
        return all.stream().map(Environment::name).toList();
    }

    /** The environment the unprefixed paths address. */
    public Environment defaultEnvironment() {
        return defaultEnvironment;
    }

    /**
     * The environment with this name.
     *
     * @throws EnvironmentNotFound when there is none
     */
    public Environment named(String name) {
        Environment environment = byName.get(name);
        if (environment == null) {
            throw new EnvironmentNotFound(name, names());
        }
        return environment;
    }

    /** Stops every environment's health check. */
    @Override
    public void close() {
        all.forEach(Environment::close);
    }
}
