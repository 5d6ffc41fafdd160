package io.accessgov.dynamics.environment;

import io.accessgov.dynamics.dataverse.DataverseConnector;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.dataverse.EnvironmentDefinition;
import io.accessgov.dynamics.dataverse.HealthCheckProperties;
import java.util.ArrayList;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects every configured environment at start-up, each with its health components. */
@Slf4j
@Configuration(proxyBeanMethods = false)
class EnvironmentConfiguration {

    @Bean(destroyMethod = "close")
    Environments environments(
            DynamicsProperties properties, DataverseConnector connector, HealthCheckProperties health) {
        List<Environment> environments = new ArrayList<>();
        for (EnvironmentDefinition definition : properties.environmentDefinitions()) {
            DataverseConnector.Connection connection = connector.connect(definition);
            environments.add(new Environment(definition, connection.info(), connection.client(), health.interval()));
        }
        Environments all = new Environments(environments);
        log.info(
                "Governing {} Dataverse environment(s): {}; unprefixed paths address '{}'",
                all.all().size(),
                all.names(),
                all.defaultEnvironment().name());
        return all;
    }

    /** The component {@code dataverse} (all environments) and, registered by it, {@code dataverse-<name>} each. */
    @Bean("dataverseHealthIndicator")
    EnvironmentHealth dataverseHealth(Environments environments) {
        return new EnvironmentHealth(environments);
    }

    @Bean
    static SmartInitializingSingleton environmentHealthRegistration(
            Environments environments, ObjectProvider<HealthContributorRegistry> registry) {
        return EnvironmentHealth.registration(environments, registry);
    }
}
