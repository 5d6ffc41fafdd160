package io.accessgov.dynamics.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class DataverseHealthIndicatorTest {

    private final DataverseClient client = mock(DataverseClient.class);
    private final DataverseConnectionInfo connection = new DataverseConnectionInfo(
            DataverseConnectionInfo.Mode.LIVE, URI.create("https://contoso.crm.dynamics.com"));
    private final SettableClock clock = new SettableClock();

    @Test
    void aSlowDataverseIsReportedDownWithinTheProbeBudgetAndAskedOnlyOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        when(client.whoAmI()).thenAnswer(invocation -> {
            release.await();
            return new WhoAmI(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        });
        DataverseHealthIndicator indicator =
                new DataverseHealthIndicator(client, connection, Duration.ofSeconds(10), Duration.ofMillis(200), clock);

        long started = System.nanoTime();
        Health first = indicator.health();
        Health second = indicator.health();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(first.getStatus()).isEqualTo(Status.DOWN);
        assertThat(second.getDetails().get("reason").toString())
                .isEqualTo("Dataverse (WhoAmI) did not answer within 200 ms.");
        assertThat(second.getDetails())
                .containsEntry("environmentUrl", "https://contoso.crm.dynamics.com")
                .containsEntry("mode", "live");
        release.countDown();
        Thread.sleep(200);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        verify(client, times(1)).whoAmI();
        indicator.close();
    }

    @Test
    void upNamesTheApplicationUserTheEnvironmentAndWhenItWasChecked() {
        UUID me = UUID.randomUUID();
        when(client.whoAmI()).thenReturn(new WhoAmI(me, UUID.randomUUID(), UUID.randomUUID()));
        DataverseHealthIndicator indicator =
                new DataverseHealthIndicator(client, connection, Duration.ofSeconds(10), Duration.ofSeconds(5), clock);

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("userId", me.toString())
                .containsEntry("environmentUrl", "https://contoso.crm.dynamics.com")
                .containsEntry("mode", "live")
                .containsEntry("checkedAt", "2026-03-02T09:00:00Z")
                .containsKey("latencyMs");
        indicator.close();
    }

    @Test
    void downCarriesDataversesReasonAndCode() {
        when(client.whoAmI())
                .thenThrow(new DataverseAccessDenied("The application user lacks a privilege.", "0x80040220", null));
        DataverseHealthIndicator indicator =
                new DataverseHealthIndicator(client, connection, Duration.ofSeconds(10), Duration.ofSeconds(5), clock);

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails())
                .containsEntry("reason", "The application user lacks a privilege.")
                .containsEntry("code", "0x80040220");
        indicator.close();
    }
}
