package io.accessgov.dynamics.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;

class DataverseInfoContributorTest {

    @Test
    void showsTheModeAndTheEnvironmentUrl() {
        Info.Builder builder = new Info.Builder();
        new DataverseInfoContributor(new DataverseConnectionInfo(
                        DataverseConnectionInfo.Mode.SIMULATOR, URI.create("http://127.0.0.1:40123")))
                .contribute(builder);

        assertThat(builder.build().getDetails())
                .containsEntry("dataverse", Map.of("mode", "simulator", "environmentUrl", "http://127.0.0.1:40123"));
    }
}
