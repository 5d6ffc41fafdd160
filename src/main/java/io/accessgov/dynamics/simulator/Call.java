package io.accessgov.dynamics.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** One HTTP exchange: the request as read once, and helpers that answer it exactly once. */
final class Call {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 1 << 20;

    private final HttpExchange exchange;
    private final String method;
    private final String rawPath;
    private final @Nullable String rawQuery;
    private final byte[] body;
    private final String requestId = UUID.randomUUID().toString();
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private boolean bodyTooLarge;
    private String jsonType = "application/json; odata.metadata=minimal";
    private int status;
    private @Nullable String clientId;
    private java.util.function.Consumer<Call> onAnswer = call -> {};
    private @Nullable Runnable beforeAnswer;
    private boolean truncateBody;

    Call(HttpExchange exchange) throws IOException {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        this.rawPath = exchange.getRequestURI().getRawPath();
        this.rawQuery = exchange.getRequestURI().getRawQuery();
        this.body = readBody(exchange.getRequestBody());
    }

    private byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > MAX_BODY) {
                bodyTooLarge = true;
                in.transferTo(OutputStream.nullOutputStream());
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    String method() {
        return method;
    }

    String rawPath() {
        return rawPath;
    }

    @Nullable
    String rawQuery() {
        return rawQuery;
    }

    String uri() {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    byte[] body() {
        return body;
    }

    boolean bodyTooLarge() {
        return bodyTooLarge;
    }

    String requestId() {
        return requestId;
    }

    @Nullable
    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    List<String> headers(String name) {
        List<String> values = exchange.getRequestHeaders().get(name);
        return values == null ? List.of() : values;
    }

    Map<String, List<String>> headerSnapshot() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            List<String> kept = new ArrayList<>();
            for (String value : values) {
                kept.add(key.equals("authorization") ? redact(value) : value);
            }
            copy.put(key, List.copyOf(kept));
        });
        return copy;
    }

    private static String redact(String authorization) {
        int space = authorization.indexOf(' ');
        return (space < 0 ? "" : authorization.substring(0, space)) + " ***";
    }

    int status() {
        return status;
    }

    @Nullable
    String clientId() {
        return clientId;
    }

    void clientId(String value) {
        this.clientId = value;
    }

    /** Runs just before the answer goes out (so a test that got the answer also finds it in the log). */
    void onAnswer(java.util.function.Consumer<Call> hook) {
        this.onAnswer = hook;
    }

    /** Runs {@code action} after the request was served and before the answer is sent. */
    void beforeAnswer(Runnable action) {
        this.beforeAnswer = action;
    }

    /** Sends only the first half of the answer's body, with a matching length (a fault). */
    void truncateBody() {
        this.truncateBody = true;
    }

    void header(String name, String value) {
        extraHeaders.put(name, value);
    }

    void json(int code, byte[] json) {
        send(code, jsonType, json);
    }

    /** Answers JSON as a plain {@code application/json} document (the token endpoint is not OData). */
    void plainJson() {
        this.jsonType = "application/json; charset=utf-8";
    }

    /** Streams a JSON document built by the writer (buffered so Content-Length is exact). */
    void json(int code, JsonWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            writer.write(generator);
        }
        json(code, out.toByteArray());
    }

    /** Writes one JSON document. */
    interface JsonWriter {
        void write(JsonGenerator json);
    }

    void error(ODataError error) {
        error.headers().forEach(this::header);
        json(error.status(), json -> {
            json.writeStartObject();
            json.writeName("error");
            json.writeStartObject();
            json.writeStringProperty("code", error.code());
            json.writeStringProperty("message", error.getMessage());
            if (error.code().startsWith("0x")
                    && Prefer.parse(headers("Prefer")).wants("Microsoft.PowerApps.CDS.HelpLink")) {
                json.writeStringProperty("@Microsoft.PowerApps.CDS.ErrorDetails.OperationStatus", "0");
                json.writeStringProperty(
                        "@Microsoft.PowerApps.CDS.HelpLink",
                        "http://go.microsoft.com/fwlink/?LinkID=398563&error=Microsoft.Crm.CrmException%3a"
                                + error.code().substring(2) + "&client=platform");
                json.writeStringProperty(
                        "@Microsoft.PowerApps.CDS.TraceText", "Dataverse simulator, request " + requestId);
            }
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    void empty(int code) {
        send(code, null, null);
    }

    void text(int code, String contentType, String text) {
        send(code, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    private void send(int code, @Nullable String contentType, byte @Nullable [] content) {
        if (status != 0) {
            throw new IllegalStateException("answered twice");
        }
        status = code;
        if (beforeAnswer != null) {
            beforeAnswer.run();
        }
        onAnswer.accept(this);
        var headers = exchange.getResponseHeaders();
        headers.set("REQ_ID", requestId);
        extraHeaders.forEach(headers::set);
        if (contentType != null) {
            headers.set("Content-Type", contentType);
        }
        if (truncateBody && content != null) {
            content = java.util.Arrays.copyOf(content, content.length / 2);
        }
        try {
            boolean noBody = content == null || content.length == 0 || method.equals("HEAD");
            exchange.sendResponseHeaders(code, noBody ? -1 : content.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
        } catch (IOException e) {
            // the client went away; nothing left to answer
        } finally {
            exchange.close();
        }
    }

    /** Closes the connection without answering. */
    void drop() {
        exchange.close();
    }

    boolean answered() {
        return status != 0;
    }
}
