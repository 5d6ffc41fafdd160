package io.accessgov.dynamics.hardening;

import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What reached the simulated Dataverse, read from its request log. */
final class DataverseTraffic {

    private DataverseTraffic() {}

    /** The decoded {@code $filter} of every Web API request to this entity set, oldest first. */
    static List<String> filtersSentTo(DataverseSimulator simulator, String entitySet) {
        List<String> filters = new ArrayList<>();
        for (RecordedRequest request : simulator.requests().dataverse()) {
            if (request.path().endsWith("/" + entitySet)) {
                String filter = parameter(request.rawQuery(), "$filter");
                if (filter != null) {
                    filters.add(filter);
                }
            }
        }
        return filters;
    }

    /** The decoded value of one query parameter in a raw query, or null. */
    static @Nullable String parameter(@Nullable String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** Percent-decoding only: a {@code +} stays a plus, as OData reads it. */
    static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The OData string literal a search text must become inside {@code contains(...)}: LIKE wildcards bracketed,
     * single quotes doubled (docs/dataverse.md §7.2). Written here independently of the client's builder.
     */
    static String containsLiteral(String search) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < search.length(); i++) {
            char c = search.charAt(i);
            if (c == '%' || c == '_' || c == '[') {
                escaped.append('[').append(c).append(']');
            } else if (c == '\'') {
                escaped.append("''");
            } else {
                escaped.append(c);
            }
        }
        return "'" + escaped + "'";
    }
}
