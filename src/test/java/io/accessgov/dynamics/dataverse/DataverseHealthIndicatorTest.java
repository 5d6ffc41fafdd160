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

    @Test
    void aSlowDataverseIsReportedDownWithinTheProbeBudgetAndChecksDoNotPileUp() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        when(client.whoAmI()).thenAnswer(invocation -> {
            release.await();
            return new WhoAmI(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        });
        DataverseHealthIndicator indicator = new DataverseHealthIndicator(client, connection, Duration.ofMillis(200));

        long started = System.nanoTime();
        Health first = indicator.health();
        Health second = indicator.health();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(first.getStatus()).isEqualTo(Status.DOWN);
        assertThat(second.getDetails().get("reason").toString()).contains("did not answer WhoAmI within 200 ms");
        release.countDown();
        Thread.sleep(100);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        verify(client, times(2)).whoAmI();
        indicator.destroy();
    }
}
