package io.accessgov.dynamics.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * The service's own settings ({@code connector.*}, docs/api.md §1).
 *
 * @param pageTokenKey the AES-256 key that seals page tokens, base64-encoded (32 bytes, e.g. from
 *     {@code openssl rand -base64 32}); unset picks a random key per process, so tokens then neither survive a
 *     restart nor work across replicas. Never logged.
 * @param dataDir where sync snapshots are kept
 * @param security how callers are authenticated
 * @param syncs how full syncs are kept
 */
@Validated
@ConfigurationProperties("connector")
public record ConnectorProperties(
        @Nullable String pageTokenKey,
        @DefaultValue("./data") @NotNull Path dataDir,
        @Valid @DefaultValue Security security,
        @Valid @DefaultValue Syncs syncs) {

    static final int PAGE_TOKEN_KEY_BYTES = 32;

    /** The page-token key, decoded; empty when none is configured. */
    public Optional<byte[]> pageTokenKeyBytes() {
        if (pageTokenKey == null || pageTokenKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Base64.getDecoder().decode(pageTokenKey.strip()));
    }

    @AssertTrue(
            message = "connector.page-token-key (CONNECTOR_PAGE_TOKEN_KEY) must be exactly 32 bytes,"
                    + " base64-encoded; generate one with: openssl rand -base64 32")
    boolean isPageTokenKeyUsable() {
        try {
            return pageTokenKeyBytes()
                    .map(key -> key.length == PAGE_TOKEN_KEY_BYTES)
                    .orElse(true);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ConnectorProperties[pageTokenKey=" + (pageTokenKey == null ? "null" : "******") + ", dataDir=" + dataDir
                + ", security=" + security + ", syncs=" + syncs + "]";
    }

    /**
     * How callers are authenticated (docs/api.md §6).
     *
     * @param allowAnonymous open the API without a JWT issuer against a real environment; refused otherwise
     */
    public record Security(@DefaultValue("false") boolean allowAnonymous) {}

    /**
     * How full syncs are read and kept (docs/api.md §8).
     *
     * @param keep how many completed snapshots to keep in {@code data-dir}; older ones are deleted
     * @param parts how many primary-key ranges each of the tables that grow with the accounts (systemusers,
     *     systemuserrolescollection, teammemberships) is read in at once: 1, 2, 4, 8 or 16. More parts make fewer
     *     consecutive requests; each part may cost one request more than the table needs
     * @param streamTimeLimit how long one export or changes stream may run before the service aborts it (the client
     *     then sees an aborted response, never a clean end); unset, the default, sets no limit, so a slow reader
     *     gets every line
     * @param schedule when syncs start by themselves (docs/api.md §11), in every environment that does not set its
     *     own ({@code dynamics.environments.<name>.syncs.schedule.*})
     * @param lease with a shared database (docs/operations.md, "Several replicas"): how long a replica's claim on a
     *     running sync lasts without renewal; it renews every third of it. A replica that dies leaves its sync FAILED
     *     {@code sync-interrupted} within this time, after which another replica may start one
     */
    public record Syncs(
            @DefaultValue("5") @Min(1) @Max(1000) int keep,
            @DefaultValue("1") int parts,
            @Nullable Duration streamTimeLimit,
            @Valid @DefaultValue Schedule schedule,
            @DefaultValue("60s") @NotNull Duration lease) {

        @AssertTrue(message = "connector.syncs.lease (CONNECTOR_SYNCS_LEASE) must be at least 3s, e.g. 60s")
        boolean isLeaseLongEnough() {
            return lease.compareTo(Duration.ofSeconds(3)) >= 0;
        }

        @AssertTrue(message = "connector.syncs.parts (CONNECTOR_SYNCS_PARTS) must be 1, 2, 4, 8 or 16")
        boolean isPartsAPowerOfTwo() {
            return parts >= 1 && parts <= 16 && Integer.bitCount(parts) == 1;
        }

        @AssertTrue(
                message = "connector.syncs.stream-time-limit (CONNECTOR_SYNCS_STREAM_TIME_LIMIT) must be positive,"
                        + " e.g. 30m; leave it unset for no limit")
        boolean isStreamTimeLimitPositive() {
            return streamTimeLimit == null || (!streamTimeLimit.isNegative() && !streamTimeLimit.isZero());
        }
    }

    /**
     * When syncs start by themselves: Spring cron expressions (six fields, seconds first, e.g. {@code 0 *\/15 * * *
     * *}); empty or unset, the default, is off. A scheduled sync that finds one running is skipped and logged, not
     * queued.
     *
     * @param incremental when to start an incremental sync
     * @param full when to start a full sync, which re-establishes the baseline
     */
    public record Schedule(
            @Nullable String incremental, @Nullable String full) {

        /** The expression, or empty when off. */
        public static Optional<String> expression(@Nullable String cron) {
            return cron == null || cron.isBlank() || cron.strip().equals("-")
                    ? Optional.empty()
                    : Optional.of(cron.strip());
        }

        /** Whether the expression is empty or a valid Spring cron expression. */
        public static boolean valid(@Nullable String cron) {
            return expression(cron).map(CronExpression::isValidExpression).orElse(true);
        }

        @AssertTrue(
                message = "connector.syncs.schedule.incremental (CONNECTOR_SYNCS_SCHEDULE_INCREMENTAL) must be a Spring"
                        + " cron expression such as '0 */15 * * * *', or empty for no schedule")
        boolean isIncrementalACronExpression() {
            return valid(incremental);
        }

        @AssertTrue(
                message = "connector.syncs.schedule.full (CONNECTOR_SYNCS_SCHEDULE_FULL) must be a Spring cron"
                        + " expression such as '0 0 2 * * *', or empty for no schedule")
        boolean isFullACronExpression() {
            return valid(full);
        }
    }
}
