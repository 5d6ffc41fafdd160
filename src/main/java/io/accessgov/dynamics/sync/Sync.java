package io.accessgov.dynamics.sync;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sync as the API shows it (docs/api.md §8, §11), also the metadata kept next to its snapshot.
 *
 * @param environment the environment it read (docs/api.md §9); null only in records an earlier version kept, which
 *     belong to the default environment
 * @param mode how it read Dataverse (docs/api.md §11); records an earlier version kept are FULL
 * @param progress rows and pages read per Dataverse table
 * @param counts objects of each kind in the snapshot; zero until the sync succeeds
 * @param dataverseRequests HTTP exchanges with Dataverse, retries included
 * @param throttledWaitMillis time spent waiting out Dataverse's throttling (429)
 * @param fallback why an incremental sync read some tables whole instead of following their changes; null when it
 *     followed every table's changes, and for a full sync
 * @param problem why the sync failed, an RFC 9457 problem object; null unless FAILED
 */
@Schema(description = "A sync: a consistent snapshot of the whole environment, read in full or incrementally.")
public record Sync(
        @Schema(example = "3f6c1e2a-9b8d-4c7e-a6f5-0e1d2c3b4a59")
        UUID id,

        @Schema(example = "contoso") @Nullable String environment,

        SyncStatus status,
        SyncMode mode,
        @Schema(example = "2026-11-26T05:00:00Z") Instant startedAt,

        @Schema(nullable = true, example = "2026-11-26T05:00:19Z") @Nullable
        Instant finishedAt,

        List<TableProgress> progress,
        Counts counts,
        @Schema(example = "217") long dataverseRequests,
        @Schema(example = "0") long throttledWaitMillis,

        @Schema(
                nullable = true,
                example = "teamrolescollection: its change token expired (Dataverse keeps changes for a limited time).",
                description = "Why an incremental sync read some tables whole instead of following their"
                        + " changes; null when it followed every table's changes, and for a full sync.")
        @Nullable
        String fallback,

        @Schema(nullable = true, description = "Why the sync failed (RFC 9457 problem); null unless FAILED.") @Nullable
        Map<String, Object> problem) {

    public Sync {
        mode = mode == null ? SyncMode.FULL : mode;
        progress = List.copyOf(progress);
        problem = problem == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(problem));
    }

    /** The same sync, ended as FAILED with this problem, its progress and figures kept. */
    Sync failed(Instant at, Map<String, Object> why) {
        return new Sync(
                id,
                environment,
                SyncStatus.FAILED,
                mode,
                startedAt,
                at,
                progress,
                counts,
                dataverseRequests,
                throttledWaitMillis,
                fallback,
                why);
    }

    /** The same sync, named as of this environment (records of an earlier version name none). */
    Sync in(String environmentName) {
        return new Sync(
                id,
                environmentName,
                status,
                mode,
                startedAt,
                finishedAt,
                progress,
                counts,
                dataverseRequests,
                throttledWaitMillis,
                fallback,
                problem);
    }

    /**
     * Rows and pages read from one Dataverse table.
     *
     * @param table Dataverse's entity set name
     * @param done whether the last page was read
     */
    @Schema(name = "SyncTableProgress")
    public record TableProgress(
            @Schema(example = "systemusers") String table,
            @Schema(example = "15000") long rows,
            @Schema(example = "3") long pages,
            boolean done) {}

    /** How many objects of each kind the snapshot holds. */
    @Schema(name = "SyncCounts")
    public record Counts(long businessUnits, long accounts, long roles, long teams, long grants) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }
}
