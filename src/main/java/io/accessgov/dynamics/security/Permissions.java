package io.accessgov.dynamics.security;

import java.util.Set;

/** The two permissions of the API (docs/api.md §6), as scopes or Entra app roles. */
final class Permissions {

    static final String READ = "dynamics.read";
    static final String WRITE = "dynamics.write";
    static final String AUTHORITY_PREFIX = "SCOPE_";

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private Permissions() {}

    /** The permission an API call with this HTTP method needs. */
    static String requiredFor(String method) {
        return READ_METHODS.contains(method) ? READ : WRITE;
    }

    static String authority(String permission) {
        return AUTHORITY_PREFIX + permission;
    }
}
