package io.accessgov.dynamics.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
        for (QueryString.Pair pair : QueryString.parse(query)) {
            String name = pair.name();
            String value = pair.value();
            String which = name != null && PLAIN_NAME.matcher(name).matches()
                    ? "The parameter '" + name + "'"
                    : "A parameter of the query";
            if (name == null || value == null) {
                return which + " is not valid UTF-8 once percent-decoded.";
            }
            if (hasControlCharacter(name) || hasControlCharacter(value)) {
                return which + " contains control characters (such as NUL or a line break); send plain text.";
            }
        }
        return null;
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
