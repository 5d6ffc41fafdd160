package io.accessgov.dynamics.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The permissions a caller's token carries: delegated scopes in {@code scp} (Entra) or {@code scope} (RFC 8693),
 * each a space-separated string or an array, and application roles in Entra's {@code roles} array. All become
 * {@code SCOPE_<name>} authorities, so a scope and an app role of the same name mean the same.
 */
final class TokenPermissions implements Converter<Jwt, Collection<GrantedAuthority>> {

    private static final List<String> CLAIMS = List.of("scp", "scope", "roles");

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String claim : CLAIMS) {
            Object value = jwt.getClaims().get(claim);
            if (value instanceof String text) {
                for (String name : text.trim().split("\\s+")) {
                    add(authorities, name);
                }
            } else if (value instanceof Collection<?> names) {
                for (Object name : names) {
                    if (name instanceof String text) {
                        add(authorities, text.trim());
                    }
                }
            }
        }
        return authorities;
    }

    private static void add(Set<GrantedAuthority> authorities, String name) {
        if (!name.isEmpty()) {
            authorities.add(new SimpleGrantedAuthority(Permissions.authority(name)));
        }
    }
}
