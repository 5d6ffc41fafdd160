package io.accessgov.dynamics.web;

import java.net.URI;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The two roots of every environment's resources (docs/api.md §9): {@link #V1} addresses the default environment,
 * {@link #IN_ENVIRONMENT} the one its {@code {env}} names; both answer exactly alike. A controller maps each path
 * under both.
 */
public final class ApiPaths {

    /** The unprefixed root: the default environment. */
    public static final String V1 = "/api/v1";

    /** The root of one named environment. */
    public static final String IN_ENVIRONMENT = "/api/v1/environments/{env}";

    private ApiPaths() {}

    /**
     * The path of a resource just created under the current request's collection: {@code /api/v1/grants/{id}} when
     * the request named no environment, {@code /api/v1/environments/{env}/grants/{id}} when it did.
     */
    public static URI below(String id) {
        String collection =
                ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        String base = collection == null ? "" : collection.replaceAll("/+$", "");
        return URI.create(base + "/" + id);
    }
}
