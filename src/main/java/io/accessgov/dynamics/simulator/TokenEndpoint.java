package io.accessgov.dynamics.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Entra-shaped client-credentials endpoint {@code POST /{tenant}/oauth2/v2.0/token} (docs/dataverse.md §11), with
 * Entra's error bodies: AADSTS90002, 700016, 7000215, 7000218, 900144, 70011, 500011, 700022.
 */
final class TokenEndpoint {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Tokens tokens;
    private final Clock clock;
    private final String tenantId;
    private final String environmentUrl;

    TokenEndpoint(Tokens tokens, Clock clock, String tenantId, String environmentUrl) {
        this.tokens = tokens;
        this.clock = clock;
        this.tenantId = tenantId;
        this.environmentUrl = environmentUrl;
    }

    /** Revokes every token issued so far (a fault: see {@link Fault#revokedToken()}). */
    void revokeAll() {
        tokens.revokeAll();
    }

    /** Whether the path is a token endpoint path, for any tenant. */
    static @Nullable String tenantOf(String rawPath) {
        String[] parts = rawPath.split("/");
        if (parts.length == 5
                && parts[0].isEmpty()
                && parts[2].equals("oauth2")
                && parts[3].equals("v2.0")
                && parts[4].equals("token")) {
            return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
        }
        return null;
    }

    void handle(Call call, String tenant) {
        tokens.countRequest();
        call.plainJson();
        if (!call.method().equals("POST")) {
            error(
                    call,
                    400,
                    "invalid_request",
                    900561,
                    "The endpoint only accepts POST requests. Received a " + call.method() + " request.");
            return;
        }
        if (!tenant.equalsIgnoreCase(tenantId) && !tenant.equalsIgnoreCase(DataverseSimulator.DEMO_TENANT_DOMAIN)) {
            error(
                    call,
                    400,
                    "invalid_request",
                    90002,
                    "Tenant '" + tenant + "' not found. Check to make sure you have"
                            + " the correct tenant ID and are signing into the correct cloud.");
            return;
        }
        Map<String, String> form = form(new String(call.body(), StandardCharsets.UTF_8));
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = call.header("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = decodeBasic(basic.substring(6).trim());
            if (pair == null) {
                error(
                        call,
                        401,
                        "invalid_client",
                        7000216,
                        "'client_assertion', 'client_secret' or "
                                + "'request' is required for the 'client_credentials' grant type.");
                return;
            }
            clientId = pair[0];
            secret = pair[1];
        }
        String grantType = form.get("grant_type");
        if (grantType == null) {
            missing(call, "grant_type");
        } else if (!grantType.equals("client_credentials")) {
            error(
                    call,
                    400,
                    "unsupported_grant_type",
                    70003,
                    "The app requested an unsupported grant type '" + grantType + "'.");
        } else if (clientId == null || clientId.isEmpty()) {
            missing(call, "client_id");
        } else if (!tokens.knowsClient(clientId)) {
            error(
                    call,
                    400,
                    "unauthorized_client",
                    700016,
                    "Application with identifier '" + clientId + "' was not"
                            + " found in the directory '" + tenant
                            + "'. This can happen if the application has not been installed by the administrator of"
                            + " the tenant or consented to by any user in the tenant.");
        } else if (secret == null || secret.isEmpty()) {
            error(
                    call,
                    401,
                    "invalid_client",
                    7000218,
                    "The request body must contain the following parameter: "
                            + "'client_assertion' or 'client_secret'.");
        } else if (!tokens.secretMatches(clientId, secret)) {
            error(
                    call,
                    401,
                    "invalid_client",
                    7000215,
                    "Invalid client secret provided. Ensure the secret being sent in the request is the client secret"
                            + " value, not the client secret ID, for a secret added to app '" + clientId + "'.");
        } else {
            String scope = form.get("scope");
            if (scope == null || scope.isBlank()) {
                missing(call, "scope");
            } else if (scope.trim().split("\\s+").length > 1) {
                error(
                        call,
                        400,
                        "invalid_scope",
                        700022,
                        "The provided value for the input parameter scope is not"
                                + " valid because it contains more than one resource. Scope " + scope
                                + " is not valid.");
            } else if (!scope.endsWith("/.default")) {
                error(
                        call,
                        400,
                        "invalid_scope",
                        70011,
                        "The provided request must include a 'scope' input parameter. The provided value for the input"
                                + " parameter 'scope' is not valid. The scope "
                                + scope + " is not valid.");
            } else if (!scope.equals(environmentUrl + "/.default") && !scope.equals(environmentUrl + "//.default")) {
                String resource = scope.substring(0, scope.length() - "/.default".length());
                error(
                        call,
                        400,
                        "invalid_resource",
                        500011,
                        "The resource principal named " + resource + " was not"
                                + " found in the tenant named " + tenant
                                + ". This can happen if the application has not been installed by the administrator of"
                                + " the tenant or consented to by any user in the tenant. You might have sent your"
                                + " authentication request to the wrong tenant.");
            } else {
                long seconds = tokens.lifetime().toSeconds();
                String token = tokens.issue(clientId);
                call.header("Cache-Control", "no-store, no-cache");
                call.json(200, json -> {
                    json.writeStartObject();
                    json.writeStringProperty("token_type", "Bearer");
                    json.writeNumberProperty("expires_in", seconds);
                    json.writeNumberProperty("ext_expires_in", seconds);
                    json.writeStringProperty("access_token", token);
                    json.writeEndObject();
                });
            }
        }
    }

    private void missing(Call call, String parameter) {
        error(
                call,
                400,
                "invalid_request",
                900144,
                "The request body must contain the following parameter: '" + parameter + "'.");
    }

    private void error(Call call, int status, String error, int code, String description) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        String timestamp = TIMESTAMP.format(clock.instant());
        call.json(status, json -> {
            json.writeStartObject();
            json.writeStringProperty("error", error);
            json.writeStringProperty(
                    "error_description",
                    "AADSTS" + code + ": " + description + "\r\nTrace ID: " + traceId + "\r\nCorrelation ID: "
                            + correlationId + "\r\nTimestamp: " + timestamp);
            json.writeName("error_codes");
            json.writeStartArray();
            json.writeNumber(code);
            json.writeEndArray();
            json.writeStringProperty("timestamp", timestamp);
            json.writeStringProperty("trace_id", traceId);
            json.writeStringProperty("correlation_id", correlationId);
            json.writeStringProperty("error_uri", "https://login.microsoftonline.com/error?code=" + code);
            json.writeEndObject();
        });
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                // a malformed pair is treated as absent; the missing-parameter error names it
            }
        }
        return form;
    }

    private static String @Nullable [] decodeBasic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] {
                URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
