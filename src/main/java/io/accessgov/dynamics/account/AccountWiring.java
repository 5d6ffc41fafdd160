package io.accessgov.dynamics.account;

import io.accessgov.dynamics.dataverse.AccountClassifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Connects the accounts feature to the classification rule that lives next to the Dataverse filter. */
@Configuration(proxyBeanMethods = false)
class AccountWiring {

    @Bean
    AccountTypeResolver accountTypeResolver(AccountClassifier classifier) {
        return classifier::classify;
    }
}
