package io.accessgov.dynamics.environment;

import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataverseConnectionInfo;
import io.accessgov.dynamics.dataverse.DataverseConnector;
import io.accessgov.dynamics.dataverse.EnvironmentDefinition;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Environments for tests whose Dataverse is a test double: one environment, or every configured one. */
public final class TestEnvironments {

    /** The name of the one environment of {@link #single}. */
    public static final String NAME = "default";

    private TestEnvironments() {}

    /** The default environment {@value #NAME} with this client, its system-account toggle off. */
    public static Environment single(DataverseClient dataverse) {
        return of(NAME, true, dataverse, false);
    }

    /** An environment with this client. */
    public static Environment of(
            String name, boolean isDefault, DataverseClient dataverse, boolean includeSystemAccounts) {
        return new Environment(
                new EnvironmentDefinition(name, isDefault, null, includeSystemAccounts, Set.of()),
                new DataverseConnectionInfo(DataverseConnectionInfo.Mode.SIMULATOR, URI.create("http://127.0.0.1:1")),
                dataverse,
                Duration.ofSeconds(10));
    }

    /** These environments; exactly one of them is the default. */
    public static Environments environments(Environment... environments) {
        return new Environments(List.of(environments));
    }

    /**
     * For slice tests (for example {@code @WebMvcTest}): the one environment {@value #NAME}, whose Dataverse is the
     * context's {@link DataverseClient} bean (typically a {@code @MockitoBean}).
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Single {

        @Bean(destroyMethod = "close")
        Environments environments(DataverseClient dataverse) {
            return TestEnvironments.environments(single(dataverse));
        }
    }

    /**
     * For slice tests that never reach Dataverse: the one environment {@value #NAME}, whose Dataverse is a mock no
     * test stubs.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Unreached {

        @Bean(destroyMethod = "close")
        Environments environments() {
            return TestEnvironments.environments(single(Mockito.mock(DataverseClient.class)));
        }
    }

    /**
     * For whole-application tests: every configured environment talks to the context's {@link DataverseClient} bean
     * (typically a {@code @MockitoBean}) instead of a real or simulated Dataverse.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class MockedDataverse {

        @Bean
        @Primary
        DataverseConnector mockedDataverseConnector(DataverseClient dataverse) {
            return definition -> new DataverseConnector.Connection(
                    new DataverseConnectionInfo(
                            DataverseConnectionInfo.Mode.SIMULATOR, URI.create("http://127.0.0.1:1")),
                    dataverse);
        }
    }
}
