package io.accessgov.dynamics.dataverse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.hibernate.validator.constraints.time.DurationMin;
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
     * @param readTimeout how long to wait for a response once a request was sent (and for Entra's token endpoint)
     * @param maxAttempts how many times one request a caller waits for is tried in all (first try and retries)
     * @param deadline the overall time one such request may take, retries and throttling waits included
     * @param tokenRefreshSkew how long before its expiry an access token is replaced
     * @param background the longer retry budget of background work: every read of a full sync
     */
    public record Http(
            @DefaultValue("16") @Min(1) @Max(52) int maxConcurrentRequests,
            @DefaultValue("5s") @NotNull Duration connectTimeout,
            @DefaultValue("30s") @NotNull Duration readTimeout,
            @DefaultValue("6") @Min(1) @Max(20) int maxAttempts,
            @DefaultValue("60s") @NotNull Duration deadline,
            @DefaultValue("5m") @NotNull Duration tokenRefreshSkew,
            @Valid @DefaultValue Background background) {

        /** A background budget smaller than the interactive one would make syncs give up sooner than callers. */
        @AssertTrue(
                message = "dynamics.http.background must allow at least as many attempts (max-attempts) and as long a"
                        + " deadline as dynamics.http")
        public boolean isBackgroundBudgetAtLeastInteractive() {
            return background.maxAttempts() >= maxAttempts
                    && deadline != null
                    && background.deadline() != null
                    && background.deadline().compareTo(deadline) >= 0;
        }
    }

    /**
     * The retry budget of background work (every read of a full sync), which no caller waits for: a sync rides out
     * a burst of 429s, 5xx and dropped connections that would fail an interactive call, and fails only when the
     * trouble lasts. Each read still waits at least as long as Dataverse's {@code Retry-After} asks.
     *
     * @param maxAttempts how many times one background read is tried in all (first try and retries)
     * @param deadline the overall time one background read may take, retries and throttling waits included
     */
    public record Background(
            @DefaultValue("30") @Min(1) @Max(100) int maxAttempts,

            @DefaultValue("15m") @NotNull @DurationMin(seconds = 1)
            Duration deadline) {}

    /**
     * The embedded simulator (demo mode).
     *
     * @param port the port it listens on, on 127.0.0.1; 0 picks a free one
     */
    public record Simulator(
            @DefaultValue("0") @Min(0) @Max(65535) int port) {}
}
