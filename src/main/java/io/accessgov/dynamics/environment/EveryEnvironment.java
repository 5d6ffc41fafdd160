package io.accessgov.dynamics.environment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose paths address every environment rather than one (docs/api.md §9): its requests resolve
 * no environment, so their log lines and problems name none, unless the path itself has an {@code {env}}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EveryEnvironment {}
