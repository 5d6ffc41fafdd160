package io.accessgov.dynamics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.Continuation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTokensTest {

    private static final String LINK = "https://contoso.crm.dynamics.com/api/data/v9.2/systemusers?$select=fullname"
            + "&$skiptoken=%3Ccookie%20pagenumber=%222%22%20pagingcookie=%22%253ccookie%22%20/%3E";

    private final PageTokens tokens = PageTokens.withRandomKey();
    private final String fingerprint = PageTokens.fingerprint(false, List.of("HUMAN"), "jane");

    @Test
    void roundTripsTheContinuationVerbatim() {
        String token = tokens.issue("accounts", fingerprint, new Continuation(LINK, 250));

        assertThat(tokens.redeem(token, "accounts", fingerprint)).isEqualTo(new Continuation(LINK, 250));
    }

    @Test
    void tokenIsOpaqueAndUrlSafe() {
        String token = tokens.issue("accounts", fingerprint, new Continuation(LINK, 250));

        assertThat(token).matches("[A-Za-z0-9_-]+").doesNotContain("contoso").doesNotContain("skiptoken");
        assertThat(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.ISO_8859_1))
                .doesNotContain("contoso");
    }

    @Test
    void refusesATokenWithAnyByteChanged() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.issue("accounts", fingerprint, new Continuation(LINK, 5)));
        for (int i = 0; i < bytes.length; i++) {
            byte[] altered = bytes.clone();
            altered[i] ^= 0x01;
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            assertThatThrownBy(() -> tokens.redeem(forged, "accounts", fingerprint))
                    .as("byte %d altered", i)
                    .isInstanceOf(InvalidPageToken.class);
        }
    }

    @Test
    void refusesTruncatedExtendedAndGarbageTokens() {
        String token = tokens.issue("accounts", fingerprint, new Continuation(LINK, 5));

        for (String forged : List.of(
                token.substring(0, token.length() - 1),
                token + "A",
                "",
                "not a token",
                "%27%20or%201%20eq%201",
                "A".repeat(PageTokens.MAX_TOKEN_LENGTH + 1))) {
            assertThatThrownBy(() -> tokens.redeem(forged, "accounts", fingerprint))
                    .as(forged)
                    .isInstanceOf(InvalidPageToken.class);
        }
    }

    @Test
    void refusesATokenSealedWithAnotherKey() {
        String token = PageTokens.withRandomKey().issue("accounts", fingerprint, new Continuation(LINK, 5));

        assertThatThrownBy(() -> tokens.redeem(token, "accounts", fingerprint))
                .isInstanceOf(InvalidPageToken.class)
                .hasMessageContaining("restart");
    }

    @Test
    void refusesATokenOfAnotherList() {
        String token = tokens.issue("roles", fingerprint, new Continuation(LINK, 5));

        assertThatThrownBy(() -> tokens.redeem(token, "accounts", fingerprint))
                .isInstanceOf(InvalidPageToken.class)
                .hasMessageContaining("another list");
    }

    @Test
    void refusesATokenIssuedForOtherFilters() {
        String token = tokens.issue("accounts", fingerprint, new Continuation(LINK, 5));
        String otherFilters = PageTokens.fingerprint(false, List.of("HUMAN"), "john");

        assertThatThrownBy(() -> tokens.redeem(token, "accounts", otherFilters))
                .isInstanceOf(InvalidPageToken.class)
                .hasMessageContaining("other filters");
    }

    @Test
    void aConfiguredKeyOpensTokensOfAnotherProcessWithTheSameKey() {
        byte[] key = new byte[32];
        key[3] = 7;
        String token = new PageTokens(key).issue("accounts", fingerprint, new Continuation(LINK, 5));

        assertThat(new PageTokens(key.clone())
                        .redeem(token, "accounts", fingerprint)
                        .link())
                .isEqualTo(LINK);
    }

    @Test
    void roundTripsACursorOfAListTheServicePagesItself() {
        String token = tokens.issueCursor("grants", fingerprint, "role:abc:assigned:account:def", 25);

        assertThat(tokens.redeemCursor(token, "grants", fingerprint, null))
                .isEqualTo(new PageTokens.Cursor("role:abc:assigned:account:def", 25));
    }

    @Test
    void aCursorIsNeverTakenForADataverseLinkNorTheOtherWayRound() {
        String cursor = tokens.issueCursor("accounts", fingerprint, "x", 5);
        String link = tokens.issue("accounts", fingerprint, new Continuation(LINK, 5));

        assertThatThrownBy(() -> tokens.redeem(cursor, "accounts", fingerprint)).isInstanceOf(InvalidPageToken.class);
        assertThatThrownBy(() -> tokens.redeemCursor(link, "accounts", fingerprint, null))
                .isInstanceOf(InvalidPageToken.class);
    }

    @Test
    void fingerprintsDistinguishNullFromTextAndDoNotRunTogether() {
        assertThat(PageTokens.fingerprint(null, "a")).isNotEqualTo(PageTokens.fingerprint("null", "a"));
        assertThat(PageTokens.fingerprint("ab", "c")).isNotEqualTo(PageTokens.fingerprint("a", "bc"));
        assertThat(PageTokens.fingerprint(true, List.of("HUMAN"), null))
                .isEqualTo(PageTokens.fingerprint(true, List.of("HUMAN"), null));
    }
}
