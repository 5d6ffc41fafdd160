package io.accessgov.dynamics.database;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A fresh database of the test server with the service's migrations applied, as the service applies them at
 * start-up: for tests of one store without a whole service.
 */
public final class Migrated implements AutoCloseable {

    public final TestPostgres.Database database;
    public final HikariDataSource dataSource;
    public final JdbcTemplate jdbc;
    public final TransactionTemplate transactions;

    public Migrated() {
        database = TestPostgres.newDatabase();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
