package io.accessgov.dynamics.web;

import io.accessgov.dynamics.dataverse.BusinessRuleViolated;
import io.accessgov.dynamics.dataverse.DataverseAccessDenied;
import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.DataverseThrottled;
import io.accessgov.dynamics.dataverse.DataverseTimedOut;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.dataverse.InvalidContinuation;
import io.accessgov.dynamics.dataverse.RecordNotFound;
import io.accessgov.dynamics.dataverse.SignInFailed;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * The one table from Dataverse failures to problems (docs/api.md §2): which kind, which status, which sentence, and
 * the {@code Retry-After} a caller should honour. The Dataverse error message itself is not passed on: it can name
 * internal URLs; the hex code and request id are, so a support case can find the call.
 */
final class DataverseProblems {

    /**
     * Business-rule codes that mean "the change is not possible in the current state" (409); any other business
     * rule Dataverse enforces is a refusal this service did not foresee (502).
     */
    static final Map<String, String> CONFLICT_CODES = Map.ofEntries(
            Map.entry("0x80041409", "The role copy belongs to another business unit than the principal."),
            Map.entry("0x8004140d", "The role copy belongs to another business unit than the team."),
            Map.entry("0x80048331", "Access teams cannot hold security roles."),
            Map.entry("0x8004830b", "Members of a business unit's default team are managed by the business unit."),
            Map.entry("0x8004830c", "Members of a business unit's default team are managed by the business unit."),
            Map.entry("0x80048350", "Entra group teams can only hold roles that members inherit."),
            Map.entry("0x80048d35", "Dataverse does not assign roles to a disabled account."),
            Map.entry("0x8004a112", "The account is disabled."),
            Map.entry("0x80041d33", "The built-in SYSTEM and INTEGRATION accounts cannot be changed."),
            Map.entry("0x80041d51", "Roles cannot be assigned to the support user."),
            Map.entry("0x80044152", "The role is inherited and cannot be changed here."),
            Map.entry("0x80041d30", "The last System Administrator cannot be removed from the role."),
            Map.entry("0x80041d64", "A tenant administrator cannot be removed from the System Administrator role."));

    /** The wait suggested on a 503 when Dataverse named none. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

    private DataverseProblems() {}

    /** The problem for this failure, and the headers to send with it. */
    static Answer answer(DataverseException failure, String path) {
        ProblemDetail problem = problem(failure, path);
        failure.dataverseCode().ifPresent(code -> problem.setProperty("dataverseCode", code));
        failure.requestId().ifPresent(id -> problem.setProperty("dataverseRequestId", id));
        HttpHeaders headers = new HttpHeaders();
        retryAfter(failure).ifPresent(wait -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(wait))));
        return new Answer(problem, headers);
    }

    private static ProblemDetail problem(DataverseException failure, String path) {
        if (failure instanceof RecordNotFound) {
            return Problems.of(ProblemKind.RECORD_NOT_FOUND, "Dataverse has no record with the id asked for.", path);
        }
        if (failure instanceof DataverseThrottled) {
            return Problems.of(
                    ProblemKind.DATAVERSE_THROTTLED,
                    "Dataverse kept throttling the service's requests; try again after the time in Retry-After.",
                    path);
        }
        if (failure instanceof DataverseUnavailable) {
            return Problems.of(
                    ProblemKind.DATAVERSE_UNAVAILABLE,
                    "Dataverse could not be reached or kept failing; try again later.",
                    path);
        }
        if (failure instanceof DataverseTimedOut) {
            return Problems.of(
                    ProblemKind.DATAVERSE_TIMED_OUT, "Dataverse did not answer in time; try again later.", path);
        }
        if (failure instanceof DataverseAccessDenied) {
            return Problems.of(
                    ProblemKind.DATAVERSE_ACCESS_DENIED,
                    "Dataverse refused the service's application user: it lacks a security role or privilege for"
                            + " this operation. An administrator must grant it.",
                    path);
        }
        if (failure instanceof SignInFailed) {
            return Problems.of(
                    ProblemKind.DATAVERSE_SIGN_IN_FAILED,
                    "The service could not sign in to Dataverse: check DYNAMICS_TENANT_ID, DYNAMICS_CLIENT_ID,"
                            + " DYNAMICS_CLIENT_SECRET and the environment's application user.",
                    path);
        }
        if (failure instanceof DataverseRejectedRequest) {
            return Problems.of(
                    ProblemKind.DATAVERSE_REJECTED_REQUEST,
                    "Dataverse rejected a request of the service as malformed; this is a fault of the service.",
                    path);
        }
        if (failure instanceof BusinessRuleViolated rule) {
            return businessRule(rule, path);
        }
        if (failure instanceof InvalidContinuation) {
            return Problems.of(
                    ProblemKind.INVALID_PAGE_TOKEN,
                    "The page token does not lead into this service's Dataverse environment; start the list again"
                            + " without pageToken.",
                    path);
        }
        throw new IllegalStateException(
                "no problem mapped for " + failure.getClass().getSimpleName());
    }

    private static ProblemDetail businessRule(BusinessRuleViolated rule, String path) {
        String reason = rule.dataverseCode()
                .map(code -> CONFLICT_CODES.get(code.toLowerCase(Locale.ROOT)))
                .orElse(null);
        if (reason != null) {
            return Problems.of(ProblemKind.BUSINESS_RULE_VIOLATED, "Dataverse refused the change: " + reason, path);
        }
        return Problems.of(
                ProblemKind.DATAVERSE_REFUSED_CHANGE,
                "Dataverse refused the change for a reason this service does not know; see dataverseCode.",
                path);
    }

    /**
     * Every 503 carries {@code Retry-After} (docs/api.md §2): Dataverse's own wait when it named one, else a short
     * default, so that callers back off instead of retrying at once.
     */
    private static Optional<Duration> retryAfter(DataverseException failure) {
        if (failure instanceof DataverseThrottled throttled) {
            return Optional.of(throttled.retryAfter().orElse(DEFAULT_RETRY_AFTER));
        }
        if (failure instanceof DataverseUnavailable unavailable) {
            return Optional.of(unavailable.retryAfter().orElse(DEFAULT_RETRY_AFTER));
        }
        return Optional.empty();
    }

    /** Whole seconds, rounded up, and at least one (0 would invite an immediate retry storm). */
    static long seconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    record Answer(ProblemDetail problem, HttpHeaders headers) {}
}
