package io.accessgov.dynamics.dataverse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the service reaches Dataverse ({@code dynamics.*}, docs/api.md §1).
 *
 * @param environmentUrl the environment URL, e.g. {@code https://contoso.crm.dynamics.com}; unset starts the
 *     embedded Dataverse simulator (demo mode)
 * @param tenantId the Entra tenant (GUID or domain); required when the environment URL is set
 * @param clientId the application (client) id of the app registration; required when the environment URL is set
 * @param clientSecret the client secret; required when the environment URL is set; never logged or returned
 * @param authorityUrl the Entra authority; the token URI is {@code {authority}/{tenant}/oauth2/v2.0/token}
 * @param includeSystemAccounts whether service and system accounts are part of the API (the system-account toggle)
 * @param platformApplicationIds extra application ids to treat as Microsoft platform applications
 * @param http limits and timeouts of the calls to Dataverse
 * @param simulator settings of the embedded simulator, used only when the environment URL is unset
 */
@Validated
@ValidDynamicsConnection
@ConfigurationProperties("dynamics")
public record DynamicsProperties(
        @Nullable URI environmentUrl,
        @Nullable String tenantId,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @DefaultValue("https://login.microsoftonline.com") URI authorityUrl,
        @DefaultValue("false") boolean includeSystemAccounts,
        @DefaultValue Set<UUID> platformApplicationIds,
        @Valid @DefaultValue Http http,
        @Valid @DefaultValue Simulator simulator) {

    /** True when no environment URL is configured and the embedded simulator stands in for Dataverse. */
    public boolean demoMode() {
        return environmentUrl == null;
    }

    @Override
    public String toString() {
        return "DynamicsProperties[environmentUrl=" + environmentUrl + ", tenantId=" + tenantId + ", clientId="
                + clientId + ", clientSecret=" + (clientSecret == null ? "null" : "******") + ", authorityUrl="
                + authorityUrl + ", includeSystemAccounts=" + includeSystemAccounts + "]";
    }

    /**
     * Limits and timeouts of the calls to Dataverse.
     *
     * @param maxConcurrentRequests how many Dataverse requests may be in flight at once (Dataverse allows 52 per
     *     user and web server)
     * @param connectTimeout how long to wait for a TCP connection
     * @param readTimeout how long to wait for a response once a request was sent
     * @param maxAttempts how many times one request is tried in all (first try and retries)
     * @param deadline the overall time one operation may take, retries and throttling waits included
     * @param tokenRefreshSkew how long before its expiry an access token is replaced
     */
    public record Http(
            @DefaultValue("16") @Min(1) @Max(52) int maxConcurrentRequests,
            @DefaultValue("5s") @NotNull Duration connectTimeout,
            @DefaultValue("30s") @NotNull Duration readTimeout,
            @DefaultValue("6") @Min(1) @Max(20) int maxAttempts,
            @DefaultValue("60s") @NotNull Duration deadline,
            @DefaultValue("5m") @NotNull Duration tokenRefreshSkew) {}

    /**
     * The embedded simulator (demo mode).
     *
     * @param port the port it listens on, on 127.0.0.1; 0 picks a free one
     */
    public record Simulator(
            @DefaultValue("0") @Min(0) @Max(65535) int port) {}
}
