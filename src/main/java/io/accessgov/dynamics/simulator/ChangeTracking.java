package io.accessgov.dynamics.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of change tracking (docs/dataverse.md §12, §17) that reads share: which tables have it, what a
 * {@code Prefer: odata.track-changes} on a table without it gets, and the delta token, shaped like Dataverse's
 * {@code <row version>!<MM/dd/yyyy HH:mm:ss>} (UTC), with its expiry.
 */
final class ChangeTracking {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);
    private static final Pattern TOKEN = Pattern.compile("(\\d{1,18})!(\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2})");

    private final Organisation organisation;
    private final Behaviour behaviour;
    private final Clock clock;

    ChangeTracking(Organisation organisation, Behaviour behaviour, Clock clock) {
        this.organisation = organisation;
        this.behaviour = behaviour;
        this.clock = clock;
    }

    /** Whether the table (by logical name) has change tracking: the switch when set, else its default. */
    boolean enabled(String logicalName) {
        Boolean switched = behaviour.changeTracking(logicalName);
        if (switched != null) {
            return switched;
        }
        PrivilegeCatalogue.TableInfo table = organisation.catalogue().table(logicalName);
        return table != null && table.tracked();
    }

    /**
     * Whether a track-changes read of the table is served as one; false when the preference is ignored. Refuses
     * a table without change tracking with 0x80072491, and an intersect whose two related tables both lack it with
     * 0x80072492, unless {@link Behaviour#untrackedTable()} says to ignore the preference.
     */
    boolean accepts(TableDef def) {
        return check(def, behaviour.untrackedTable() == Behaviour.UntrackedTable.IGNORE_PREFERENCE);
    }

    /** Refuses a delta read of a table without change tracking (a delta token for it cannot be followed). */
    void require(TableDef def) {
        check(def, false);
    }

    private boolean check(TableDef def, boolean ignorable) {
        if (def.intersect() && enabled(def.entityName())) {
            String first = related(def, 1);
            String second = related(def, 2);
            if (!enabled(first) && !enabled(second)) {
                return refuse(
                        ignorable,
                        "0x80072492",
                        "Changes cannot be retrieved for intersect entity " + def.entityName()
                                + " since both related entities are not enabled for change tracking.");
            }
            return true;
        }
        if (enabled(def.entityName())) {
            return true;
        }
        return refuse(ignorable, "0x80072491", "Entity " + def.entityName() + " isn't enabled for change tracking.");
    }

    private static boolean refuse(boolean ignorable, String code, String message) {
        if (ignorable) {
            return false;
        }
        throw ODataError.badRequest(code, message);
    }

    /** The logical name of the table an intersect's id column (1 or 2) refers to: {@code roleid} → {@code role}. */
    private static String related(TableDef def, int column) {
        String name = def.column(column).name();
        return name.substring(0, name.length() - 2);
    }

    /** A delta token that continues from this row version, issued now. */
    String token(long version) {
        return version + "!" + ISSUED.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /**
     * The row version a delta token continues from. A malformed token, or one from the future, is refused with
     * 0x80040203; a token older than {@link Behaviour#deltaTokenLifetime()}, or one the table's log of deletions no
     * longer reaches (it was cut or expired), with 0x80044352.
     */
    long since(String token, Table table) {
        Matcher matcher = TOKEN.matcher(token);
        long version;
        Instant issued;
        try {
            if (!matcher.matches()) {
                throw new IllegalArgumentException(token);
            }
            version = Long.parseLong(matcher.group(1));
            issued = LocalDateTime.parse(matcher.group(2), ISSUED).toInstant(ZoneOffset.UTC);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid(token);
        }
        if (version > organisation.currentVersion() || issued.isAfter(clock.instant())) {
            throw invalid(token);
        }
        if (version < table.changes().validFrom()
                || issued.plus(behaviour.deltaTokenLifetime()).isBefore(clock.instant())) {
            throw ODataError.badRequest(
                    "0x80044352", "Version stamp associated with the client has expired. Please perform a full sync.");
        }
        return version;
    }

    private static ODataError invalid(String token) {
        return ODataError.badRequest("0x80040203", "The $deltatoken '" + token + "' is not valid.");
    }

    /** The delta link: the read's own options (without paging and token) and the new token. */
    static String deltaLink(String webApiBase, String rawResourcePath, Map<String, String> options, String token) {
        StringBuilder link =
                new StringBuilder(webApiBase).append(rawResourcePath).append('?');
        options.forEach((name, value) -> {
            if (!name.equals("$skiptoken") && !name.equals("$deltatoken")) {
                link.append(name)
                        .append('=')
                        .append(PercentEncoding.encode(value, PercentEncoding.QUERY_SAFE, false))
                        .append('&');
            }
        });
        return link.append("$deltatoken=")
                .append(PercentEncoding.encode(token, "", true))
                .toString();
    }
}
