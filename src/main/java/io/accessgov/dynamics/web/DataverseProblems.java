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
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/**
 * The one table from Dataverse failures to problems (docs/api.md §2): which kind, which status, which sentence, and
 * the {@code Retry-After} a caller should honour. The Dataverse error message itself is not passed on: it can name
 * internal URLs; the hex code and request id are, so a support case can find the call.
 */
final class DataverseProblems {

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
            return accessDenied(path);
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

    private static ProblemDetail accessDenied(String path) {
        return Problems.of(
                ProblemKind.DATAVERSE_ACCESS_DENIED,
                "Dataverse refused the service's application user: it lacks a security role or privilege for"
                        + " this operation. An administrator must grant it.",
                path);
    }

    /**
     * A rule that the current state breaks is a 409 that says why (docs/problems.md); the privilege-escalation guard
     * refuses the service's own application user (it lacks privileges the role carries), as a missing privilege
     * does; a rule this service does not know is a 502.
     */
    private static ProblemDetail businessRule(BusinessRuleViolated refused, String path) {
        return switch (refused.rule()) {
            case PRIVILEGE_ESCALATION -> accessDenied(path);
            case UNKNOWN ->
                Problems.of(
                        ProblemKind.DATAVERSE_REFUSED_CHANGE,
                        "Dataverse refused the change for a reason this service does not know; see dataverseCode.",
                        path);
            case ROLE_IN_OTHER_BUSINESS_UNIT ->
                conflict("The role copy belongs to another business unit than the account or team.", path);
            case DEFAULT_TEAM_MEMBERSHIP ->
                conflict("Members of a business unit's default team are managed by the business unit.", path);
            case ACCESS_TEAM_CANNOT_HOLD_ROLES_OR_PROFILES ->
                conflict("Access teams cannot hold security roles or field security profiles.", path);
            case ENTRA_GROUP_MEMBERSHIP ->
                conflict("Members of an Entra group team are managed in Microsoft Entra.", path);
            case ENTRA_GROUP_TEAM_NEEDS_INHERITABLE_ROLE ->
                conflict("Entra group teams can only hold roles that members inherit.", path);
            case SPECIAL_USER -> conflict("The built-in SYSTEM and INTEGRATION accounts cannot be changed.", path);
            case SUPPORT_USER_ROLES -> conflict("Roles cannot be assigned to the support user.", path);
            case ACCOUNT_DISABLED ->
                conflict("The account is disabled, and Dataverse assigns no roles to disabled accounts.", path);
            case DUPLICATE_LINK -> conflict("Dataverse already holds this assignment or membership.", path);
            case INHERITED_ROLE -> conflict("The role is inherited and cannot be changed here.", path);
            case LAST_SYSTEM_ADMINISTRATOR ->
                conflict("The last System Administrator cannot be removed from the role.", path);
            case TENANT_ADMINISTRATOR_KEEPS_SYSTEM_ADMINISTRATOR ->
                conflict("A tenant administrator cannot be removed from the System Administrator role.", path);
            case ROLE_FOR_APPLICATION_USERS_ONLY ->
                conflict("The role can be assigned to application users only.", path);
        };
    }

    private static ProblemDetail conflict(String reason, String path) {
        return Problems.of(ProblemKind.BUSINESS_RULE_VIOLATED, "Dataverse refused the change: " + reason, path);
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
