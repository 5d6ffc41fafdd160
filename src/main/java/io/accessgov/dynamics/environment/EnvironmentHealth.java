package io.accessgov.dynamics.environment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;

/**
 * The health of the environments (docs/api.md §7, §9): one component per environment, {@code dataverse-<name>}, and
 * the component {@code dataverse}, which readiness includes: UP while at least one environment is UP, so one
 * environment's outage or wrong secret never takes the whole service out of traffic. Every component shows the
 * environments' cached checks; none reaches Dataverse itself.
 */
final class EnvironmentHealth implements HealthIndicator {

    /** The prefix of every environment's component. */
    static final String COMPONENT_PREFIX = "dataverse-";

    private final Environments environments;

    EnvironmentHealth(Environments environments) {
        this.environments = environments;
    }

    /** Registers each environment's component, {@code dataverse-<name>}, once the registry exists. */
    static SmartInitializingSingleton registration(
            Environments environments, ObjectProvider<HealthContributorRegistry> registry) {
        return () -> {
            for (Environment environment : environments.all()) {
                registry.getObject().registerContributor(COMPONENT_PREFIX + environment.name(), environment.health());
            }
        };
    }

    @Override
    public Health health() {
        Map<String, Object> byEnvironment = new LinkedHashMap<>();
        boolean anyUp = false;
        for (Environment environment : environments.all()) {
            Health health = environment.health().health();
            anyUp |= Status.UP.equals(health.getStatus());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("status", health.getStatus().getCode());
            summary.put(
                    "environmentUrl", environment.connection().environmentUrl().toString());
            for (String detail : new String[] {"checkedAt", "reason"}) {
                Object value = health.getDetails().get(detail);
                if (value != null) {
                    summary.put(detail, value);
                }
            }
            byEnvironment.put(environment.name(), summary);
        }
        return (anyUp ? Health.up() : Health.down())
                .withDetail("environments", byEnvironment)
                .build();
    }
}
