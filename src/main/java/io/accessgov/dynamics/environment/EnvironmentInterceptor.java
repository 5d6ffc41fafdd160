package io.accessgov.dynamics.environment;

import io.accessgov.dynamics.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Resolves the environment a request addresses, once, before its handler runs: the {@code {env}} of
 * {@code /api/v1/environments/{env}/…} (and {@code /scim/v2/environments/{env}/…}), or the default environment for
 * the unprefixed paths. An unknown name is
 * refused here with a 404 problem, whatever the handler. While the request runs, its log lines carry the
 * environment's name ({@code environment} in the MDC) and problems name it.
 */
final class EnvironmentInterceptor implements HandlerInterceptor {

    /** The path variable that names the environment. */
    static final String PATH_VARIABLE = "env";

    /** The request attribute holding the resolved {@link Environment}. */
    static final String ATTRIBUTE = Environment.class.getName();

    /** The MDC key of the environment's name. */
    static final String MDC_KEY = "environment";

    private final Environments environments;

    EnvironmentInterceptor(Environments environments) {
        this.environments = environments;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String named = pathVariable(request);
        if (named == null
                && !request.getRequestURI().startsWith("/api/")
                && !request.getRequestURI().startsWith("/scim/")) {
            return true; // actuator, OpenAPI and Swagger UI address no environment
        }
        Environment environment = named == null ? environments.defaultEnvironment() : environments.named(named);
        request.setAttribute(ATTRIBUTE, environment);
        request.setAttribute(Problems.ENVIRONMENT_ATTRIBUTE, environment.name());
        MDC.put(MDC_KEY, environment.name());
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception failure) {
        MDC.remove(MDC_KEY);
    }

    /** The environment a request resolved to, if it addresses one. */
    static @Nullable Environment of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Environment environment ? environment : null;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable String pathVariable(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (String) ((Map<String, String>) map).get(PATH_VARIABLE) : null;
    }
}
