package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptEncodingTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gzip",
                "GZIP",
                "x-gzip",
                "gzip, deflate, br",
                "br;q=1.0, gzip;q=0.8, *;q=0.1",
                "*",
                "identity;q=0.5, gzip",
                "gzip;q=0.5, identity;q=0.5",
                " deflate ,gzip ; q=0.001"
            })
    void gzipIsSentWhenAcceptedAndNotLessWantedThanIdentity(String header) {
        assertThat(AcceptEncoding.prefersGzip(header)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "identity",
                "br, deflate",
                "gzip;q=0",
                "*;q=0",
                "gzip;q=0.2, identity;q=0.9",
                "*, gzip;q=0",
                "gzip;q=abc",
                "gzip;q=2"
            })
    void identityIsSentOtherwise(String header) {
        assertThat(AcceptEncoding.prefersGzip(header)).isFalse();
    }

    @Test
    void noHeaderIsIdentity() {
        assertThat(AcceptEncoding.prefersGzip(null)).isFalse();
    }
}
