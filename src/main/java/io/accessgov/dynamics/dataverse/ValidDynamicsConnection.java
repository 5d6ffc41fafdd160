package io.accessgov.dynamics.dataverse;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The connection settings are complete and safe: see {@link DynamicsConnectionValidator}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DynamicsConnectionValidator.class)
@interface ValidDynamicsConnection {

    String message() default "invalid Dataverse connection settings";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
