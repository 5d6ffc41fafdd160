package io.accessgov.dynamics.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Example problems for the OpenAPI document, built from the same kinds the service answers with. */
final class ProblemExamples {

    static final Named INVALID_PARAMETER = example(
            ProblemKind.INVALID_PARAMETER,
            "/api/v1/accounts",
            "The parameter 'pageSize' must be between 1 and 1000.",
            Map.of("errors", List.of(Map.of("parameter", "pageSize", "detail", "must be between 1 and 1000"))));
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
            Map.of("dataverseCode", "0x80040220", "dataverseRequestId", "3f2b8c1d-5e6a-4b7c-9d0e-1f2a3b4c5d6e"));
    static final Named DATAVERSE_THROTTLED = example(
            ProblemKind.DATAVERSE_THROTTLED,
            "/api/v1/accounts",
            "Dataverse kept throttling the service's requests; try again after the time in Retry-After.",
            Map.of("dataverseCode", "0x80072322"));
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

    private ProblemExamples() {}

    private static Named example(ProblemKind kind, String path, String detail, Map<String, Object> extra) {
        Map<String, Object> json = new LinkedHashMap<>(Problems.asJson(Problems.of(kind, detail, path)));
        json.putAll(extra);
        return new Named(kind.slug(), kind.title(), json);
    }

    record Named(String name, String summary, Map<String, Object> json) {}
}
