package io.accessgov.dynamics.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrantIdTest {

    private static final String ROLE = "0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2";
    private static final String ACCOUNT = "2b7e1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @Test
    void readsAndWritesTheDocumentedShape() {
        String text = "role:" + ROLE + ":assigned:account:" + ACCOUNT;

        assertThat(GrantId.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void writesIdsLowerCase() {
        assertThat(GrantId.parse("team:" + ROLE.toUpperCase() + ":member:account:" + ACCOUNT)
                        .toString())
                .isEqualTo("team:" + ROLE + ":member:account:" + ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "role:" + ROLE + ":member:account:" + ACCOUNT,
                "team:" + ROLE + ":member:team:" + ACCOUNT,
                "role:" + ROLE + ":assigned:account:" + ACCOUNT + ":extra",
                "role:../../x:assigned:account:" + ACCOUNT,
                "role:" + ROLE + "%2F:assigned:account:" + ACCOUNT,
                "role:' or 1 eq 1:assigned:account:" + ACCOUNT,
                "user:" + ROLE + ":assigned:account:" + ACCOUNT,
                "role:0b5c2a44x1d3e-4f5a-9b6c-7d8e9fa0b1c2:assigned:account:" + ACCOUNT
            })
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> GrantId.parse(text)).isInstanceOf(MalformedGrantId.class);
    }
}
