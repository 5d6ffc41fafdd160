package io.accessgov.dynamics.sync;

import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.environment.Environments;
import io.accessgov.dynamics.web.ConnectorProperties;
import io.accessgov.dynamics.web.PageTokens;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires full syncs: the embedded snapshot store in {@code connector.data-dir}, one background thread that runs
 * syncs one at a time, one reading thread per table or part of a table (the Dataverse client bounds the requests in
 * flight), the threads that compress snapshots, and how snapshots are sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnvironmentSyncProperties.class)
class SyncWiring {

    @Bean(destroyMethod = "close")
    SnapshotCompression snapshotCompression() {
        return new SnapshotCompression();
    }

    /**
     * With a shared database (docs/operations.md, "Several replicas") the store in PostgreSQL; else the embedded store,
     * whose snapshots an earlier version kept are converted before any request is served.
     */
    @Bean
    SnapshotStore snapshotStore(
            ConnectorProperties connector,
            SnapshotCompression compression,
            JsonMapper json,
            ObjectProvider<JdbcTemplate> database,
            ObjectProvider<TransactionTemplate> transactions) {
        JdbcTemplate jdbc = database.getIfAvailable();
        if (jdbc != null) {
            return new JdbcSnapshotStore(jdbc, transactions.getObject(), json);
        }
        FileSnapshotStore store = new FileSnapshotStore(connector.dataDir(), json);
        LegacySnapshots.convert(store, compression, json);
        return store;
    }

    /** Leases in the shared database, or this process alone deciding. */
    @Bean
    SyncCoordination syncCoordination(
            SnapshotStore store,
            ConnectorProperties connector,
            JsonMapper json,
            ObjectProvider<JdbcTemplate> database,
            ObjectProvider<TransactionTemplate> transactions) {
        if (store instanceof JdbcSnapshotStore shared) {
            String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
            return new SyncLeases(
                    database.getObject(),
                    transactions.getObject(),
                    shared,
                    json,
                    owner,
                    connector.syncs().lease());
        }
        return SyncCoordination.singleReplica(store);
    }

    @Bean
    SnapshotResponses snapshotResponses(ConnectorProperties connector) {
        return new SnapshotResponses(connector.syncs().streamTimeLimit());
    }

    /** Runs first on the container's error dispatches; see {@link AbortedStreamErrorPage}. */
    @Bean
    FilterRegistrationBean<AbortedStreamErrorPage> abortedStreamErrorPage() {
        FilterRegistrationBean<AbortedStreamErrorPage> registration =
                new FilterRegistrationBean<>(new AbortedStreamErrorPage());
        registration.setDispatcherTypes(DispatcherType.ERROR, DispatcherType.INCLUDE);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** One sync service per environment: each runs its own syncs, one at a time, on threads of its own. */
    @Bean(destroyMethod = "close")
    Syncs syncs(
            Environments environments,
            SnapshotStore store,
            SyncCoordination coordination,
            SnapshotCompression compression,
            JsonMapper json,
            PageTokens pageTokens,
            MeterRegistry meters,
            ConnectorProperties connector) {
        Path work = workDirectory(connector.dataDir());
        ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(threads("sync-lease-"));
        Map<String, SyncService> services = new LinkedHashMap<>();
        for (Environment environment : environments.all()) {
            services.put(
                    environment.name(),
                    syncService(
                            environment,
                            work,
                            store,
                            coordination,
                            renewals,
                            compression,
                            json,
                            pageTokens,
                            meters,
                            connector));
        }
        return new Syncs(services, renewals);
    }

    private static SyncService syncService(
            Environment environment,
            Path work,
            SnapshotStore store,
            SyncCoordination coordination,
            ScheduledExecutorService renewals,
            SnapshotCompression compression,
            JsonMapper json,
            PageTokens pageTokens,
            MeterRegistry meters,
            ConnectorProperties connector) {
        String name = environment.name();
        // a table read waits for its parts on the same pool, so it must grow: a thread per table read
        // (SyncRun.TABLES) and one for the privileges' tables, 3 × (parts - 1) for the key-range parts of the tables
        // that grow with the accounts, and the grant renderers (SnapshotComposer.CHUNKS_IN_FLIGHT)
        ExecutorService readers = Executors.newCachedThreadPool(threads("sync-read-" + name + "-"));
        Clock clock = Clock.systemUTC();
        SyncJob job = new SyncJob(
                environment,
                json,
                store,
                compression,
                work,
                readers,
                connector.syncs().parts(),
                clock);
        ExecutorService runner =
                new ThreadPoolExecutor(
                        1,
                        1,
                        0,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(1),
                        threads("sync-run-" + name + "-")) {
                    @Override
                    protected void terminated() {
                        readers.shutdownNow();
                    }
                };
        return new SyncService(
                name,
                environment.isDefault(),
                store,
                coordination,
                renewals,
                connector.syncs().lease(),
                job,
                runner,
                new SyncMetrics(meters, name),
                pageTokens,
                clock,
                connector.syncs().keep());
    }

    /** The schedules of every environment's syncs (docs/api.md §11); checked, and started, at start-up. */
    @Bean(destroyMethod = "close")
    SyncSchedules syncSchedules(
            Syncs syncs,
            Environments environments,
            ConnectorProperties connector,
            EnvironmentSyncProperties perEnvironment) {
        List<Environment> all = List.copyOf(environments.all());
        return new SyncSchedules(
                syncs, all, SyncSchedules.plan(all, connector.syncs().schedule(), perEnvironment.environments()));
    }

    /** {@code {data-dir}/work}, for a running sync's temporary files; emptied at start-up. */
    private static Path workDirectory(Path dataDir) {
        Path work = dataDir.resolve("work");
        try {
            Files.createDirectories(work);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(work)) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + work + " for sync work files", e);
        }
        return work;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
