package io.accessgov.dynamics.audit;

import io.accessgov.dynamics.web.Ids;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads the audit trail for {@code GET /api/v1/audit-events} (docs/api.md §12): the filters checked before anything is
 * read, then one page, oldest first, with a sealed cursor naming the last event of the page; events recorded while a
 * client pages appear on later pages, none twice.
 */
@Component
class AuditEvents {

    private static final String LIST = "audit-events";

    private final AuditTrail trail;
    private final PageTokens tokens;

    AuditEvents(AuditTrail trail, PageTokens tokens) {
        this.trail = trail;
        this.tokens = tokens;
    }

    Page<AuditRecord> page(
            @Nullable String since,
            @Nullable String until,
            @Nullable String principalId,
            @Nullable String resourceId,
            @Nullable String outcome,
            @Nullable String environment,
            @Nullable Integer pageSize,
            @Nullable String pageToken) {
        AuditQuery query = new AuditQuery(
                instant("since", since),
                instant("until", until),
                principalId == null ? null : Ids.parseGuid(principalId, "principalId"),
                resourceId == null ? null : Ids.parseGuid(resourceId, "resourceId"),
                outcome == null ? null : outcome(outcome),
                environment,
                0);
        String fingerprint = PageTokens.fingerprint(
                query.since(), query.until(), query.principalId(), query.resourceId(), outcome, environment);
        int size = pageSize == null ? Page.DEFAULT_SIZE : pageSize;
        if (pageToken != null) {
            PageTokens.Cursor cursor = tokens.redeemCursor(pageToken, LIST, fingerprint, pageSize);
            size = cursor.pageSize();
            query = query.after(Long.parseLong(cursor.after()));
        }
        List<AuditRecord> found = trail.read(query, size + 1);
        if (found.size() <= size) {
            return new Page<>(found, null);
        }
        List<AuditRecord> items = found.subList(0, size);
        String next = tokens.issueCursor(
                LIST, fingerprint, Long.toString(items.get(size - 1).id()), size);
        return new Page<>(items, next);
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidAuditQuery(
                    "The parameter '" + name + "' must be an instant such as 2026-11-26T05:00:00Z.");
        }
    }

    private static AuditEvent.Outcome outcome(String value) {
        return AuditEvent.Outcome.fromWire(value)
                .orElseThrow(() -> new InvalidAuditQuery("The parameter 'outcome' must be one of created,"
                        + " already-held, revoked, already-absent, refused, failed."));
    }
}
