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
 * where the inner cookie names the last and first key of the page just served. The simulator adds a check value
 * bound to the query, so a cookie that was altered, re-encoded or moved to another query is refused.
 */
final class SkipToken {

    private static final Pattern OUTER =
            Pattern.compile("<cookie pagenumber=\"(\\d{1,9})\" pagingcookie=\"([^\"]*)\" istracking=\"False\" />");
    private static final Pattern INNER =
            Pattern.compile("<cookie page=\"(\\d{1,9})\"><(\\w+) last=\"\\{([0-9A-F-]{36})\\}\""
                    + " first=\"\\{([0-9A-F-]{36})\\}\" check=\"([0-9a-f]{16})\" /></cookie>");

    private final byte[] key = new byte[32];

    SkipToken() {
        new SecureRandom().nextBytes(key);
    }

    /** A position in a result: the page that comes next and the last key already served. */
    record Position(int pageNumber, UUID lastKey) {}

    /** The decoded cookie value ({@code <cookie …/>}), ready to be percent-encoded into a link. */
    String issue(String scope, String primaryKey, int nextPage, UUID last, UUID first) {
        String lastText = last.toString().toUpperCase(Locale.ROOT);
        String firstText = first.toString().toUpperCase(Locale.ROOT);
        String check = check(scope, nextPage, lastText, firstText);
        String inner = "<cookie page=\"" + (nextPage - 1) + "\"><" + primaryKey + " last=\"{" + lastText
                + "}\" first=\"{" + firstText + "}\" check=\"" + check + "\" /></cookie>";
        return "<cookie pagenumber=\"" + nextPage + "\" pagingcookie=\""
                + PercentEncoding.encode(inner, PercentEncoding.INNER_SAFE, true) + "\" istracking=\"False\" />";
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
        if (!cookie.matches() || !cookie.group(2).equals(primaryKey)) {
            throw invalid();
        }
        int page = Integer.parseInt(outer.group(1));
        if (Integer.parseInt(cookie.group(1)) != page - 1
                || !check(scope, page, cookie.group(3), cookie.group(4)).equals(cookie.group(5))) {
            throw invalid();
        }
        return new Position(page, UUID.fromString(cookie.group(3)));
    }

    private String check(String scope, int page, String last, String first) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(
                    (scope + '\u0000' + page + '\u0000' + last + '\u0000' + first).getBytes(StandardCharsets.UTF_8));
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
