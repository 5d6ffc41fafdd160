package io.accessgov.dynamics.security;

import io.accessgov.dynamics.dataverse.DynamicsProperties;
import io.accessgov.dynamics.web.ConnectorProperties;
import io.accessgov.dynamics.web.ProblemResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Callers' authentication (docs/api.md §6). With a JWT issuer configured (Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}), every {@code /api/**} call needs a bearer token: reads
 * {@code dynamics.read}, changes {@code dynamics.write}; health probes, the OpenAPI document and Swagger UI stay
 * public, other actuator endpoints need any valid token. SCIM ({@code /scim/**}, docs/scim.md) takes the same
 * tokens: reads {@code dynamics.read}, everything else {@code dynamics.write}. Without an issuer the API is open in demo mode (with a
 * loud warning), and against a real environment only when {@code connector.security.allow-anonymous=true}; start-up
 * is refused otherwise. Always stateless: no session, no CSRF token, no login form, no basic auth.
 */
@Slf4j
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {
        "/error",
        "/actuator/health",
        "/actuator/health/liveness",
        "/actuator/health/readiness",
        "/livez",
        "/readyz",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/v3/api-docs",
        "/v3/api-docs/**"
    };

    /** Decided once; refuses start-up against a real environment without an issuer or explicit anonymous access. */
    @Bean
    CallerAuthentication callerAuthentication(
            ObjectProvider<JwtDecoder> jwtDecoders, DynamicsProperties dynamics, ConnectorProperties connector) {
        return CallerAuthentication.decide(
                jwtDecoders.getIfAvailable() != null,
                dynamics.demoMode(),
                connector.security().allowAnonymous());
    }

    @Bean
    HealthShownToEveryone healthShownToEveryoneInOpenDemoMode(CallerAuthentication mode) {
        return new HealthShownToEveryone(mode);
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            CallerAuthentication mode,
            ObjectProvider<JwtDecoder> jwtDecoders,
            ProblemResponseWriter problems) {
        JwtDecoder jwtDecoder = jwtDecoders.getIfAvailable();
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);

        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));

        if (mode != CallerAuthentication.JWT) {
            warnOpen(mode);
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
            return http.build();
        }

        String read = Permissions.authority(Permissions.READ);
        String write = Permissions.authority(Permissions.WRITE);
        JwtAuthenticationConverter permissions = new JwtAuthenticationConverter();
        permissions.setJwtGrantedAuthoritiesConverter(new TokenPermissions());
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAuthority(read)
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .hasAuthority(read)
                        .requestMatchers(HttpMethod.POST, "/api/**")
                        .hasAuthority(write)
                        .requestMatchers(HttpMethod.PUT, "/api/**")
                        .hasAuthority(write)
                        .requestMatchers(HttpMethod.PATCH, "/api/**")
                        .hasAuthority(write)
                        .requestMatchers(HttpMethod.DELETE, "/api/**")
                        .hasAuthority(write)
                        .requestMatchers(HttpMethod.GET, "/scim/**")
                        .hasAuthority(read)
                        .requestMatchers(HttpMethod.HEAD, "/scim/**")
                        .hasAuthority(read)
                        .requestMatchers("/scim/**")
                        .hasAuthority(write)
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied)
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(permissions)));
        log.info("Callers must send bearer tokens: dynamics.read for reads, dynamics.write for changes.");
        return http.build();
    }

    static boolean isApiPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/scim/");
    }

    private static void warnOpen(CallerAuthentication mode) {
        String why = mode == CallerAuthentication.OPEN_DEMO
                ? "demo mode (embedded Dataverse simulator) and no issuer of callers' tokens is configured"
                : "CONNECTOR_SECURITY_ALLOW_ANONYMOUS=true against a REAL Dataverse environment";
        log.warn("""

                ********************************************************************************
                *  THE API IS OPEN: no caller authentication, anyone who can reach it may call it.
                *  Reason: {}.
                *  Set SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI to require tokens.
                ********************************************************************************""", why);
    }
}
