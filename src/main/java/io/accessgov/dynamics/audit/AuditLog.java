package io.accessgov.dynamics.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records audit events: in the durable audit trail ({@link AuditTrail}: the data directory, or the shared database),
 * and to the logger {@code io.accessgov.dynamics.audit}, one line per event, the fields as SLF4J key-value pairs: with
 * structured logging on (ECS or Logstash) each is a member of the JSON line ({@code audit.*}), ready to ship; the
 * message repeats the essentials for people reading text logs. The line is written even when the trail fails.
 */
@Component
public class AuditLog {

    /** The logger operators route to their audit store. */
    public static final String LOGGER = "io.accessgov.dynamics.audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

    private final AuditTrail trail;

    public AuditLog(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * Records one event, in the trail before it returns.
     *
     * @throws AuditNotRecorded when the trail cannot keep it: the attempt must not be answered as a success
     */
    public void record(AuditEvent event) {
        try {
            trail.append(event);
        } finally {
            log(event);
        }
    }

    private static void log(AuditEvent event) {
        AUDIT.atInfo()
                .setMessage("{} {} {} in {} (status {}, caller {}, dataverseRequestId {}, {} ms)")
                .addArgument(event.action())
                .addArgument(event.grantId() == null ? "(no grant id)" : event.grantId())
                .addArgument(event.outcome().wire())
                .addArgument(event.environment())
                .addArgument(event.status() == null ? "-" : event.status())
                .addArgument(event.caller().subject())
                .addArgument(event.dataverseRequestId() == null ? "-" : event.dataverseRequestId())
                .addArgument(event.durationMillis())
                .addKeyValue("audit.environment", event.environment())
                .addKeyValue("audit.action", event.action())
                .addKeyValue("audit.grantId", event.grantId())
                .addKeyValue("audit.outcome", event.outcome().wire())
                .addKeyValue("audit.status", event.status())
                .addKeyValue("audit.caller", event.caller().subject())
                .addKeyValue("audit.callerClient", event.caller().client())
                .addKeyValue("audit.dataverseRequestId", event.dataverseRequestId())
                .addKeyValue("audit.correlationId", event.correlationId())
                .addKeyValue("audit.durationMs", event.durationMillis())
                .addKeyValue("audit.reason", event.reason())
                .log();
    }
}
