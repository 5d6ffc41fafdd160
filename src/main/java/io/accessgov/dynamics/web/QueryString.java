package io.accessgov.dynamics.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A raw query string read the way Tomcat reads it: pairs separated by {@code &}, names and values percent-decoded
 * as UTF-8 with {@code +} as a space. Empty pairs ({@code a=1&&b=2}) are skipped, as Tomcat skips them; a pair
 * without {@code =} is a name with an empty value.
 */
final class QueryString {

    private QueryString() {}

    /**
     * One name-value pair.
     *
     * @param name the decoded name, or null when it is not valid UTF-8
     * @param value the decoded value, or null when it is not valid UTF-8
     */
    record Pair(@Nullable String name, @Nullable String value) {}

    /** The pairs of a raw query string (without the {@code ?}), in the order sent. */
    static List<Pair> parse(String rawQuery) {
        List<Pair> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            pairs.add(new Pair(
                    decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1))));
        }
        return pairs;
    }

    /** Percent-decoded text ({@code +} as a space), or null when the bytes are not UTF-8. */
    static @Nullable String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high >= 0 && low >= 0) {
                    bytes.write(high << 4 | low);
                    i += 2;
                    continue;
                }
            }
            if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
