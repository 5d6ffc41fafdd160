package io.accessgov.dynamics.grant;

import io.accessgov.dynamics.audit.AuditEvent;
import io.accessgov.dynamics.audit.AuditEvent.Outcome;
import io.accessgov.dynamics.audit.AuditLog;
import io.accessgov.dynamics.audit.Caller;
import io.accessgov.dynamics.dataverse.BusinessRuleViolated;
import io.accessgov.dynamics.dataverse.DataverseException;
import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The entry to grant changes: reads the request, runs the change and writes exactly one audit event for the attempt,
 * whatever it came to (created, already held, revoked, already absent, refused, failed), with the caller, the grant,
 * Dataverse's request id and the time taken. While it runs, every log line carries the attempt's correlation id.
 */
@Component
class GrantCommands {

    static final String CORRELATION_ID = "correlationId";

    private final GrantService grants;
    private final GrantLocks locks;
    private final AuditLog audit;

    GrantCommands(GrantService grants, GrantLocks locks, AuditLog audit) {
        this.grants = grants;
        this.locks = locks;
        this.audit = audit;
    }

    /** {@code POST /api/v1/grants} in this environment, with this body, sent as {@code contentType}. */
    ChangeResult grant(Environment environment, @Nullable String contentType, byte[] body) {
        return audited(environment, "grant", attempt -> {
            GrantRequestReader.requireJson(contentType);
            return changes(environment).grant(GrantRequestReader.read(body), attempt);
        });
    }

    /** A grant asked for by another module (SCIM), with the same rules, idempotence and audit as the REST API. */
    ChangeResult grant(Environment environment, GrantRequest request) {
        return audited(environment, "grant", attempt -> changes(environment).grant(request, attempt));
    }

    /** A revoke asked for by another module (SCIM), with the same rules, idempotence and audit as the REST API. */
    ChangeResult revoke(Environment environment, GrantId id) {
        return audited(environment, "revoke", attempt -> changes(environment).revoke(id, attempt));
    }

    /** {@code DELETE /api/v1/grants/{id}} in this environment. */
    ChangeResult revoke(Environment environment, String grantId) {
        return audited(environment, "revoke", attempt -> changes(environment).revoke(GrantId.parse(grantId), attempt));
    }

    private GrantChanges changes(Environment environment) {
        return new GrantChanges(environment, grants, locks);
    }

    /**
     * Runs the change and records its one audit event before answering: a success whose event could not be kept is
     * not answered as a success ({@link io.accessgov.dynamics.audit.AuditNotRecorded}).
     */
    private ChangeResult audited(Environment environment, String action, Function<ChangeAttempt, ChangeResult> change) {
        String correlationId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        Caller caller = Caller.current();
        ChangeAttempt attempt = new ChangeAttempt();
        MDC.put(CORRELATION_ID, correlationId);
        try {
            ChangeResult result;
            try {
                result = change.apply(attempt);
            } catch (ApiProblem refused) {
                Object requestId = refused.properties().get("dataverseRequestId");
                boolean serverSide = refused.kind().status().is5xxServerError();
                audit.record(new AuditEvent(
                        caller,
                        environment.name(),
                        action,
                        grantId(attempt),
                        serverSide ? Outcome.FAILED : Outcome.REFUSED,
                        refused.kind().status().value(),
                        requestId == null ? null : requestId.toString(),
                        correlationId,
                        millisSince(started),
                        refused.kind().slug()));
                throw refused;
            } catch (DataverseException failed) {
                audit.record(new AuditEvent(
                        caller,
                        environment.name(),
                        action,
                        grantId(attempt),
                        failed instanceof BusinessRuleViolated ? Outcome.REFUSED : Outcome.FAILED,
                        null,
                        failed.requestId().orElse(null),
                        correlationId,
                        millisSince(started),
                        failed.getClass().getSimpleName()
                                + failed.dataverseCode().map(code -> " " + code).orElse("")));
                throw failed;
            } catch (RuntimeException | Error unexpected) {
                audit.record(new AuditEvent(
                        caller,
                        environment.name(),
                        action,
                        grantId(attempt),
                        Outcome.FAILED,
                        ProblemKind.INTERNAL_ERROR.status().value(),
                        null,
                        correlationId,
                        millisSince(started),
                        unexpected.getClass().getSimpleName()));
                throw unexpected;
            }
            audit.record(new AuditEvent(
                    caller,
                    environment.name(),
                    action,
                    result.id().toString(),
                    result.audited(),
                    GrantController.statusOf(result.outcome()).value(),
                    result.dataverseRequestId(),
                    correlationId,
                    millisSince(started),
                    null));
            return result;
        } finally {
            MDC.remove(CORRELATION_ID);
        }
    }

    private static @Nullable String grantId(ChangeAttempt attempt) {
        return attempt.grantId() == null ? null : attempt.grantId().toString();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
