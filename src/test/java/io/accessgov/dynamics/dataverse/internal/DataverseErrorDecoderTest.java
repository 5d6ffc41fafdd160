package io.accessgov.dynamics.dataverse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.DataverseThrottled;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.dataverse.RecordNotFound;
import io.accessgov.dynamics.dataverse.SignInFailed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

class DataverseErrorDecoderTest {

    private static final Instant NOW = Instant.parse("2024-03-15T16:00:00Z");

    private final DataverseErrorDecoder decoder =
            new DataverseErrorDecoder(JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "404, 0x80040217, RecordNotFound",
        "403, 0x80040220, DataverseAccessDenied",
        "401, '',         SignInFailed",
        "400, 0x80041409, BusinessRuleViolated",
        "400, 0x8004140D, BusinessRuleViolated",
        "400, 0x8004830B, BusinessRuleViolated",
        "400, 0x8004830C, BusinessRuleViolated",
        "400, 0x80048331, BusinessRuleViolated",
        "400, 0x80040208, BusinessRuleViolated",
        "400, 0x80041D33, BusinessRuleViolated",
        "400, 0x80041D51, BusinessRuleViolated",
        "400, 0x80048d35, BusinessRuleViolated",
        "412, 0x80040237, BusinessRuleViolated",
        "400, 0x80048d3b, BusinessRuleViolated",
        "400, 0x80048350, BusinessRuleViolated",
        "400, 0x80060888, DataverseRejectedRequest",
        "400, 0x0,        DataverseRejectedRequest",
        "412, 0x80060882, DataverseRejectedRequest",
        "405, '',         DataverseRejectedRequest",
        "429, 0x80072322, DataverseThrottled",
        "500, 0x80040216, DataverseUnavailable",
        "502, '',         DataverseUnavailable",
        "503, '',         DataverseUnavailable",
        "504, '',         DataverseUnavailable",
    })
    void decodesEachStatusAndCodeIntoTheExceptionNamedAfterIt(int status, String code, String expected) {
        byte[] body =
                ("{\"error\":{\"code\":\"" + code + "\",\"message\":\"something\"}}").getBytes(StandardCharsets.UTF_8);
        HttpHeaders headers = new HttpHeaders();
        headers.add("REQ_ID", "req-42");

        DataverseException decoded = decoder.decode(status, headers, body);

        assertThat(decoded.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(decoded.requestId()).contains("req-42");
        if (!code.isBlank() && !code.equals("0x0")) {
            assertThat(decoded.dataverseCode()).contains(code);
        } else {
            assertThat(decoded.dataverseCode()).isEmpty();
        }
    }

    @Test
    void survivesGatewayHtmlAndEmptyBodies() {
        DataverseException html =
                decoder.decode(502, new HttpHeaders(), "<html><h1>Bad Gateway</h1>".getBytes(StandardCharsets.UTF_8));
        DataverseException empty = decoder.decode(401, new HttpHeaders(), new byte[0]);

        assertThat(html).isInstanceOf(DataverseUnavailable.class).hasMessage("Dataverse is unavailable (HTTP 502)");
        assertThat(empty).isInstanceOf(SignInFailed.class);
    }

    @Test
    void keepsDataversesMessageAndTheRequestIdFromTheServiceHeader() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("x-ms-service-request-id", "svc-7");
        DataverseException decoded = decoder.decode(
                404,
                headers,
                "{\"error\":{\"code\":\"0x80040217\",\"message\":\"role With Id = 1 Does Not Exist\"}}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(decoded).isInstanceOf(RecordNotFound.class).hasMessageContaining("role With Id = 1 Does Not Exist");
        assertThat(decoded.requestId()).contains("svc-7");
    }

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        HttpHeaders seconds = new HttpHeaders();
        seconds.add(HttpHeaders.RETRY_AFTER, "7");
        HttpHeaders date = new HttpHeaders();
        date.add(HttpHeaders.RETRY_AFTER, "Fri, 15 Mar 2024 16:00:30 GMT");
        HttpHeaders past = new HttpHeaders();
        past.add(HttpHeaders.RETRY_AFTER, "Fri, 15 Mar 2024 15:00:00 GMT");
        HttpHeaders garbage = new HttpHeaders();
        garbage.add(HttpHeaders.RETRY_AFTER, "soon");

        assertThat(decoder.retryAfter(seconds)).contains(Duration.ofSeconds(7));
        assertThat(decoder.retryAfter(date)).contains(Duration.ofSeconds(30));
        assertThat(decoder.retryAfter(past)).contains(Duration.ZERO);
        assertThat(decoder.retryAfter(garbage)).isEmpty();
        assertThat(decoder.retryAfter(new HttpHeaders())).isEmpty();
    }

    @Test
    void aThrottleCarriesItsRetryAfter() {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.RETRY_AFTER, "5");

        DataverseException decoded = decoder.decode(429, headers, new byte[0]);

        assertThat(decoded)
                .isInstanceOfSatisfying(DataverseThrottled.class, throttled -> assertThat(throttled.retryAfter())
                        .contains(Duration.ofSeconds(5)));
    }
}
