package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.environment.TestEnvironments;
import io.accessgov.dynamics.web.ConnectorProperties;
import io.accessgov.dynamics.web.PageTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Scheduled syncs (docs/api.md §11): which expression applies where, refused expressions, and no overlapping runs. */
class SyncSchedulesTest {

    private static final Environment CONTOSO = TestEnvironments.of("contoso", true, mock(DataverseClient.class), false);
    private static final Environment SANDBOX =
            TestEnvironments.of("sandbox", false, mock(DataverseClient.class), false);

    @TempDir
    Path dataDir;

    @Test
    void anEnvironmentsOwnScheduleWinsAndAnEmptyOneIsOff() {
        var plans = SyncSchedules.plan(
                List.of(CONTOSO, SANDBOX),
                new ConnectorProperties.Schedule("0 */15 * * * *", "0 0 2 * * *"),
                Map.of("sandbox", own(new ConnectorProperties.Schedule("0 0 * * * *", ""))));

        assertThat(plans)
                .containsExactly(
                        new SyncSchedules.Planned(
                                "contoso",
                                SyncMode.INCREMENTAL,
                                "0 */15 * * * *",
                                "connector.syncs.schedule.incremental"),
                        new SyncSchedules.Planned(
                                "contoso", SyncMode.FULL, "0 0 2 * * *", "connector.syncs.schedule.full"),
                        new SyncSchedules.Planned(
                                "sandbox",
                                SyncMode.INCREMENTAL,
                                "0 0 * * * *",
                                "dynamics.environments.sandbox.syncs.schedule.incremental"));
    }

    @Test
    void nothingIsScheduledByDefault() {
        assertThat(SyncSchedules.plan(List.of(CONTOSO), new ConnectorProperties.Schedule(null, null), Map.of()))
                .isEmpty();
    }

    @Test
    void anExpressionThatIsNotCronStopsStartUpNamingItsProperty() {
        assertThatThrownBy(() -> SyncSchedules.plan(
                        List.of(CONTOSO, SANDBOX),
                        new ConnectorProperties.Schedule(null, null),
                        Map.of("sandbox", own(new ConnectorProperties.Schedule(null, "every night")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("dynamics.environments.sandbox.syncs.schedule.full must be a Spring cron");
        assertThat(ConnectorProperties.Schedule.valid("*/15 * * * *")).isFalse();
        assertThat(ConnectorProperties.Schedule.valid("0 */15 * * * *")).isTrue();
        assertThat(ConnectorProperties.Schedule.valid("")).isTrue();
    }

    @Test
    void aScheduledSyncThatFindsOneRunningIsSkippedNotQueued() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        SyncJob job = mock(SyncJob.class);
        when(job.run(any(), any())).thenAnswer(call -> {
            runs.incrementAndGet();
            release.await(10, TimeUnit.SECONDS);
            SyncRun run = call.getArgument(0);
            return run.view(SyncStatus.SUCCEEDED, Clock.systemUTC().instant(), Sync.Counts.NONE, null);
        });
        FileSnapshotStore store =
                new FileSnapshotStore(dataDir, JsonMapper.builder().build());
        SyncService service = new SyncService(
                "contoso",
                true,
                store,
                SyncCoordination.singleReplica(store),
                Executors.newSingleThreadScheduledExecutor(),
                java.time.Duration.ofSeconds(60),
                job,
                Executors.newSingleThreadExecutor(),
                new SyncMetrics(new SimpleMeterRegistry(), "contoso"),
                PageTokens.withRandomKey(),
                Clock.systemUTC(),
                5);
        Syncs syncs = new Syncs(Map.of("contoso", service), Executors.newSingleThreadExecutor());

        try (SyncSchedules schedules = new SyncSchedules(
                syncs,
                List.of(CONTOSO),
                List.of(new SyncSchedules.Planned("contoso", SyncMode.FULL, "* * * * * *", "test")))) {
            Thread.sleep(3_500);
            assertThat(runs).hasValue(1);
            assertThat(service.list(null, null).items()).hasSize(1);
            release.countDown();
        }
        service.close();
    }

    private static EnvironmentSyncProperties.PerEnvironment own(ConnectorProperties.Schedule schedule) {
        return new EnvironmentSyncProperties.PerEnvironment(new EnvironmentSyncProperties.Syncs(schedule));
    }
}
