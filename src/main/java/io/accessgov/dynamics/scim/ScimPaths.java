package io.accessgov.dynamics.scim;

import io.accessgov.dynamics.environment.Environment;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The two SCIM roots (docs/scim.md): {@link #ROOT} serves the default environment, {@link #IN_ENVIRONMENT} the one
 * its {@code {env}} names; both answer alike. A SCIM controller maps each path under both.
 */
final class ScimPaths {

    static final String ROOT = "/scim/v2";
    static final String IN_ENVIRONMENT = "/scim/v2/environments/{env}";

    /** SCIM's media type (RFC 7644 §3.1); {@code application/json} is accepted and answered too. */
    static final String MEDIA_TYPE = "application/scim+json";

    private ScimPaths() {}

    /** The absolute URL of the root the request came through: {@code …/scim/v2} or {@code …/environments/{env}}. */
    static URI base(HttpServletRequest request, Environment environment) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String root = path.startsWith(ROOT + "/environments/") ? ROOT + "/environments/" + environment.name() : ROOT;
        return ServletUriComponentsBuilder.fromContextPath(request)
                .path(root)
                .replaceQuery(null)
                .build()
                .toUri();
    }

    /** The absolute URL of a resource under the root the request came through. */
    static URI location(HttpServletRequest request, Environment environment, String endpoint, String id) {
        return URI.create(base(request, environment) + "/" + endpoint + "/" + id);
    }
}
