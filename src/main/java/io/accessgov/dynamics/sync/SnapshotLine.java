package io.accessgov.dynamics.sync;

import java.util.List;

/**
 * One object of a snapshot as stored: {@code key TAB json}. Keys order a snapshot canonically (kind first, then a
 * stable key within the kind), so that two snapshots can be compared by one streaming merge-join; the key also names
 * the kind (its first character, the kind's rank) and the id (its last {@code |}-separated part). The JSON is the REST
 * JSON, written compactly (no raw tab or line break can occur in it). Lines of the first stored form,
 * {@code key TAB kind TAB id TAB json}, are still read.
 *
 * @param key the canonical sort key; its first character is the kind's rank
 * @param kind {@code business-unit}, {@code account}, {@code role}, {@code team} or {@code grant}
 * @param id the object's id in the API (a GUID, or a grant id)
 */
record SnapshotLine(String key, String kind, String id, String json) {

    static final String BUSINESS_UNIT = "business-unit";
    static final String ACCOUNT = "account";
    static final String ROLE = "role";
    static final String TEAM = "team";
    static final String GRANT = "grant";

    /** The kinds by their rank, the first character of their keys ({@link SnapshotKeys}). */
    private static final List<String> KINDS = List.of(BUSINESS_UNIT, ACCOUNT, ROLE, TEAM, GRANT);

    /** The stored form, without the line break. */
    String encode() {
        return key + '\t' + json;
    }

    static SnapshotLine decode(String line) {
        int first = line.indexOf('\t');
        if (first > 0 && line.length() > first + 1 && line.charAt(first + 1) == '{') {
            int rank = line.charAt(0) - '0';
            int idStart = line.lastIndexOf('|', first) + 1;
            if (rank < 0 || rank >= KINDS.size() || idStart == 0) {
                throw new IllegalStateException("A snapshot line is damaged");
            }
            String key = line.substring(0, first);
            return new SnapshotLine(key, KINDS.get(rank), key.substring(idStart), line.substring(first + 1));
        }
        int second = line.indexOf('\t', first + 1);
        int third = line.indexOf('\t', second + 1);
        if (first < 0 || second < 0 || third < 0 || line.length() <= third + 1 || line.charAt(third + 1) != '{') {
            throw new IllegalStateException("A snapshot line is damaged");
        }
        return new SnapshotLine(
                line.substring(0, first),
                line.substring(first + 1, second),
                line.substring(second + 1, third),
                line.substring(third + 1));
    }

    /** The REST JSON with the {@code "kind"} discriminator first, as the export shows it. */
    String withKind() {
        return "{\"kind\":\"" + kind + "\"," + json.substring(1);
    }
}
