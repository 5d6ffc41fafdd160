package io.accessgov.dynamics.dataverse.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no {@code dynamics.environment-url} is set: the embedded simulator stands in for Dataverse. */
final class DemoMode implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("dynamics.environment-url");
        return url == null || url.isBlank();
    }
}
