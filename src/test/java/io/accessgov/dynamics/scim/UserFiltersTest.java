package io.accessgov.dynamics.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.account.AccountFilter;
import io.accessgov.dynamics.account.AccountStatus;
import io.accessgov.dynamics.dataverse.TeamQuery;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserFiltersTest {

    @Test
    void userNameExternalIdDisplayNameAndActiveBecomeOneAccountFilter() {
        UUID objectId = UUID.randomUUID();

        UserFilters.Criteria criteria = UserFilters.parse("UserName eq \"jane@contoso.com\" and externalId eq \""
                + objectId + "\" and displayName co \"Ja\" and active eq true");

        assertThat(criteria.matchesNothing()).isFalse();
        assertThat(criteria.filter())
                .isEqualTo(new AccountFilter(AccountStatus.ENABLED, null, null, "jane@contoso.com", objectId, "Ja"));
    }

    @Test
    void theCoreSchemasUrnMayPrefixAnAttribute() {
        assertThat(UserFilters.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"x\"")
                        .filter()
                        .username())
                .isEqualTo("x");
    }

    @Test
    void anExternalIdThatIsNoGuidMatchesNothingWithoutAskingDataverse() {
        assertThat(UserFilters.parse("externalId eq \"abc\"").matchesNothing()).isTrue();
    }

    @Test
    void noFilterIsEveryAccount() {
        assertThat(UserFilters.parse(null).filter()).isEqualTo(AccountFilter.none());
    }

    @Test
    void everythingElseIsAnInvalidFilter() {
        for (String filter : new String[] {
            "userName sw \"a\"",
            "userName eq \"a\" or userName eq \"b\"",
            "not (userName eq \"a\")",
            "emails[type eq \"work\"]",
            "name.givenName eq \"a\"",
            "userName eq \"a\" and userName eq \"b\"",
            "active eq \"true\"",
            "userName eq 1",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"x\"",
            "userName eq",
            "x".repeat(FilterTerms.MAX_LENGTH + 1)
        }) {
            assertThatThrownBy(() -> UserFilters.parse(filter))
                    .as(filter)
                    .isInstanceOfSatisfying(ScimRefusal.class, refusal -> assertThat(refusal.properties())
                            .containsEntry("scimType", "invalidFilter"));
        }
    }

    @Test
    void groupsAreFilteredByDisplayNameAndExternalIdOnly() {
        UUID objectId = UUID.randomUUID();

        assertThat(GroupFilters.parse("displayName eq \"Sales\" and externalId eq \"" + objectId + "\"")
                        .query())
                .isEqualTo(new TeamQuery(null, null, "Sales", objectId));
        assertThat(GroupFilters.parse("externalId eq \"nope\"").matchesNothing())
                .isTrue();
        assertThatThrownBy(() -> GroupFilters.parse("displayName co \"S\"")).isInstanceOf(ScimRefusal.class);
    }
}
