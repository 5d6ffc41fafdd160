package io.accessgov.dynamics.web;

import io.accessgov.dynamics.database.DatabaseSwitch;
import lombok.extern.slf4j.Slf4j;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The page-token codec, keyed by {@code connector.page-token-key} or, when unset, by a random per-process key. With
 * a shared database (several replicas, docs/operations.md) the key is required: a token one replica issues must open
 * on every other, so start-up fails without it.
 */
@Slf4j
@Configuration(proxyBeanMethods = false)
class PageTokenConfiguration {

    @Bean
    PageTokens pageTokens(ConnectorProperties connector, Environment settings) {
        if (connector.pageTokenKeyBytes().isEmpty() && DatabaseSwitch.configured(settings)) {
            throw new IllegalStateException("connector.page-token-key (CONNECTOR_PAGE_TOKEN_KEY) is required when "
                    + DatabaseSwitch.URL + " is set: every replica must open the page tokens the others issue."
                    + " Generate one with: openssl rand -base64 32");
        }
        return connector.pageTokenKeyBytes().map(PageTokens::new).orElseGet(() -> {
            log.info("connector.page-token-key (CONNECTOR_PAGE_TOKEN_KEY) is not set: page tokens use a"
                    + " random key of this process, so they do not survive a restart and do not work across"
                    + " replicas.");
            return PageTokens.withRandomKey();
        });
    }
}
