package io.accessgov.dynamics.endtoend;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running service over real HTTP on 127.0.0.1, as a client of the API would. */
final class ServiceHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final int port;

    ServiceHttp(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    HttpResponse<String> send(String method, String pathAndQuery, @Nullable String json) {
        return send(method, pathAndQuery, json, "application/json");
    }

    HttpResponse<String> send(String method, String pathAndQuery, @Nullable String body, String contentType) {
        String json = body;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Every item of a paged list, following nextPageToken to the end; also counts the pages. */
    Listing listAll(String path, String query) {
        List<JsonNode> items = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            String url = path + "?" + query
                    + (token == null ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            JsonNode page = json(url);
            pages++;
            page.get("items").forEach(items::add);
            JsonNode next = page.get("nextPageToken");
            token = next == null || next.isNull() ? null : next.asString();
        } while (token != null && pages < 10_000);
        return new Listing(items, pages);
    }

    static JsonNode parse(String body) {
        return JSON.readTree(body);
    }

    record Listing(List<JsonNode> items, int pages) {

        List<String> ids() {
            return items.stream().map(item -> item.get("id").asString()).toList();
        }
    }
}
