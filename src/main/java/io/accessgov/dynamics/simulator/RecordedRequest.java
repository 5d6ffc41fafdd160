package io.accessgov.dynamics.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request the simulator received, as a test sees it.
 *
 * @param receivedAt when it arrived (simulator clock)
 * @param method the HTTP method
 * @param uri the raw path and query, exactly as sent (still percent-encoded)
 * @param headers the request headers, names in lower case; {@code authorization} values are redacted to the scheme
 * @param body the request body as text (client secrets redacted); empty when there was none
 * @param status the answer's status, 0 when the connection was dropped or the request hung
 * @param requestId the {@code REQ_ID} the answer carried
 * @param clientId the client the bearer token belonged to, when it was valid
 */
public record RecordedRequest(
        Instant receivedAt,
        String method,
        String uri,
        Map<String, List<String>> headers,
        String body,
        int status,
        String requestId,
        @Nullable String clientId) {

    public String path() {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    public @Nullable String rawQuery() {
        int q = uri.indexOf('?');
        return q < 0 ? null : uri.substring(q + 1);
    }

    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    /** The {@code Prefer} headers joined, or null. */
    public @Nullable String prefer() {
        return header("prefer");
    }

    public boolean hasAuthorization() {
        return headers.containsKey("authorization");
    }

    /** Whether this went to the Dataverse Web API (rather than the token endpoint). */
    public boolean isDataverse() {
        return uri.startsWith("/api/data/");
    }

    public boolean isTokenRequest() {
        return uri.contains("/oauth2/v2.0/token");
    }
}
