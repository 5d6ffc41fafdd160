package io.accessgov.dynamics.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.environment.Environments;
import io.accessgov.dynamics.environment.TestEnvironments;
import io.accessgov.dynamics.identity.AcrossEnvironments.Answer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class AcrossEnvironmentsTest {

    private final Environments environments = TestEnvironments.environments(
            TestEnvironments.of("alpha", true, mock(DataverseClient.class), false),
            TestEnvironments.of("beta", false, mock(DataverseClient.class), false),
            TestEnvironments.of("gamma", false, mock(DataverseClient.class), false));
    private final AcrossEnvironments across = new AcrossEnvironments(environments);

    @AfterEach
    void stop() {
        across.destroy();
        environments.close();
        MDC.clear();
    }

    @Test
    void everyEnvironmentIsAskedAtTheSameTime() {
        CountDownLatch allAsked = new CountDownLatch(3);

        List<Answer<Boolean>> answers = across.ask(environment -> {
            allAsked.countDown();
            try {
                // true only if the three questions are in flight together
                return allAsked.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });

        assertThat(answers).extracting(answer -> answer.environment().name()).containsExactly("alpha", "beta", "gamma");
        assertThat(answers).extracting(Answer::value).containsOnly(true);
    }

    @Test
    void anEnvironmentThatCannotBeReachedAnswersWithItsProblemAndTheOthersAnswerAsUsual() {
        List<Answer<String>> answers = across.ask(environment -> {
            if (environment.name().equals("beta")) {
                throw new DataverseUnavailable("Dataverse answered 503.", Duration.ofSeconds(7), null, "req-1");
            }
            return environment.name();
        });

        assertThat(answers.get(0).value()).isEqualTo("alpha");
        assertThat(answers.get(2).value()).isEqualTo("gamma");
        Answer<String> beta = answers.get(1);
        assertThat(beta.answered()).isFalse();
        assertThat(beta.problem())
                .containsEntry("status", 503)
                .containsEntry("environment", "beta")
                .containsEntry("dataverseRequestId", "req-1");
    }

    @Test
    void aFaultOfTheServiceIsNotPassedOffAsAnUnreachableEnvironment() {
        assertThatThrownBy(() -> across.ask(environment -> {
                    throw new DataverseRejectedRequest("Dataverse answered 400 to a malformed filter.", null, null);
                }))
                .isInstanceOf(DataverseRejectedRequest.class);
        assertThatThrownBy(() -> across.ask(environment -> {
                    throw new IllegalStateException("a bug");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a bug");
    }

    @Test
    void logLinesOfEachQuestionNameItsEnvironmentAndTheCallersContextIsKept() {
        MDC.put("requestId", "r-42");

        List<Answer<String>> answers =
                across.ask(environment -> MDC.get("requestId") + "/" + MDC.get(Environment.MDC_KEY));

        assertThat(answers).extracting(Answer::value).containsExactly("r-42/alpha", "r-42/beta", "r-42/gamma");
        assertThat(MDC.get("requestId")).isEqualTo("r-42");
        assertThat(MDC.get(Environment.MDC_KEY)).isNull();
    }
}
