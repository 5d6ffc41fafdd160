package io.accessgov.dynamics.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a query string that is not text before it reaches a handler: parameters that are not valid UTF-8 once
 * percent-decoded (Tomcat would fail on them with a 500), or that carry control characters such as NUL or line
 * breaks (which no name, search text or id contains, and which must never reach Dataverse). Answers 400
 * {@code invalid-parameter}; nothing is sent to Dataverse.
 */
@Component
class QueryTextFilter extends OncePerRequestFilter {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,40}");

    private final ProblemResponseWriter problems;

    /** Built from the JSON mapper rather than the writer bean, so web slice tests that include filters load. */
    QueryTextFilter(JsonMapper json) {
        this.problems = new ProblemResponseWriter(json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String refusal = query == null ? null : refusal(query);
        if (refusal != null) {
            problems.write(response, Problems.of(ProblemKind.INVALID_PARAMETER, refusal, request.getRequestURI()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why this raw query string is refused, or null when every name and value is text. */
    static @Nullable String refusal(String query) {
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            Decoded name = decode(eq < 0 ? pair : pair.substring(0, eq));
            Decoded value = eq < 0 ? Decoded.EMPTY : decode(pair.substring(eq + 1));
            String which =
                    name.text() != null && PLAIN_NAME.matcher(name.text()).matches()
                            ? "The parameter '" + name.text() + "'"
                            : "A parameter of the query";
            if (name.text() == null || value.text() == null) {
                return which + " is not valid UTF-8 once percent-decoded.";
            }
            if (hasControlCharacter(name.text()) || hasControlCharacter(value.text())) {
                return which + " contains control characters (such as NUL or a line break); send plain text.";
            }
        }
        return null;
    }

    /** Percent-decoded text ({@code +} as a space, as Tomcat reads it), or null text when it is not UTF-8. */
    private record Decoded(@Nullable String text) {
        static final Decoded EMPTY = new Decoded("");
    }

    private static Decoded decode(String raw) {
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
            return new Decoded(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return new Decoded(null);
        }
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
