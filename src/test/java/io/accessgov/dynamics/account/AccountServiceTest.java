package io.accessgov.dynamics.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.accessgov.dynamics.dataverse.AccountType;
import io.accessgov.dynamics.dataverse.Continuation;
import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataversePage;
import io.accessgov.dynamics.dataverse.SystemUser;
import io.accessgov.dynamics.dataverse.UserQuery;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.environment.TestEnvironments;
import io.accessgov.dynamics.web.InvalidPageToken;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    private static final Continuation NEXT =
            new Continuation("https://contoso.crm.dynamics.com/api/data/v9.2/systemusers?$skiptoken=abc", 2);

    private final DataverseClient dataverse = mock(DataverseClient.class);
    private final PageTokens tokens = PageTokens.withRandomKey();
    private final SystemUser jane = Users.jane();
    private final SystemUser robot = Users.application("robot");
    private final AccountService service = new AccountService(tokens);

    /** The environment of these tests, its system-account toggle as given. */
    private Environment environment(boolean includeSystemAccounts) {
        return TestEnvironments.of("default", true, dataverse, includeSystemAccounts);
    }

    @Test
    void withTheToggleOffAsksDataverseForHumansOnly() {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(jane), null));

        Page<Account> page = service.list(environment(false), AccountFilter.none(), null, null);

        verify(dataverse).findUsers(new UserQuery(null, Set.of(AccountType.HUMAN), null), 100);
        assertThat(page.items()).extracting(Account::displayName).containsExactly("Jane Doe");
        assertThat(page.nextPageToken()).isNull();
    }

    @Test
    void withTheToggleOnAsksDataverseForEveryType() {
        when(dataverse.findUsers(any(UserQuery.class), anyInt()))
                .thenReturn(new DataversePage<>(List.of(jane, robot), null));

        Page<Account> page = service.list(environment(true), AccountFilter.none(), 25, null);

        verify(dataverse).findUsers(new UserQuery(null, EnumSet.allOf(AccountType.class), null), 25);
        assertThat(page.items())
                .extracting(Account::accountType)
                .containsExactly(AccountType.HUMAN, AccountType.SERVICE);
    }

    @Test
    void typeFilterIsIntersectedWithTheVisibleTypes() {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(robot), null));

        service.list(environment(true), new AccountFilter(null, AccountType.SERVICE, null), null, null);

        verify(dataverse).findUsers(new UserQuery(null, Set.of(AccountType.SERVICE), null), 100);
    }

    @Test
    void askingForServiceAccountsWhileTheToggleHidesThemGivesAnEmptyPageWithoutAskingDataverse() {
        Page<Account> page =
                service.list(environment(false), new AccountFilter(null, AccountType.SERVICE, null), null, null);

        assertThat(page.items()).isEmpty();
        assertThat(page.nextPageToken()).isNull();
        verifyNoInteractions(dataverse);
    }

    @Test
    void passesStatusAndSearchToDataverseAsData() {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(), null));

        service.list(environment(false), new AccountFilter(AccountStatus.DISABLED, null, "o'brien"), null, null);

        verify(dataverse).findUsers(new UserQuery(true, Set.of(AccountType.HUMAN), "o'brien"), 100);
    }

    @Test
    void leavesOutAnAccountDataverseReturnedOutsideTheRequestedTypes() {
        when(dataverse.findUsers(any(UserQuery.class), anyInt()))
                .thenReturn(new DataversePage<>(List.of(jane, robot), null));

        Page<Account> page = service.list(environment(false), AccountFilter.none(), null, null);

        assertThat(page.items()).extracting(Account::accountType).containsExactly(AccountType.HUMAN);
    }

    @Test
    void followsTheContinuationSealedInTheNextPageToken() {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(jane), NEXT));
        when(dataverse.findUsers(NEXT)).thenReturn(new DataversePage<>(List.of(jane), null));
        Environment environment = environment(false);
        AccountFilter filter = new AccountFilter(AccountStatus.ENABLED, null, "doe");

        Page<Account> first = service.list(environment, filter, 2, null);
        Page<Account> second = service.list(environment, filter, null, first.nextPageToken());

        assertThat(first.nextPageToken()).isNotBlank();
        verify(dataverse).findUsers(NEXT);
        assertThat(second.nextPageToken()).isNull();
    }

    @Test
    void refusesATokenFromAnotherQueryWithoutAskingDataverse() {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(jane), NEXT));
        Environment environment = environment(false);
        String token = service.list(environment, new AccountFilter(null, null, "doe"), 2, null)
                .nextPageToken();

        assertThatThrownBy(() -> service.list(environment, new AccountFilter(null, null, "roe"), null, token))
                .isInstanceOf(InvalidPageToken.class);
        assertThatThrownBy(() ->
                        service.list(environment, new AccountFilter(AccountStatus.DISABLED, null, "doe"), null, token))
                .isInstanceOf(InvalidPageToken.class);
        verify(dataverse, never()).findUsers(any(Continuation.class));
    }

    @Test
    void refusesATokenIssuedWhileTheToggleWasOn() {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(jane), NEXT));
        String token =
                service.list(environment(true), AccountFilter.none(), 2, null).nextPageToken();

        assertThatThrownBy(() -> service.list(environment(false), AccountFilter.none(), null, token))
                .isInstanceOf(InvalidPageToken.class);
        verify(dataverse, never()).findUsers(any(Continuation.class));
    }

    @Test
    void refusesToChangeThePageSizeWhilePaging() {
        when(dataverse.findUsers(any(UserQuery.class), anyInt())).thenReturn(new DataversePage<>(List.of(jane), NEXT));
        Environment environment = environment(false);
        String token = service.list(environment, AccountFilter.none(), 2, null).nextPageToken();

        assertThatThrownBy(() -> service.list(environment, AccountFilter.none(), 50, token))
                .isInstanceOf(InvalidPageToken.class)
                .hasMessageContaining("page size");
        verify(dataverse, never()).findUsers(any(Continuation.class));
    }

    @Test
    void getsAnAccountMappedAsTheContractSays() {
        when(dataverse.findUser(jane.id())).thenReturn(Optional.of(jane));

        Account account = service.get(environment(false), jane.id());

        assertThat(account.id()).isEqualTo(jane.id());
        assertThat(account.username()).isEqualTo("jane.doe@contoso.com");
        assertThat(account.status()).isEqualTo(AccountStatus.ENABLED);
        assertThat(account.businessUnit()).isEqualTo(new Account.BusinessUnitRef(Users.SALES, "Sales"));
        assertThat(account.accountType()).isEqualTo(AccountType.HUMAN);
    }

    @Test
    void aServiceAccountDoesNotExistWhileTheToggleIsOff() {
        when(dataverse.findUser(robot.id())).thenReturn(Optional.of(robot));

        assertThatThrownBy(() -> service.get(environment(false), robot.id())).isInstanceOf(AccountNotFound.class);
        assertThat(service.get(environment(true), robot.id()).accountType()).isEqualTo(AccountType.SERVICE);
    }

    @Test
    void anUnknownIdIsNotFound() {
        when(dataverse.findUser(jane.id())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> service.get(environment(true), jane.id()))
                .isInstanceOf(AccountNotFound.class)
                .hasMessageContaining(jane.id().toString());
    }
}
