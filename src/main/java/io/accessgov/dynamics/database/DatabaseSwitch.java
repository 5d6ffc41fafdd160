package io.accessgov.dynamics.database;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Keeps the database out of the embedded default (docs/operations.md, "Several replicas"): without
 * {@code spring.datasource.url} Spring Boot would look for an embedded database and fail, so its JDBC and Flyway
 * auto-configuration is switched off and the service keeps its files in {@code connector.data-dir}. With the URL set
 * nothing is changed: Boot creates the pool, Flyway migrates the schema, and every feature uses the shared store.
 */
public final class DatabaseSwitch implements EnvironmentPostProcessor {

    /** The property whose presence means "several replicas share a PostgreSQL database". */
    public static final String URL = "spring.datasource.url";

    private static final String EXCLUDE = "spring.autoconfigure.exclude";

    private static final List<String> DATABASE_AUTO_CONFIGURATION = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

    /** Whether a shared database is configured in this environment. */
    public static boolean configured(org.springframework.core.env.Environment environment) {
        return StringUtils.hasText(environment.getProperty(URL));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (configured(environment)) {
            return;
        }
        Set<String> excluded =
                new LinkedHashSet<>(StringUtils.commaDelimitedListToSet(environment.getProperty(EXCLUDE, "")));
        excluded.addAll(DATABASE_AUTO_CONFIGURATION);
        excluded.removeIf(name -> !StringUtils.hasText(name));
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("noSharedDatabase", Map.of(EXCLUDE, String.join(",", excluded))));
    }
}
