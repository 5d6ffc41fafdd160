package io.accessgov.dynamics.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.accessgov.dynamics.dataverse.DataverseClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;

class EnvironmentInfoContributorTest {

    @Test
    void showsTheDefaultEnvironmentsModeAndUrlAndEveryEnvironment() {
        Environments environments = TestEnvironments.environments(
                TestEnvironments.of("contoso", true, mock(DataverseClient.class), false),
                TestEnvironments.of("contoso-sandbox", false, mock(DataverseClient.class), false));
        Info.Builder builder = new Info.Builder();

        new EnvironmentInfoContributor(environments).contribute(builder);

        @SuppressWarnings("unchecked")
        Map<String, Object> dataverse =
                (Map<String, Object>) builder.build().getDetails().get("dataverse");
        assertThat(dataverse)
                .containsEntry("mode", "simulator")
                .containsEntry("environmentUrl", "http://127.0.0.1:1")
                .containsEntry("defaultEnvironment", "contoso");
        assertThat((List<Map<String, Object>>) dataverse.get("environments"))
                .extracting(environment -> environment.get("name"), environment -> environment.get("default"))
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("contoso", true),
                        org.assertj.core.api.Assertions.tuple("contoso-sandbox", false));
        environments.close();
    }
}
