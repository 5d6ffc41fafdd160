package io.accessgov.dynamics.scim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class VersionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theVersionIsAWeakTagThatIgnoresMetaAndFollowsEveryOtherAttribute() {
        String version = Versions.of(JSON.readTree("{\"id\":\"1\",\"roles\":[{\"value\":\"a\"}],\"meta\":{\"x\":1}}"));

        assertThat(version).matches("W/\"[A-Za-z0-9_-]{22}\"");
        assertThat(Versions.of(JSON.readTree("{\"id\":\"1\",\"roles\":[{\"value\":\"a\"}],\"meta\":{\"x\":2}}")))
                .isEqualTo(version);
        assertThat(Versions.of(JSON.readTree("{\"id\":\"1\",\"roles\":[{\"value\":\"b\"}]}")))
                .isNotEqualTo(version);
    }

    @Test
    void ifMatchAcceptsTheTagWeakOrStrongOneOfSeveralOrAStar() {
        String version = "W/\"abc\"";

        assertThat(Versions.matches("W/\"abc\"", version)).isTrue();
        assertThat(Versions.matches("\"abc\"", version)).isTrue();
        assertThat(Versions.matches("\"x\", W/\"abc\"", version)).isTrue();
        assertThat(Versions.matches("*", version)).isTrue();
        assertThat(Versions.matches("W/\"abd\"", version)).isFalse();
    }
}
