package io.accessgov.dynamics.dataverse.internal;

import io.accessgov.dynamics.dataverse.DataverseConnectionInfo;
import java.net.URI;

/**
 * Where and as whom the service talks to Dataverse: the environment, its Web API base, Entra's token endpoint and
 * the client credentials. The secret never appears in {@link #toString()}.
 *
 * @param mode a real environment or the embedded simulator
 * @param environmentUrl e.g. {@code https://contoso.crm.dynamics.com} (no trailing slash)
 * @param apiBase {@code {environmentUrl}/api/data/v9.2/}
 * @param tokenUri {@code {authority}/{tenant}/oauth2/v2.0/token}
 * @param scope {@code {environmentUrl}/.default}
 */
public record DataverseConnection(
        DataverseConnectionInfo.Mode mode,
        URI environmentUrl,
        URI apiBase,
        URI tokenUri,
        String scope,
        String clientId,
        String clientSecret) {

    /** Derives the API base, token URI and scope from the environment, authority and tenant. */
    public static DataverseConnection of(
            DataverseConnectionInfo.Mode mode,
            URI environmentUrl,
            URI authorityUrl,
            String tenantId,
            String clientId,
            String clientSecret) {
        String environment = withoutTrailingSlash(environmentUrl.toString());
        String authority = withoutTrailingSlash(authorityUrl.toString());
        return new DataverseConnection(
                mode,
                URI.create(environment),
                URI.create(environment + "/api/data/v9.2/"),
                URI.create(authority + "/" + tenantId + "/oauth2/v2.0/token"),
                environment + "/.default",
                clientId,
                clientSecret);
    }

    public DataverseConnectionInfo info() {
        return new DataverseConnectionInfo(mode, environmentUrl);
    }

    private static String withoutTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    @Override
    public String toString() {
        return "DataverseConnection[mode=" + mode + ", environmentUrl=" + environmentUrl + ", tokenUri=" + tokenUri
                + ", clientId=" + clientId + ", clientSecret=******]";
    }
}
