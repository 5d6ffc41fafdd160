package io.accessgov.dynamics.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.audit.AuditEvent.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every audit trail does, whichever store keeps it. */
abstract class AuditTrailContract {

    static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");

    final MutableClock clock = new MutableClock(T0);

    /** The trail under test, empty at first. */
    abstract AuditTrail trail();

    /** The same store opened again, as after a restart. */
    abstract AuditTrail reopened();

    static AuditEvent event(String grantId, Outcome outcome, String environment) {
        return new AuditEvent(
                new Caller("subject-1", "client-1"),
                environment,
                "grant",
                grantId,
                outcome,
                outcome == Outcome.FAILED ? 503 : 201,
                "req-" + UUID.randomUUID(),
                UUID.randomUUID().toString(),
                12,
                outcome == Outcome.FAILED ? "dataverse-unavailable" : null);
    }

    static String grantId(UUID role, UUID account) {
        return "role:" + role + ":assigned:account:" + account;
    }

    static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, 0);
    }

    @Test
    void keepsEveryFieldOfAnEventAndItsPrincipalAndResource() {
        UUID role = UUID.randomUUID();
        UUID account = UUID.randomUUID();
        AuditEvent event = event(grantId(role, account), Outcome.CREATED, "contoso");

        AuditRecord kept = trail().append(event);

        assertThat(trail().read(all(), 10)).containsExactly(kept);
        assertThat(kept.occurredAt()).isEqualTo(T0);
        assertThat(kept.resourceId()).isEqualTo(role);
        assertThat(kept.principalId()).isEqualTo(account);
        assertThat(kept.caller()).isEqualTo("subject-1");
        assertThat(kept.callerClient()).isEqualTo("client-1");
        assertThat(kept.outcome()).isEqualTo("created");
        assertThat(kept.dataverseRequestId()).isEqualTo(event.dataverseRequestId());
        assertThat(kept.correlationId()).isEqualTo(event.correlationId());
    }

    @Test
    void eventsSurviveARestartAndLaterOnesFollowThem() {
        AuditRecord first = trail().append(event(grantId(UUID.randomUUID(), UUID.randomUUID()), Outcome.CREATED, "a"));

        AuditTrail again = reopened();
        AuditRecord second = again.append(event(null, Outcome.REFUSED, "a"));

        assertThat(again.read(all(), 10)).containsExactly(first, second);
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(second.resourceId()).isNull();
    }

    @Test
    void filtersByTimePrincipalResourceOutcomeAndEnvironment() {
        UUID role = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        AuditRecord early = trail().append(event(grantId(role, alice), Outcome.CREATED, "contoso"));
        clock.set(T0.plusSeconds(60));
        AuditRecord failed = trail().append(event(grantId(role, bob), Outcome.FAILED, "contoso"));
        clock.set(T0.plusSeconds(120));
        AuditRecord sandbox =
                trail().append(event(grantId(UUID.randomUUID(), alice), Outcome.CREATED, "contoso-sandbox"));

        assertThat(trail().read(new AuditQuery(T0.plusSeconds(60), null, null, null, null, null, 0), 10))
                .containsExactly(failed, sandbox);
        assertThat(trail().read(new AuditQuery(null, T0.plusSeconds(60), null, null, null, null, 0), 10))
                .containsExactly(early);
        assertThat(trail().read(new AuditQuery(null, null, alice, null, null, null, 0), 10))
                .containsExactly(early, sandbox);
        assertThat(trail().read(new AuditQuery(null, null, null, role, null, null, 0), 10))
                .containsExactly(early, failed);
        assertThat(trail().read(new AuditQuery(null, null, null, null, Outcome.FAILED, null, 0), 10))
                .containsExactly(failed);
        assertThat(trail().read(new AuditQuery(null, null, null, null, null, "contoso-sandbox", 0), 10))
                .containsExactly(sandbox);
    }

    @Test
    void readsAfterAPlaceAndAtMostTheLimit() {
        List<AuditRecord> kept = List.of(
                trail().append(event(null, Outcome.REFUSED, "a")),
                trail().append(event(null, Outcome.REFUSED, "a")),
                trail().append(event(null, Outcome.REFUSED, "a")));

        assertThat(trail().read(all(), 2)).containsExactly(kept.get(0), kept.get(1));
        assertThat(trail().read(all().after(kept.get(1).id()), 2)).containsExactly(kept.get(2));
    }

    /** A clock the test moves. */
    static final class MutableClock extends java.time.Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
