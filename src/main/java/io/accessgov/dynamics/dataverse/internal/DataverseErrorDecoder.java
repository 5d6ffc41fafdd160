package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.BusinessRule;
import io.accessgov.dynamics.dataverse.BusinessRuleViolated;
import io.accessgov.dynamics.dataverse.ChangeTokenExpired;
import io.accessgov.dynamics.dataverse.ChangeTrackingRefused;
import io.accessgov.dynamics.dataverse.DataverseAccessDenied;
import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.DataverseThrottled;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.dataverse.RecordNotFound;
import io.accessgov.dynamics.dataverse.SignInFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns every non-success answer of Dataverse into the exception named after what happened. The one place where
 * HTTP statuses and hex codes are read (the codes themselves are in {@link ErrorCodes}): branch on the status first
 * and the code second, because Dataverse's codes are not tied to statuses and are sometimes empty or {@code 0x0}.
 */
final class DataverseErrorDecoder {

    private static final int MAX_MESSAGE = 400;

    private final JsonMapper json;
    private final Clock clock;

    public DataverseErrorDecoder(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** What Dataverse said in an error body; both parts may be null for empty or non-JSON bodies. */
    public record ErrorBody(@Nullable String code, @Nullable String message) {}

    /**
     * Decodes a non-2xx answer.
     *
     * @param change whether the request was meant to change something: only a change can break a business rule
     */
    public DataverseException decode(int status, HttpHeaders headers, byte[] body, boolean change) {
        ErrorBody error = readBody(body);
        String code = error.code();
        String requestId = requestId(headers);
        String said = error.message() == null ? "" : ": " + truncate(error.message());
        Duration retryAfter = retryAfter(headers).orElse(null);
        if (status == 401) {
            return new SignInFailed(
                    "Dataverse refused the service's access token (HTTP 401). Check that the app registration has an"
                            + " application user in this environment.",
                    code,
                    requestId);
        }
        Optional<BusinessRule> rule = change ? ErrorCodes.rule(code) : Optional.empty();
        if (status != 429 && status >= 400 && rule.isPresent()) {
            // a broken business rule, whatever status carries it (a disabled user comes as 403, a duplicate link
            // as 412, or as 500 "SQL integrity violation")
            return new BusinessRuleViolated("Dataverse refused the change" + said, rule.get(), code, requestId);
        }
        if (status == 403) {
            return new DataverseAccessDenied("Dataverse denied the service's application user" + said, code, requestId);
        }
        if (status == 404) {
            return new RecordNotFound("Dataverse has no such record" + said, code, requestId);
        }
        if (status == 429) {
            return new DataverseThrottled(
                    "Dataverse is throttling the service (service protection limits)" + said,
                    retryAfter,
                    code,
                    requestId);
        }
        if (status == 400 && !change && ErrorCodes.changeTokenExpired(code)) {
            return new ChangeTokenExpired(
                    "Dataverse no longer has the changes since the delta token" + said, code, requestId);
        }
        if (status == 400 && !change && ErrorCodes.changeTrackingRefused(code, error.message())) {
            return new ChangeTrackingRefused(
                    "Dataverse refused to read the table with change tracking" + said, code, requestId);
        }
        if (status >= 400 && status < 500) {
            if (change && hasCode(code) && !ErrorCodes.malformedRequest(code)) {
                // a well-formed change refused for a reason of Dataverse's own, e.g. an organisation's plug-in
                return new BusinessRuleViolated(
                        "Dataverse refused the change (HTTP " + status + ")" + said,
                        BusinessRule.UNKNOWN,
                        code,
                        requestId);
            }
            return new DataverseRejectedRequest(
                    "Dataverse rejected the request (HTTP " + status + ")" + said, code, requestId);
        }
        return new DataverseUnavailable(
                "Dataverse is unavailable (HTTP " + status + ")" + said, retryAfter, code, requestId);
    }

    private static boolean hasCode(@Nullable String code) {
        return code != null && !code.isBlank() && !code.equals("0x0");
    }

    /** Dataverse's error code and message, tolerating empty, HTML and other non-JSON bodies. */
    public ErrorBody readBody(byte[] body) {
        if (body.length == 0) {
            return new ErrorBody(null, null);
        }
        try {
            JsonNode error = json.readTree(body).path("error");
            return new ErrorBody(text(error.path("code")), text(error.path("message")));
        } catch (RuntimeException notJson) {
            return new ErrorBody(null, null);
        }
    }

    /** The request id Dataverse sent ({@code REQ_ID} or {@code x-ms-service-request-id}). */
    public static @Nullable String requestId(HttpHeaders headers) {
        String id = headers.getFirst("REQ_ID");
        return id != null ? id : headers.getFirst("x-ms-service-request-id");
    }

    /** {@code Retry-After} as seconds or as an HTTP date, relative to now; never negative. */
    public Optional<Duration> retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        value = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private static String truncate(String message) {
        String flat = message.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE) + "…";
    }
}
