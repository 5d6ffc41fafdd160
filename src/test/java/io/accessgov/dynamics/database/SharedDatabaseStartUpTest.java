package io.accessgov.dynamics.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.Application;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database is switched on by {@code spring.datasource.url} alone (docs/operations.md): without it no pool, no
 * Flyway, files in the data directory as before; with it Flyway creates the schema at start-up, and the page-token
 * key is required.
 */
class SharedDatabaseStartUpTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutADatabaseURLThereIsNoPoolAndTheAuditTrailIsAFile() {
        try (ConfigurableApplicationContext service = start(List.of())) {
            assertThat(service.getBeanProvider(DataSource.class).getIfAvailable())
                    .isNull();
            assertThat(Files.exists(dataDir.resolve("audit/events.ndjson"))).isTrue();
            assertThat(Files.isDirectory(dataDir.resolve("syncs"))).isTrue();
        }
    }

    @Test
    void withADatabaseURLFlywayCreatesTheSchemaAtStartUp() throws Exception {
        TestPostgres.Database database = TestPostgres.newDatabase();
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.add("--connector.page-token-key=" + Base64.getEncoder().encodeToString(new byte[32]));

        try (ConfigurableApplicationContext service = start(arguments)) {
            assertThat(service.getBeanProvider(DataSource.class).getIfAvailable())
                    .isNotNull();
        }

        try (Connection connection = database.connect();
                Statement query = connection.createStatement();
                ResultSet applied = query.executeQuery(
                        "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            assertThat(applied.next()).isTrue();
            assertThat(applied.getString("version")).isEqualTo("1");
            assertThat(applied.getBoolean("success")).isTrue();
        }
        try (Connection connection = database.connect();
                Statement query = connection.createStatement();
                ResultSet tables = query.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'public' ORDER BY table_name")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            assertThat(names).contains("audit_event", "snapshot", "snapshot_chunk", "sync_lease", "sync_record");
        }
        assertThat(Files.exists(dataDir.resolve("audit"))).isFalse();
    }

    @Test
    void withADatabaseURLButNoPageTokenKeyStartUpFailsNamingTheSetting() {
        TestPostgres.Database database = TestPostgres.newDatabase();

        assertThatThrownBy(() -> start(database.arguments()).close())
                .rootCause()
                .hasMessageContaining("CONNECTOR_PAGE_TOKEN_KEY");
    }

    private ConfigurableApplicationContext start(List<String> extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--connector.data-dir=" + dataDir,
                "--spring.profiles.active=text-logs"));
        arguments.addAll(extra);
        return new SpringApplicationBuilder(Application.class).run(arguments.toArray(String[]::new));
    }
}
