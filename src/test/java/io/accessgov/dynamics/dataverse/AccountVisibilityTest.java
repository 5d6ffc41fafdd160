package io.accessgov.dynamics.dataverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class AccountVisibilityTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DynamicsProperties.class)
    static class Settings {}

    @Test
    void byDefaultOnlyHumanAccountsExistForTheApi() {
        runner.run(context -> {
            AccountVisibility visibility = AccountVisibility.of(context.getBean(DynamicsProperties.class));

            assertThat(visibility.types()).containsExactly(AccountType.HUMAN);
            assertThat(visibility.shows(AccountType.HUMAN)).isTrue();
            assertThat(visibility.shows(AccountType.SERVICE)).isFalse();
            assertThat(visibility.shows(AccountType.SYSTEM)).isFalse();
        });
    }

    @Test
    void theToggleShowsServiceAndSystemAccountsToo() {
        runner.withPropertyValues("dynamics.include-system-accounts=true").run(context -> {
            AccountVisibility visibility = AccountVisibility.of(context.getBean(DynamicsProperties.class));

            assertThat(visibility.types()).containsExactlyInAnyOrder(AccountType.values());
            assertThat(visibility.types()).allMatch(visibility::shows);
        });
    }

    @Test
    void twoEnvironmentsCanHoldDifferentToggles() {
        AccountVisibility strict = new AccountVisibility(false);
        AccountVisibility open = new AccountVisibility(true);

        assertThat(strict.shows(AccountType.SERVICE)).isFalse();
        assertThat(open.shows(AccountType.SERVICE)).isTrue();
    }

    @Test
    void theTypesAreTheCallersToNarrow() {
        AccountVisibility open = new AccountVisibility(true);

        open.types().retainAll(Set.of(AccountType.SERVICE));

        assertThat(open.types()).hasSize(AccountType.values().length);
    }
}
