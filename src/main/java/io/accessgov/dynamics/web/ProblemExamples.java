package io.accessgov.dynamics.web;

import io.accessgov.dynamics.dataverse.DataverseAccessDenied;
import io.accessgov.dynamics.dataverse.DataverseThrottled;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Example problems for the OpenAPI document, built from the same kinds the service answers with. */
final class ProblemExamples {

    static final Named INVALID_PARAMETER = example(
            ProblemKind.INVALID_PARAMETER,
            "/api/v1/accounts",
            "The parameter 'pageSize' must be between 1 and 1000.",
            Map.of("errors", List.of(Map.of("parameter", "pageSize", "detail", "must be between 1 and 1000"))));
    static final Named UNEXPECTED_PARAMETER = refusal(
            "unexpected-parameter",
            "/api/v1/accounts",
            new UnexpectedQueryParameter(List.of("statu"), accountListParameters()));
    static final Named INVALID_ID = example(
            ProblemKind.INVALID_ID,
            "/api/v1/accounts/not-a-guid",
            "The account id must be a GUID such as 2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d.",
            Map.of());
    static final Named INVALID_PAGE_TOKEN = example(
            ProblemKind.INVALID_PAGE_TOKEN,
            "/api/v1/accounts",
            "The page token was altered, has expired with a restart of the service, or was not issued by it; start"
                    + " the list again without pageToken.",
            Map.of());
    static final Named UNAUTHENTICATED = example(
            ProblemKind.UNAUTHENTICATED,
            "/api/v1/accounts",
            "A bearer token from the configured issuer is required.",
            Map.of());
    static final Named INSUFFICIENT_SCOPE = example(
            ProblemKind.INSUFFICIENT_SCOPE,
            "/api/v1/accounts",
            "This call needs the scope or app role dynamics.read.",
            Map.of());
    static final Named ACCOUNT_NOT_FOUND = example(
            ProblemKind.ACCOUNT_NOT_FOUND,
            "/api/v1/accounts/2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d",
            "There is no account with id 2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d.",
            Map.of());
    static final Named NOT_ACCEPTABLE = example(
            ProblemKind.NOT_ACCEPTABLE,
            "/api/v1/accounts",
            "This resource answers in application/json only; accept that type.",
            Map.of());
    static final Named INTERNAL_ERROR = example(
            ProblemKind.INTERNAL_ERROR,
            "/api/v1/accounts",
            ProblemHandler.internalError(null).getDetail(),
            Map.of());
    static final Named DATAVERSE_SIGN_IN_FAILED = example(
            ProblemKind.DATAVERSE_SIGN_IN_FAILED,
            "/api/v1/accounts",
            "The service could not sign in to Dataverse: check DYNAMICS_TENANT_ID, DYNAMICS_CLIENT_ID,"
                    + " DYNAMICS_CLIENT_SECRET and the environment's application user.",
            Map.of("dataverseCode", "AADSTS7000215"));
    static final Named DATAVERSE_ACCESS_DENIED = example(
            ProblemKind.DATAVERSE_ACCESS_DENIED,
            "/api/v1/accounts",
            "Dataverse refused the service's application user: it lacks a security role or privilege for this"
                    + " operation. An administrator must grant it.",
            Map.of(
                    "dataverseCode",
                    DataverseAccessDenied.TYPICAL_CODE,
                    "dataverseRequestId",
                    "3f2b8c1d-5e6a-4b7c-9d0e-1f2a3b4c5d6e"));
    static final Named DATAVERSE_THROTTLED = example(
            ProblemKind.DATAVERSE_THROTTLED,
            "/api/v1/accounts",
            "Dataverse kept throttling the service's requests; try again after the time in Retry-After.",
            Map.of("dataverseCode", DataverseThrottled.TYPICAL_CODE));
    static final Named DATAVERSE_UNAVAILABLE = example(
            ProblemKind.DATAVERSE_UNAVAILABLE,
            "/api/v1/accounts",
            "Dataverse could not be reached or kept failing; try again later.",
            Map.of());
    static final Named DATAVERSE_TIMED_OUT = example(
            ProblemKind.DATAVERSE_TIMED_OUT,
            "/api/v1/accounts",
            "Dataverse did not answer in time; try again later.",
            Map.of());

    static final Named UNSUPPORTED_MEDIA_TYPE = example(
            ProblemKind.UNSUPPORTED_MEDIA_TYPE, "/api/v1/grants", "Send the body as application/json.", Map.of());
    static final Named PAYLOAD_TOO_LARGE = example(
            ProblemKind.PAYLOAD_TOO_LARGE, "/api/v1/grants", "A grant request is at most 4096 bytes.", Map.of());
    static final Named ROLE_COPY_MISSING = example(
            ProblemKind.ROLE_COPY_MISSING_IN_BUSINESS_UNIT,
            "/api/v1/grants",
            "The role 0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2 has no copy in business unit"
                    + " 5d1e7c3a-2b4f-4e6a-8c9d-0e1f2a3b4c5d; assign another role, or name a business unit that has a"
                    + " copy.",
            Map.of("businessUnitId", "5d1e7c3a-2b4f-4e6a-8c9d-0e1f2a3b4c5d"));
    static final Named ENTRA_GROUP_MEMBERSHIP = example(
            ProblemKind.MEMBERSHIP_MANAGED_BY_ENTRA_GROUP,
            "/api/v1/grants",
            "The members of team 'Dynamics Sales Users' come from the Microsoft Entra group"
                    + " 7c9e6679-7425-40de-944b-e07fc1f90ae7; change that group's members instead.",
            Map.of("entraObjectId", "7c9e6679-7425-40de-944b-e07fc1f90ae7"));
    static final Named INHERITED_ONLY = example(
            ProblemKind.GRANT_INHERITED_ONLY,
            "/api/v1/grants/role:0b5c2a44-1d3e-4f5a-9b6c-7d8e9fa0b1c2:assigned:account:"
                    + "2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d",
            "The grant is not assigned directly; it is inherited through the team(s) 'Sales EMEA'. Revoke the role"
                    + " from those teams, or the account's membership of them.",
            Map.of(
                    "teams",
                    List.of(Map.of("id", "5a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d", "displayName", "Sales EMEA"))));
    static final Named PLATFORM_MANAGED = example(
            ProblemKind.PLATFORM_MANAGED_ACCOUNT,
            "/api/v1/grants",
            "The account 2b7e1a4c-0d3e-4f7a-9c1b-5e6f7a8b9c0d is managed by Microsoft (a built-in, support,"
                    + " delegated-admin, stub or platform application account); this service never changes its roles,"
                    + " teams or field security profiles.",
            Map.of());
    static final Named ACCESS_TEAM_PROFILES = example(
            ProblemKind.ACCESS_TEAM_CANNOT_HOLD_PROFILES,
            "/api/v1/grants",
            "The team 'Key Account Collaboration' is an access team, and access teams cannot hold field security"
                    + " profiles; give the profile to an owner team or to the accounts instead.",
            Map.of("teamId", "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e"));

    static final Named URI_TOO_LONG = example(
            ProblemKind.URI_TOO_LONG,
            null,
            "The request line (method, path and query) is longer than the 8192 bytes this service reads; send a"
                    + " shorter path or query.",
            Map.of());
    static final Named HEADERS_TOO_LARGE = example(
            ProblemKind.HEADERS_TOO_LARGE,
            null,
            "The request line and headers together are larger than the 8192 bytes this service reads; send fewer"
                    + " or smaller headers.",
            Map.of());

    private ProblemExamples() {}

    private static Named example(ProblemKind kind, @Nullable String path, String detail, Map<String, Object> extra) {
        Map<String, Object> json = new LinkedHashMap<>(Problems.asJson(Problems.of(kind, detail, path)));
        json.putAll(extra);
        return new Named(kind.slug(), kind.title(), json);
    }

    /** The problem a refusal of the service itself answers with, under a name of its own. */
    private static Named refusal(String name, String path, ApiProblem refusal) {
        Map<String, Object> json =
                new LinkedHashMap<>(Problems.asJson(Problems.of(refusal.kind(), refusal.getMessage(), path)));
        json.putAll(refusal.properties());
        return new Named(name, refusal.kind().title(), json);
    }

    private static AcceptedParameters accountListParameters() {
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        for (String name : List.of("status", "accountType", "search", "pageSize", "pageToken")) {
            parameters.put(name, false);
        }
        return new AcceptedParameters(parameters, false);
    }

    record Named(String name, String summary, Map<String, Object> json) {}
}
