package io.accessgov.dynamics.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes audit events to the logger {@code io.accessgov.dynamics.audit}, one line per event, the fields as SLF4J
 * key-value pairs: with structured logging on (ECS or Logstash) each is a member of the JSON line ({@code audit.*}),
 * ready to ship; the message repeats the essentials for people reading text logs.
 */
@Component
public class AuditLog {

    /** The logger operators route to their audit store. */
    public static final String LOGGER = "io.accessgov.dynamics.audit";

    private static final Logger AUDIT = LoggerFactory.getLogger(LOGGER);

    /** Writes one event. */
    public void record(AuditEvent event) {
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
