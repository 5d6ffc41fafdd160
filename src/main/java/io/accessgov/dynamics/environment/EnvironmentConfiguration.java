package io.accessgov.dynamics.environment;

import io.accessgov.dynamics.dataverse.DataverseConnector;
import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.dataverse.EnvironmentDefinition;
import java.util.ArrayList;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Connects every configured environment at start-up and teaches Spring MVC to resolve the one a request names. */
@Slf4j
@Configuration(proxyBeanMethods = false)
class EnvironmentConfiguration {

    @Bean
    Environments environments(DynamicsProperties properties, DataverseConnector connector) {
        List<Environment> environments = new ArrayList<>();
        for (EnvironmentDefinition definition : properties.environmentDefinitions()) {
            DataverseConnector.Connection connection = connector.connect(definition);
            environments.add(new Environment(definition, connection.info(), connection.client()));
        }
        Environments all = new Environments(environments);
        log.info(
                "Governing {} Dataverse environment(s): {}; unprefixed paths address '{}'",
                all.all().size(),
                all.names(),
                all.defaultEnvironment().name());
        return all;
    }

    @Bean
    WebMvcConfigurer environmentResolution(Environments environments) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new EnvironmentInterceptor(environments));
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new EnvironmentArgumentResolver(environments));
            }
        };
    }
}
