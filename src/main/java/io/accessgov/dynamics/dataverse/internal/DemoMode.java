package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DynamicsProperties;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when no environment is configured ({@code dynamics.environment-url} unset and no
 * {@code dynamics.environments.*}): the embedded simulator stands in for Dataverse.
 */
final class DemoMode implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("dynamics.environment-url");
        if (url != null && !url.isBlank()) {
            return false;
        }
        return Binder.get(context.getEnvironment())
                .bind(
                        "dynamics.environments",
                        Bindable.mapOf(String.class, DynamicsProperties.EnvironmentSettings.class))
                .map(Map::isEmpty)
                .orElse(true);
    }
}
