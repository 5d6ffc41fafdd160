package io.accessgov.dynamics.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain java.net.http client for the simulator, as an independent caller would use it. */
final class SimulatorClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final DataverseSimulator simulator;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    SimulatorClient(DataverseSimulator simulator) {
        this.simulator = simulator;
    }

    HttpClient http() {
        return http;
    }

    String token() {
        if (token == null) {
            HttpResponse<String> response = tokenRequest(
                    form(simulator.clientId(), simulator.clientSecret(), simulator.environmentUrl() + "/.default"),
                    simulator.tenantId());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + response.body());
            }
            token = json(response.body()).get("access_token").stringValue();
        }
        return token;
    }

    void forgetToken() {
        token = null;
    }

    static String form(String clientId, String secret, String scope) {
        return "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret) + "&scope="
                + enc(scope);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    HttpResponse<String> tokenRequest(String body, String tenant) {
        return send(HttpRequest.newBuilder(simulator.authorityUrl().resolve("/" + tenant + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** GET a path below the Web API root (already encoded as it should go on the wire). */
    HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).GET().build());
    }

    /** GET an absolute URL exactly as given (e.g. a nextLink). */
    HttpResponse<String> getUrl(String url, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.GET().build());
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(request(path, headers).DELETE().build());
    }

    HttpRequest.Builder request(String pathAndQuery, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(simulator.webApiUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json")
                .header("OData-MaxVersion", "4.0")
                .header("OData-Version", "4.0");
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    static String errorCode(HttpResponse<String> response) {
        return json(response.body()).get("error").get("code").stringValue();
    }

    static String errorMessage(HttpResponse<String> response) {
        return json(response.body()).get("error").get("message").stringValue();
    }
}
