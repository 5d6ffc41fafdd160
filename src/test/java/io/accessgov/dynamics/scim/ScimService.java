package io.accessgov.dynamics.scim;

import io.accessgov.dynamics.Application;
import io.accessgov.dynamics.simulator.DataverseSimulator;
import io.accessgov.dynamics.simulator.OrganisationSeed;
import io.accessgov.dynamics.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on 127.0.0.1 governing two simulated environments: {@code contoso} (the demo organisation, the default)
 * and {@code sandbox} (the smaller sandbox organisation), and plain HTTP calls to it, as a SCIM client makes them.
 */
final class ScimService implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final DataverseSimulator contoso;
    final DataverseSimulator sandbox;
    private final ConfigurableApplicationContext service;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    final int port;

    private ScimService(DataverseSimulator contoso, DataverseSimulator sandbox, List<String> extra) {
        this.contoso = contoso;
        this.sandbox = sandbox;
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--connector.data-dir=target/scim-e2e-" + System.nanoTime(),
                "--dynamics.default-environment=contoso",
                "--dynamics.http.max-attempts=2",
                "--dynamics.http.deadline=5s"));
        args.addAll(environment("contoso", contoso));
        args.addAll(environment("sandbox", sandbox));
        args.addAll(extra);
        this.service = new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
        this.port = ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    /** Anyone may call (anonymous access switched on). */
    static ScimService open() {
        return start(List.of("--connector.security.allow-anonymous=true"));
    }

    /** With these further settings (for example an issuer of callers' tokens). */
    static ScimService start(List<String> settings) {
        return new ScimService(
                DataverseSimulator.start(SimulatorOptions.defaults()),
                DataverseSimulator.start(SimulatorOptions.defaults().withSeed(OrganisationSeed.sandbox())),
                settings);
    }

    private static List<String> environment(String name, DataverseSimulator simulator) {
        String prefix = "--dynamics.environments." + name + ".";
        return List.of(
                prefix + "environment-url=" + simulator.environmentUrl(),
                prefix + "authority-url=" + simulator.authorityUrl(),
                prefix + "tenant-id=" + simulator.tenantId(),
                prefix + "client-id=" + simulator.clientId(),
                prefix + "client-secret=" + simulator.clientSecret());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    HttpResponse<String> send(
            String method, String pathAndQuery, @Nullable String body, @Nullable String ifMatch, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.setHeader("Content-Type", ScimPaths.MEDIA_TYPE);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
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

    /** The body of a 200 answer. */
    JsonNode json(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    static JsonNode parse(String body) {
        return JSON.readTree(body);
    }

    @Override
    public void close() {
        service.close();
        contoso.close();
        sandbox.close();
    }
}
