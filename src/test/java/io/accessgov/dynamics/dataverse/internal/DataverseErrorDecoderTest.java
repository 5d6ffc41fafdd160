package io.accessgov.dynamics.dataverse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.dataverse.BusinessRule;
import io.accessgov.dynamics.dataverse.BusinessRuleViolated;
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
        "400, 0x80060888, DataverseRejectedRequest",
        "400, 0x0,        DataverseRejectedRequest",
        "412, 0x80060882, DataverseRejectedRequest",
        "405, '',         DataverseRejectedRequest",
        "429, 0x80072322, DataverseThrottled",
        "500, 0x80040216, DataverseUnavailable",
        "502, '',         DataverseUnavailable",
        "503, '',         DataverseUnavailable",
        "504, '',         DataverseUnavailable",
        // a rule code on a read is not a broken rule: the application user itself is disabled here
        "403, 0x8004A112, DataverseAccessDenied",
        "400, 0x80041409, DataverseRejectedRequest",
    })
    void decodesEachStatusAndCodeOfAReadIntoTheExceptionNamedAfterIt(int status, String code, String expected) {
        DataverseException decoded = decoder.decode(status, headers(), body(code), false);

        assertThat(decoded.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(decoded.requestId()).contains("req-42");
        if (!code.isBlank() && !code.equals("0x0")) {
            assertThat(decoded.dataverseCode()).contains(code);
        } else {
            assertThat(decoded.dataverseCode()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "400, 0x80041409, ROLE_IN_OTHER_BUSINESS_UNIT",
        "400, 0x8004140D, ROLE_IN_OTHER_BUSINESS_UNIT",
        "400, 0x8004830B, DEFAULT_TEAM_MEMBERSHIP",
        "400, 0x8004830C, DEFAULT_TEAM_MEMBERSHIP",
        "400, 0x80048331, ACCESS_TEAM_CANNOT_HOLD_ROLES_OR_PROFILES",
        "400, 0x80040208, ENTRA_GROUP_MEMBERSHIP",
        "400, 0x80048350, ENTRA_GROUP_TEAM_NEEDS_INHERITABLE_ROLE",
        "400, 0x80041D33, SPECIAL_USER",
        "400, 0x80041D51, SUPPORT_USER_ROLES",
        "400, 0x80048d35, ACCOUNT_DISABLED",
        "403, 0x8004A112, ACCOUNT_DISABLED",
        "412, 0x80040237, DUPLICATE_LINK",
        "500, 0x80040237, DUPLICATE_LINK",
        "400, 0x80048d3b, PRIVILEGE_ESCALATION",
        "400, 0x80044152, INHERITED_ROLE",
        "400, 0x80041D30, LAST_SYSTEM_ADMINISTRATOR",
        "400, 0x80041D64, TENANT_ADMINISTRATOR_KEEPS_SYSTEM_ADMINISTRATOR",
        "400, 0x80090911, ROLE_FOR_APPLICATION_USERS_ONLY",
        // a well-formed change refused with a code of Dataverse's own, e.g. an organisation's plug-in
        "400, 0x80040265, UNKNOWN",
        "412, 0x80060882, UNKNOWN",
    })
    void decodesTheRuleAChangeBrokeByName(int status, String code, BusinessRule rule) {
        DataverseException decoded = decoder.decode(status, headers(), body(code), true);

        assertThat(decoded).isInstanceOfSatisfying(BusinessRuleViolated.class, violated -> {
            assertThat(violated.rule()).isEqualTo(rule);
            assertThat(violated.dataverseCode()).contains(code);
            assertThat(violated.requestId()).contains("req-42");
        });
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "400, 0x80060888, DataverseRejectedRequest",
        "400, 0x80040203, DataverseRejectedRequest",
        "400, 0x80040800, DataverseRejectedRequest",
        "400, 0x0,        DataverseRejectedRequest",
        "400, '',         DataverseRejectedRequest",
        "403, 0x80040220, DataverseAccessDenied",
        "404, 0x80040217, RecordNotFound",
        "429, 0x80048d35, DataverseThrottled",
        "503, 0x80040265, DataverseUnavailable",
    })
    void aChangeRefusedForAnythingButARuleIsNamedAfterWhatHappened(int status, String code, String expected) {
        DataverseException decoded = decoder.decode(status, headers(), body(code), true);

        assertThat(decoded.getClass().getSimpleName()).isEqualTo(expected);
    }

    private static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("REQ_ID", "req-42");
        return headers;
    }

    private static byte[] body(String code) {
        return ("{\"error\":{\"code\":\"" + code + "\",\"message\":\"something\"}}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void survivesGatewayHtmlAndEmptyBodies() {
        DataverseException html = decoder.decode(
                502, new HttpHeaders(), "<html><h1>Bad Gateway</h1>".getBytes(StandardCharsets.UTF_8), false);
        DataverseException empty = decoder.decode(401, new HttpHeaders(), new byte[0], false);

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
                        .getBytes(StandardCharsets.UTF_8),
                false);

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

        DataverseException decoded = decoder.decode(429, headers, new byte[0], false);

        assertThat(decoded)
                .isInstanceOfSatisfying(DataverseThrottled.class, throttled -> assertThat(throttled.retryAfter())
                        .contains(Duration.ofSeconds(5)));
    }
}
