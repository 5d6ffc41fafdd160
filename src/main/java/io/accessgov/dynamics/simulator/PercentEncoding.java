package io.accessgov.dynamics.simulator;

import java.nio.charset.StandardCharsets;

/** Percent-encoding as the simulator writes it into links: only the given safe characters stay as they are. */
final class PercentEncoding {

    /** For query option values in a nextLink: keeps what OData links usually show unencoded. */
    static final String QUERY_SAFE = "-._~!$'()*,;:@/";
    /** For the outer skiptoken cookie, like the reference example ({@code =} and {@code /} stay). */
    static final String COOKIE_SAFE = "-._~=/";
    /** For the inner paging cookie (lower-case hex, {@code -} stays). */
    static final String INNER_SAFE = "-._";

    private PercentEncoding() {}

    static String encode(String text, String safe, boolean lowerCaseHex) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || (c < 128 && safe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                String hex = String.format("%%%02X", c);
                out.append(lowerCaseHex ? hex.toLowerCase() : hex);
            }
        }
        return out.toString();
    }
}
