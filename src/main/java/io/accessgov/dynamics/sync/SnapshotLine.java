package io.accessgov.dynamics.sync;

import java.util.List;

/**
 * One object of a snapshot. Keys order a snapshot canonically (kind first, then a stable key within the kind), so
 * that two snapshots can be compared by one streaming merge-join; the key also names the kind (its first character,
 * the kind's rank) and the id (its last {@code |}-separated part). The JSON is the REST JSON, written compactly (no
 * raw tab or line break can occur in it).
 *
 * <p>A snapshot keeps each object as its export line ({@link #exportLine()}: the JSON with {@code "kind"} first) and
 * its key, apart ({@link SnapshotStore}). The form {@code key TAB json} ({@link #encode()}) is what a sync sorts
 * lines in, and the first stored form; lines of the very first one, {@code key TAB kind TAB id TAB json}, are read
 * too ({@link #decode}).
 *
 * @param key the canonical sort key; its first character is the kind's rank
 * @param kind {@code business-unit}, {@code account}, {@code role}, {@code team}, {@code grant}, {@code
 *     role-privilege} or {@code field-security-profile}
 * @param id the object's id in the API (a GUID, or a grant id)
 */
record SnapshotLine(String key, String kind, String id, String json) {

    static final String BUSINESS_UNIT = "business-unit";
    static final String ACCOUNT = "account";
    static final String ROLE = "role";
    static final String TEAM = "team";
    static final String GRANT = "grant";
    static final String ROLE_PRIVILEGE = "role-privilege";
    static final String FIELD_SECURITY_PROFILE = "field-security-profile";

    /** The kinds by their rank, the first character of their keys ({@link SnapshotKeys}). */
    private static final List<String> KINDS =
            List.of(BUSINESS_UNIT, ACCOUNT, ROLE, TEAM, GRANT, ROLE_PRIVILEGE, FIELD_SECURITY_PROFILE);

    /** {@code key TAB json}, without the line break. */
    String encode() {
        return key + '\t' + json;
    }

    /** A line in the form {@code key TAB json}, or the very first {@code key TAB kind TAB id TAB json}. */
    static SnapshotLine decode(String line) {
        int first = line.indexOf('\t');
        if (first > 0 && line.length() > first + 1 && line.charAt(first + 1) == '{') {
            String key = line.substring(0, first);
            return new SnapshotLine(key, kindOf(key), idOf(key), line.substring(first + 1));
        }
        int second = line.indexOf('\t', first + 1);
        int third = line.indexOf('\t', second + 1);
        if (first < 0 || second < 0 || third < 0 || line.length() <= third + 1 || line.charAt(third + 1) != '{') {
            throw damaged();
        }
        return new SnapshotLine(
                line.substring(0, first),
                line.substring(first + 1, second),
                line.substring(second + 1, third),
                line.substring(third + 1));
    }

    /** The object kept under {@code key} as {@code exportLine}; the line must be of the kind the key names. */
    static SnapshotLine of(String key, String exportLine) {
        String kind = kindOf(key);
        String start = prefix(kind);
        if (!exportLine.startsWith(start) || exportLine.length() == start.length()) {
            throw damaged();
        }
        char next = exportLine.charAt(start.length());
        String json;
        if (next == ',') {
            json = '{' + exportLine.substring(start.length() + 1);
        } else if (next == '}' && exportLine.length() == start.length() + 1) {
            json = "{}";
        } else {
            throw damaged();
        }
        return new SnapshotLine(key, kind, idOf(key), json);
    }

    /** The REST JSON with the {@code "kind"} discriminator first, as the export sends it (without the line break). */
    String exportLine() {
        return exportLine(kind, json);
    }

    static String exportLine(String kind, String json) {
        return json.equals("{}") ? prefix(kind) + '}' : prefix(kind) + ',' + json.substring(1);
    }

    private static String prefix(String kind) {
        return "{\"kind\":\"" + kind + '"';
    }

    private static String kindOf(String key) {
        int rank = key.isEmpty() ? -1 : key.charAt(0) - '0';
        if (rank < 0 || rank >= KINDS.size()) {
            throw damaged();
        }
        return KINDS.get(rank);
    }

    private static String idOf(String key) {
        int idStart = key.lastIndexOf('|') + 1;
        if (idStart == 0 || idStart == key.length()) {
            throw damaged();
        }
        return key.substring(idStart);
    }

    private static IllegalStateException damaged() {
        return new IllegalStateException("A snapshot line is damaged");
    }
}
