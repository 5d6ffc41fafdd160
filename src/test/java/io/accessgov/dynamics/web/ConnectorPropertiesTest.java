package io.accessgov.dynamics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.dataverse.Continuation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ConnectorPropertiesTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class, PageTokenConfiguration.class);

    @Test
    void hasTheContractsDefaults() {
        context.run(started -> {
            ConnectorProperties connector = started.getBean(ConnectorProperties.class);
            assertThat(connector.dataDir().normalize()).isEqualTo(Path.of("data"));
            assertThat(connector.security().allowAnonymous()).isFalse();
            assertThat(connector.pageTokenKeyBytes()).isEmpty();
            assertThat(connector.syncs().streamTimeLimit())
                    .as("no limit on export and changes")
                    .isNull();
            assertThat(connector.syncs().schedule())
                    .as("no sync starts by itself")
                    .isEqualTo(new ConnectorProperties.Schedule(null, null));
        });
    }

    @Test
    void aScheduleIsASpringCronExpressionAndAnythingElseStopsStartUpNamingIt() {
        context.withPropertyValues(
                        "connector.syncs.schedule.incremental=0 */15 * * * *", "connector.syncs.schedule.full=")
                .run(started -> assertThat(started.getBean(ConnectorProperties.class)
                                .syncs()
                                .schedule())
                        .isEqualTo(new ConnectorProperties.Schedule("0 */15 * * * *", "")));
        context.withPropertyValues("connector.syncs.schedule.full=*/15 * * * *").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("connector.syncs.schedule.full (CONNECTOR_SYNCS_SCHEDULE_FULL)");
        });
    }

    @Test
    void aStreamTimeLimitIsADurationAboveZero() {
        context.withPropertyValues("connector.syncs.stream-time-limit=30m").run(started -> assertThat(
                        started.getBean(ConnectorProperties.class).syncs().streamTimeLimit())
                .isEqualTo(Duration.ofMinutes(30)));
        for (String limit : new String[] {"0s", "-5m"}) {
            context.withPropertyValues("connector.syncs.stream-time-limit=" + limit)
                    .run(started -> {
                        assertThat(started).hasFailed();
                        assertThat(started.getStartupFailure())
                                .rootCause()
                                .hasMessageContaining("CONNECTOR_SYNCS_STREAM_TIME_LIMIT");
                    });
        }
    }

    @Test
    void withoutAKeyTokensUseARandomKeyAndStartUpSaysSo(CapturedOutput output) {
        context.run(started -> assertThat(started).hasSingleBean(PageTokens.class));
        assertThat(output.getAll()).contains("do not survive a restart");
    }

    @Test
    void withASharedDatabaseTheKeyIsRequiredAndStartUpNamesIt() {
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/connector")
                .run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("CONNECTOR_PAGE_TOKEN_KEY")
                            .hasMessageContaining("spring.datasource.url");
                });
        context.withPropertyValues(
                        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/connector",
                        "connector.page-token-key=" + KEY)
                .run(started -> assertThat(started).hasSingleBean(PageTokens.class));
    }

    @Test
    void theSyncLeaseIsAMinuteByDefaultAndAtLeastThreeSeconds() {
        context.run(started -> assertThat(
                        started.getBean(ConnectorProperties.class).syncs().lease())
                .isEqualTo(Duration.ofSeconds(60)));
        context.withPropertyValues("connector.syncs.lease=1s").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("CONNECTOR_SYNCS_LEASE");
        });
    }

    @Test
    void aConfiguredKeyIsSharedByEveryProcessThatHasIt() {
        String[] token = new String[1];
        context.withPropertyValues("connector.page-token-key=" + KEY)
                .run(first -> token[0] = first.getBean(PageTokens.class)
                        .issue("accounts", "fp", new Continuation("https://contoso.crm.dynamics.com/x", 5)));
        context.withPropertyValues("connector.page-token-key=" + KEY)
                .run(second -> assertThat(second.getBean(PageTokens.class)
                                .redeem(token[0], "accounts", "fp")
                                .pageSize())
                        .isEqualTo(5));
    }

    @Test
    void refusesToStartWithAKeyOfTheWrongLengthOrNotBase64WithoutEchoingIt() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());
        for (String key : new String[] {shortKey, "not*base64!"}) {
            context.withPropertyValues("connector.page-token-key=" + key).run(started -> {
                assertThat(started).hasFailed();
                assertThat(started.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("CONNECTOR_PAGE_TOKEN_KEY")
                        .hasMessageContaining("openssl rand -base64 32");
            });
        }
    }

    @Test
    void neverPrintsTheKey() {
        context.withPropertyValues("connector.page-token-key=" + KEY).run(started -> assertThat(
                        started.getBean(ConnectorProperties.class).toString())
                .doesNotContain(KEY));
    }

    @EnableConfigurationProperties(ConnectorProperties.class)
    static class Settings {}
}
