package io.accessgov.dynamics.dataverse;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the client secret out of {@code /actuator/env} and {@code /actuator/configprops} even where an operator
 * exposes them with {@code show-values=ALWAYS}: every property that looks like a credential is masked, and so is
 * any value that contains the configured secret under another name (such as {@code sun.java.command} when the
 * secret was passed on the command line).
 */
@Configuration(proxyBeanMethods = false)
class SecretSanitizing {

    @Bean
    SanitizingFunction likelySensitivePropertiesMasked() {
        return SanitizingFunction.sanitizeValue().ifLikelySensitive();
    }

    @Bean
    SanitizingFunction valuesContainingTheClientSecretMasked(DynamicsProperties dynamics) {
        String secret = dynamics.clientSecret();
        return SanitizingFunction.sanitizeValue()
                .ifValueStringMatches(value -> secret != null && !secret.isEmpty() && value.contains(secret));
    }
}
