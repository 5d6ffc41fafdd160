package io.accessgov.dynamics.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What change tracking needs beyond the rows themselves (docs/dataverse.md §12): the deletions of one table, each
 * with the row version of the deletion, oldest first, and the oldest version a delta token may still start from.
 * Changed and new rows need no log: every row carries its version. The log keeps at most a set number of deletions;
 * dropping older ones expires the tokens that would have needed them, as Dataverse's clean-up of old tracking data
 * does, so a delta never misses a deletion.
 */
final class ChangeLog {

    /**
     * One deletion.
     *
     * @param owner for a link table, the first record the link joined (for role privileges the role, to name the
     *     rows of its business-unit copies); null otherwise
     */
    record Deletion(
            long idHigh, long idLow, long version, @Nullable UUID owner) {

        UUID id() {
            return new UUID(idHigh, idLow);
        }
    }

    private final ArrayDeque<Deletion> deletions = new ArrayDeque<>();
    private long validFrom;

    /** Records a deletion; beyond {@code keep} deletions the oldest are dropped and older tokens expire. */
    synchronized void deleted(UUID id, long version, @Nullable UUID owner, int keep) {
        deletions.addLast(new Deletion(id.getMostSignificantBits(), id.getLeastSignificantBits(), version, owner));
        while (deletions.size() > Math.max(0, keep)) {
            Deletion dropped = deletions.removeFirst();
            validFrom = Math.max(validFrom, dropped.version());
        }
    }

    /** Tokens of a version below this one have expired. */
    synchronized long validFrom() {
        return validFrom;
    }

    /** Expires every token older than {@code version}. */
    synchronized void expireBefore(long version) {
        validFrom = Math.max(validFrom, version);
    }

    /** The deletions with a version in {@code (after, upTo]}, oldest first. */
    synchronized List<Deletion> between(long after, long upTo) {
        List<Deletion> found = new ArrayList<>();
        for (Deletion deletion : deletions) {
            if (deletion.version() > after && deletion.version() <= upTo) {
                found.add(deletion);
            }
        }
        return found;
    }

    synchronized int size() {
        return deletions.size();
    }
}
