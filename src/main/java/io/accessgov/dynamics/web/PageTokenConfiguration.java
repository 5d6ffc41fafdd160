package io.accessgov.dynamics.web;

import lombok.extern.slf4j.Slf4j;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The page-token codec, keyed by {@code connector.page-token-key} or, when unset, by a random per-process key. */
@Slf4j
@Configuration(proxyBeanMethods = false)
class PageTokenConfiguration {

    @Bean
    PageTokens pageTokens(ConnectorProperties connector) {
        return connector.pageTokenKeyBytes().map(PageTokens::new).orElseGet(() -> {
            log.info("connector.page-token-key (CONNECTOR_PAGE_TOKEN_KEY) is not set: page tokens use a"
                    + " random key of this process, so they do not survive a restart and do not work across"
                    + " replicas.");
            return PageTokens.withRandomKey();
        });
    }
}
