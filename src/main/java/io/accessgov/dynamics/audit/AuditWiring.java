package io.accessgov.dynamics.audit;

import io.accessgov.dynamics.web.ConnectorProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail: the shared database when one is configured (several replicas), else a file in the data directory. */
@Configuration(proxyBeanMethods = false)
class AuditWiring {

    @Bean
    AuditTrail auditTrail(ConnectorProperties connector, JsonMapper json, ObjectProvider<JdbcTemplate> database) {
        JdbcTemplate jdbc = database.getIfAvailable();
        if (jdbc != null) {
            return new JdbcAuditTrail(jdbc, Clock.systemUTC());
        }
        return new FileAuditTrail(connector.dataDir(), json, Clock.systemUTC());
    }
}
