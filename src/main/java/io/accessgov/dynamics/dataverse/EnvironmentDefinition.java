package io.accessgov.dynamics.dataverse;

import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One environment the service governs, as configured (docs/api.md §9).
 *
 * @param name its name in paths ({@code /api/v1/environments/{name}/…}), metrics, health and audit events
 * @param isDefault whether the unprefixed paths address it
 * @param connection where and as whom to reach it; null for a demo environment, whose simulator picks its own
 * @param includeSystemAccounts the system-account toggle of this environment
 * @param platformApplicationIds application ids treated as Microsoft platform applications here
 */
public record EnvironmentDefinition(
        String name,
        boolean isDefault,
        @Nullable Connection connection,
        boolean includeSystemAccounts,
        Set<UUID> platformApplicationIds) {

    /**
     * Where and as whom to reach a real environment.
     *
     * @param environmentUrl e.g. {@code https://contoso.crm.dynamics.com}
     * @param authorityUrl the Entra authority
     * @param tenantId the Entra tenant
     * @param clientId the application (client) id
     * @param clientSecret the client secret; never in {@link #toString()}
     */
    public record Connection(
            URI environmentUrl, URI authorityUrl, String tenantId, String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "Connection[environmentUrl=" + environmentUrl + ", authorityUrl=" + authorityUrl + ", tenantId="
                    + tenantId + ", clientId=" + clientId + ", clientSecret=******]";
        }
    }
}
