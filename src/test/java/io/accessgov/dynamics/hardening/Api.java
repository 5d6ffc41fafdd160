package io.accessgov.dynamics.hardening;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running service over HTTP on 127.0.0.1 with the request target sent exactly as given (percent-encoding
 * and all), as a hostile client would.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final int port;
    private final @Nullable String bearer;

    Api(int port) {
        this(port, null);
    }

    Api(int port, @Nullable String bearer) {
        this.port = port;
        this.bearer = bearer;
    }

    HttpResponse<String> get(String target) {
        return send("GET", target, null, null);
    }

    /**
     * @param target the raw path and query, e.g. {@code /api/v1/accounts/%2F}
     * @param contentType the {@code Content-Type} to send with the body, or null for none
     */
    HttpResponse<String> send(String method, String target, @Nullable String contentType, byte @Nullable [] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String target) {
        HttpResponse<String> response = get(target);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + target + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode parse(String body) {
        return JSON.readTree(body);
    }
}
