package io.accessgov.dynamics.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of problem the API answers with, in one table: its stable {@code type} URI, status and title. The
 * same kinds are documented for callers in {@code docs/problems.md}; keep the two in step.
 */
public enum ProblemKind {
    INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid request parameter"),
    INVALID_ID("invalid-id", HttpStatus.BAD_REQUEST, "Invalid id"),
    INVALID_PAGE_TOKEN("invalid-page-token", HttpStatus.BAD_REQUEST, "Invalid page token"),
    UNREADABLE_BODY("unreadable-body", HttpStatus.BAD_REQUEST, "Unreadable request body"),
    INVALID_BODY("invalid-body", HttpStatus.BAD_REQUEST, "Invalid request body"),
    INVALID_FILTER("invalid-filter", HttpStatus.BAD_REQUEST, "Invalid filter"),
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),
    INSUFFICIENT_SCOPE("insufficient-scope", HttpStatus.FORBIDDEN, "Permission missing"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    ACCOUNT_NOT_FOUND("account-not-found", HttpStatus.NOT_FOUND, "Account not found"),
    RECORD_NOT_FOUND("record-not-found", HttpStatus.NOT_FOUND, "Record not found"),
    ROLE_NOT_FOUND("role-not-found", HttpStatus.NOT_FOUND, "Security role not found"),
    TEAM_NOT_FOUND("team-not-found", HttpStatus.NOT_FOUND, "Team not found"),
    BUSINESS_UNIT_NOT_FOUND("business-unit-not-found", HttpStatus.NOT_FOUND, "Business unit not found"),
    GRANT_NOT_FOUND("grant-not-found", HttpStatus.NOT_FOUND, "Grant not found"),
    FIELD_SECURITY_PROFILE_NOT_FOUND(
            "field-security-profile-not-found", HttpStatus.NOT_FOUND, "Field security profile not found"),
    SYNC_NOT_FOUND("sync-not-found", HttpStatus.NOT_FOUND, "Sync not found"),
    ENVIRONMENT_NOT_FOUND("environment-not-found", HttpStatus.NOT_FOUND, "Environment not found"),
    IDENTITY_NOT_FOUND("identity-not-found", HttpStatus.NOT_FOUND, "No account of this person"),
    SYNC_ALREADY_RUNNING("sync-already-running", HttpStatus.CONFLICT, "A sync is already running"),
    SYNC_NOT_SUCCEEDED("sync-not-succeeded", HttpStatus.CONFLICT, "The sync has no complete snapshot"),
    NO_EARLIER_SYNC("no-earlier-sync", HttpStatus.CONFLICT, "No earlier sync to compare with"),
    SYNC_INTERRUPTED("sync-interrupted", HttpStatus.SERVICE_UNAVAILABLE, "The sync was cut short"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Response format not available"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request too large"),
    URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG, "Request line too long"),
    HEADERS_TOO_LARGE(
            "request-headers-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED, "The resource has changed"),
    NOT_IMPLEMENTED("not-implemented", HttpStatus.NOT_IMPLEMENTED, "Not implemented"),
    ROLE_COPY_MISSING_IN_BUSINESS_UNIT(
            "role-copy-missing-in-business-unit", HttpStatus.CONFLICT, "Role has no copy in the business unit"),
    ROLE_IN_OTHER_BUSINESS_UNIT(
            "role-in-other-business-unit", HttpStatus.CONFLICT, "Role copy belongs to another business unit"),
    ACCESS_TEAM_CANNOT_HOLD_ROLES(
            "access-team-cannot-hold-roles", HttpStatus.CONFLICT, "Access teams cannot hold security roles"),
    ACCESS_TEAM_CANNOT_HOLD_PROFILES(
            "access-team-cannot-hold-profiles",
            HttpStatus.CONFLICT,
            "Access teams cannot hold field security profiles"),
    MEMBERSHIP_MANAGED_BY_BUSINESS_UNIT(
            "membership-managed-by-business-unit", HttpStatus.CONFLICT, "Membership is managed by the business unit"),
    MEMBERSHIP_MANAGED_BY_ENTRA_GROUP(
            "membership-managed-by-entra-group", HttpStatus.CONFLICT, "Membership is managed by an Entra group"),
    ACCOUNT_DISABLED("account-disabled", HttpStatus.CONFLICT, "Account is disabled"),
    PLATFORM_MANAGED_ACCOUNT("platform-managed-account", HttpStatus.CONFLICT, "Account is managed by the platform"),
    GRANT_INHERITED_ONLY("grant-inherited-only", HttpStatus.CONFLICT, "Grant is inherited only"),
    BUSINESS_RULE_VIOLATED("business-rule-violated", HttpStatus.CONFLICT, "Change not possible"),
    DATAVERSE_REFUSED_CHANGE("dataverse-refused-change", HttpStatus.BAD_GATEWAY, "Dataverse refused the change"),
    DATAVERSE_ACCESS_DENIED("dataverse-access-denied", HttpStatus.BAD_GATEWAY, "Dataverse denied the service access"),
    DATAVERSE_SIGN_IN_FAILED("dataverse-sign-in-failed", HttpStatus.BAD_GATEWAY, "Signing in to Dataverse failed"),
    DATAVERSE_REJECTED_REQUEST(
            "dataverse-rejected-request", HttpStatus.BAD_GATEWAY, "Dataverse rejected the service's request"),
    DATAVERSE_THROTTLED("dataverse-throttled", HttpStatus.SERVICE_UNAVAILABLE, "Dataverse is throttling requests"),
    DATAVERSE_UNAVAILABLE("dataverse-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Dataverse is unavailable"),
    DATAVERSE_TIMED_OUT("dataverse-timed-out", HttpStatus.GATEWAY_TIMEOUT, "Dataverse did not answer in time"),
    REQUEST_REFUSED("request-refused", HttpStatus.BAD_REQUEST, "Request refused"),
    AUDIT_TRAIL_UNAVAILABLE(
            "audit-trail-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "The change could not be recorded"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    /** Prefix of every problem {@code type}. */
    public static final String TYPE_PREFIX = "urn:dynamics365-connector:problem:";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemKind(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** The stable {@code type} URI, e.g. {@code urn:dynamics365-connector:problem:account-not-found}. */
    public URI type() {
        return URI.create(TYPE_PREFIX + slug);
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /**
     * The generic kind for a status that has no more specific one. {@link #REQUEST_REFUSED} stands for any other
     * client error and is answered with the actual status.
     */
    static ProblemKind forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> INSUFFICIENT_SCOPE;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 431 -> HEADERS_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? REQUEST_REFUSED : INTERNAL_ERROR;
        };
    }
}
