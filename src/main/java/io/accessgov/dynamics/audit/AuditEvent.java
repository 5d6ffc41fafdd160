package io.accessgov.dynamics.audit;

import org.jspecify.annotations.Nullable;

/**
 * One attempt to change who has what, as written to the audit log.
 *
 * @param caller who asked: the token's subject and client, or {@code anonymous}
 * @param environment the environment the change was asked of (docs/api.md §9)
 * @param action {@code grant} or {@code revoke}
 * @param grantId the grant asked for; null when the request was too malformed to name one
 * @param outcome what happened
 * @param status the HTTP status answered; null when the web layer decides it (a Dataverse failure)
 * @param dataverseRequestId Dataverse's request id of the last change sent, or of its refusal; null when none was sent
 *     or its answer was lost
 * @param correlationId this service's id for the attempt, also on every other log line written while it ran
 * @param durationMillis how long the attempt took
 * @param reason the problem type of a refusal or failure; null on success
 */
public record AuditEvent(
        Caller caller,
        String environment,
        String action,
        @Nullable String grantId,
        Outcome outcome,
        @Nullable Integer status,
        @Nullable String dataverseRequestId,
        String correlationId,
        long durationMillis,
        @Nullable String reason) {

    /** What a change attempt came to. */
    public enum Outcome {
        CREATED("created"),
        ALREADY_HELD("already-held"),
        REVOKED("revoked"),
        ALREADY_ABSENT("already-absent"),
        REFUSED("refused"),
        FAILED("failed");

        private final String wire;

        Outcome(String wire) {
            this.wire = wire;
        }

        /** The value written to the log. */
        public String wire() {
            return wire;
        }

        /** The outcome written as {@code wire}, if any. */
        public static java.util.Optional<Outcome> fromWire(String wire) {
            for (Outcome outcome : values()) {
                if (outcome.wire.equals(wire)) {
                    return java.util.Optional.of(outcome);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
