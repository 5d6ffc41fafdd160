package io.accessgov.dynamics.dataverse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the service reaches Dataverse ({@code dynamics.*}, docs/api.md §1 and §9). The settings without an environment
 * name (version 1's {@code DYNAMICS_*} variables) define the environment {@code default}; {@code environments} adds
 * named ones. With neither, the embedded Dataverse simulator serves two demo environments.
 *
 * @param environmentUrl the environment URL, e.g. {@code https://contoso.crm.dynamics.com}; defines the environment
 *     {@code default}
 * @param tenantId the Entra tenant (GUID or domain); required when the environment URL is set
 * @param clientId the application (client) id of the app registration; required when the environment URL is set
 * @param clientSecret the client secret; required when the environment URL is set; never logged or returned
 * @param authorityUrl the Entra authority; the token URI is {@code {authority}/{tenant}/oauth2/v2.0/token}
 * @param includeSystemAccounts whether service and system accounts are part of the API (the system-account toggle);
 *     also the default of every named environment and of the demo environments
 * @param platformApplicationIds extra application ids to treat as Microsoft platform applications; also added to
 *     every named environment's own list
 * @param environments named environments, by name ({@code [a-z0-9][a-z0-9-]{0,39}})
 * @param defaultEnvironment the environment the unprefixed paths address; unset: {@code default} when it is defined,
 *     else the only environment (in demo mode {@code contoso})
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
        @DefaultValue Map<String, EnvironmentSettings> environments,
        @Nullable String defaultEnvironment,
        @Valid @DefaultValue Http http,
        @Valid @DefaultValue Simulator simulator) {

    /** The name of the environment that version 1's settings define. */
    public static final String V1_ENVIRONMENT = "default";

    /** The demo environments the embedded simulator serves, the default first. */
    public static final List<String> DEMO_ENVIRONMENTS = List.of("contoso", "contoso-sandbox");

    /** True when no environment is configured and the embedded simulator stands in for Dataverse. */
    public boolean demoMode() {
        return environmentUrl == null && environments.isEmpty();
    }

    /**
     * Every environment the service governs, the default one marked, in name order; the settings a named environment
     * leaves out are taken from the unnamed ones. In demo mode the connections are those of the simulators, which
     * only the Dataverse wiring knows: {@link EnvironmentDefinition#connection()} is null then.
     */
    public List<EnvironmentDefinition> environmentDefinitions() {
        Map<String, EnvironmentDefinition.Connection> connections = new TreeMap<>();
        if (demoMode()) {
            DEMO_ENVIRONMENTS.forEach(name -> connections.put(name, null));
        }
        if (environmentUrl != null) {
            connections.put(
                    V1_ENVIRONMENT,
                    new EnvironmentDefinition.Connection(
                            environmentUrl,
                            authorityUrl,
                            requireText(tenantId),
                            requireText(clientId),
                            requireText(clientSecret)));
        }
        Map<String, EnvironmentSettings> named = new TreeMap<>(environments);
        named.forEach((name, settings) -> connections.put(
                name,
                new EnvironmentDefinition.Connection(
                        requireUrl(settings.environmentUrl()),
                        settings.authorityUrl() == null ? authorityUrl : settings.authorityUrl(),
                        requireText(settings.tenantId()),
                        requireText(settings.clientId()),
                        requireText(settings.clientSecret()))));
        String defaultName = effectiveDefaultEnvironment();
        List<EnvironmentDefinition> definitions = new ArrayList<>();
        connections.forEach((name, connection) -> {
            EnvironmentSettings own = named.get(name);
            boolean include = own == null || own.includeSystemAccounts() == null
                    ? includeSystemAccounts
                    : own.includeSystemAccounts();
            Set<UUID> platformIds = new java.util.HashSet<>(platformApplicationIds);
            if (own != null) {
                platformIds.addAll(own.platformApplicationIds());
            }
            definitions.add(new EnvironmentDefinition(
                    name, name.equals(defaultName), connection, include, Set.copyOf(platformIds)));
        });
        return List.copyOf(definitions);
    }

    /**
     * The name of the default environment: {@code default-environment} when set, else {@code default} when defined,
     * else the only environment (in demo mode the first demo environment); null when that leaves it open (several
     * environments and none chosen), which the settings' validation refuses.
     */
    public @Nullable String effectiveDefaultEnvironment() {
        if (defaultEnvironment != null && !defaultEnvironment.isBlank()) {
            return defaultEnvironment.strip();
        }
        if (demoMode()) {
            return DEMO_ENVIRONMENTS.get(0);
        }
        if (environmentUrl != null) {
            return V1_ENVIRONMENT;
        }
        return environments.size() == 1 ? environments.keySet().iterator().next() : null;
    }

    private static String requireText(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the environment settings were not validated");
        }
        return value;
    }

    private static URI requireUrl(@Nullable URI value) {
        if (value == null) {
            throw new IllegalStateException("the environment settings were not validated");
        }
        return value;
    }

    @Override
    public String toString() {
        return "DynamicsProperties[environmentUrl=" + environmentUrl + ", tenantId=" + tenantId + ", clientId="
                + clientId + ", clientSecret=" + (clientSecret == null ? "null" : "******") + ", authorityUrl="
                + authorityUrl + ", includeSystemAccounts=" + includeSystemAccounts + ", environments=" + environments
                + ", defaultEnvironment=" + defaultEnvironment + "]";
    }

    /**
     * One named environment ({@code dynamics.environments.<name>.*}); the same rules as the unnamed settings.
     *
     * @param environmentUrl the environment URL; required
     * @param tenantId the Entra tenant; required
     * @param clientId the application (client) id; required
     * @param clientSecret the client secret; required; never logged or returned
     * @param authorityUrl the Entra authority; unset: {@code dynamics.authority-url}
     * @param includeSystemAccounts the system-account toggle of this environment; unset:
     *     {@code dynamics.include-system-accounts}
     * @param platformApplicationIds application ids to treat as Microsoft platform applications here, in addition to
     *     {@code dynamics.platform-application-ids}
     */
    public record EnvironmentSettings(
            @Nullable URI environmentUrl,
            @Nullable String tenantId,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable URI authorityUrl,
            @Nullable Boolean includeSystemAccounts,
            @DefaultValue Set<UUID> platformApplicationIds) {

        @Override
        public String toString() {
            return "EnvironmentSettings[environmentUrl=" + environmentUrl + ", tenantId=" + tenantId + ", clientId="
                    + clientId + ", clientSecret=" + (clientSecret == null ? "null" : "******") + ", authorityUrl="
                    + authorityUrl + ", includeSystemAccounts=" + includeSystemAccounts + "]";
        }
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
     * @param port the port the default demo environment's simulator listens on, on 127.0.0.1; 0 picks a free one
     * @param testHooks whether the simulators keep a request log and take injected faults: for tests only, off by
     *     default so that demo mode records nothing
     */
    public record Simulator(
            @DefaultValue("0") @Min(0) @Max(65535) int port,
            @DefaultValue("false") boolean testHooks) {}
}
