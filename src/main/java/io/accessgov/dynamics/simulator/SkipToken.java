package io.accessgov.dynamics.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The {@code $skiptoken} paging cookie, shaped like Dataverse's:
 * {@code <cookie pagenumber="2" pagingcookie="%3ccookie%20page%3d%221%22%3e%3c{pk}%20last%3d…" istracking="False" />}
 * where the inner cookie names the last and first key of the page just served. Pages of a change-tracking read say
 * {@code istracking="True"}; their inner cookie also holds the row version the read stops at and, for a delta, the
 * phase (changed rows, then deletions) and the version of the last change served. The simulator adds a check value
 * bound to the query, so a cookie that was altered, re-encoded or moved to another query is refused.
 */
final class SkipToken {

    private static final Pattern OUTER = Pattern.compile(
            "<cookie pagenumber=\"(\\d{1,9})\" pagingcookie=\"([^\"]*)\" istracking=\"(True|False)\" />");
    private static final Pattern INNER = Pattern.compile("<cookie page=\"(\\d{1,9})\"(?: tracking=\"(\\d{1,18})\")?>"
            + "<(\\w+) last=\"\\{([0-9A-F-]{36})\\}\" first=\"\\{([0-9A-F-]{36})\\}\""
            + "(?: phase=\"(upserts|deletes)\" version=\"(\\d{1,18})\")? check=\"([0-9a-f]{16})\" /></cookie>");

    private final byte[] key = new byte[32];

    SkipToken() {
        new SecureRandom().nextBytes(key);
    }

    /**
     * A position in a result: the page that comes next and the last key already served; for a change-tracking read
     * also the version it stops at ({@code highWater}, -1 otherwise) and, for a delta, the phase and the version of
     * the last change served.
     */
    record Position(
            int pageNumber,
            UUID lastKey,
            long highWater,
            @Nullable String phase,
            long lastVersion) {

        boolean tracking() {
            return highWater >= 0;
        }
    }

    /** The decoded cookie value ({@code <cookie …/>}) of an ordinary read, ready to be percent-encoded into a link. */
    String issue(String scope, String primaryKey, int nextPage, UUID last, UUID first) {
        return issue(scope, primaryKey, new Position(nextPage, last, -1, null, 0), first);
    }

    /** The decoded cookie value for the page after {@code next} (whose page number is the one to serve next). */
    String issue(String scope, String primaryKey, Position next, UUID first) {
        String lastText = next.lastKey().toString().toUpperCase(Locale.ROOT);
        String firstText = first.toString().toUpperCase(Locale.ROOT);
        String check = check(scope, next, lastText, firstText);
        String inner = "<cookie page=\"" + (next.pageNumber() - 1) + "\""
                + (next.tracking() ? " tracking=\"" + next.highWater() + "\"" : "") + "><" + primaryKey + " last=\"{"
                + lastText + "}\" first=\"{" + firstText + "}\""
                + (next.phase() == null ? "" : " phase=\"" + next.phase() + "\" version=\"" + next.lastVersion() + "\"")
                + " check=\"" + check + "\" /></cookie>";
        return "<cookie pagenumber=\"" + next.pageNumber() + "\" pagingcookie=\""
                + PercentEncoding.encode(inner, PercentEncoding.INNER_SAFE, true) + "\" istracking=\""
                + (next.tracking() ? "True" : "False") + "\" />";
    }

    /** Verifies a decoded {@code $skiptoken} for this query; null when there is none (first page). */
    @Nullable
    Position verify(@Nullable String token, String scope, String primaryKey) {
        if (token == null) {
            return null;
        }
        Matcher outer = OUTER.matcher(token);
        if (!outer.matches()) {
            throw invalid();
        }
        String inner;
        try {
            inner = URLDecoder.decode(outer.group(2), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        Matcher cookie = INNER.matcher(inner);
        if (!cookie.matches() || !cookie.group(3).equals(primaryKey)) {
            throw invalid();
        }
        int page = Integer.parseInt(outer.group(1));
        boolean tracking = cookie.group(2) != null;
        if (Integer.parseInt(cookie.group(1)) != page - 1
                || tracking != outer.group(3).equals("True")) {
            throw invalid();
        }
        Position position = new Position(
                page,
                UUID.fromString(cookie.group(4)),
                tracking ? Long.parseLong(cookie.group(2)) : -1,
                cookie.group(6),
                cookie.group(7) == null ? 0 : Long.parseLong(cookie.group(7)));
        if (!check(scope, position, cookie.group(4), cookie.group(5)).equals(cookie.group(8))) {
            throw invalid();
        }
        return position;
    }

    private String check(String scope, Position position, String last, String first) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((scope
                            + '\u0000'
                            + position.pageNumber()
                            + '\u0000'
                            + last
                            + '\u0000'
                            + first
                            + '\u0000'
                            + position.highWater()
                            + '\u0000'
                            + position.phase()
                            + '\u0000'
                            + position.lastVersion())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static ODataError invalid() {
        return ODataError.badRequest(
                "0x80040203",
                "The $skiptoken paging cookie is not valid for this query. "
                        + "Use the @odata.nextLink exactly as it was returned.");
    }
}
