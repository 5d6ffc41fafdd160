package io.accessgov.dynamics.environment;

import io.accessgov.dynamics.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.method.HandlerMethod;
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

    private final Environments environments;

    EnvironmentInterceptor(Environments environments) {
        this.environments = environments;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String named = pathVariable(request);
        String path = request.getRequestURI();
        boolean environmentPath = path.startsWith("/api/") || path.startsWith("/scim/");
        if (named == null && (!environmentPath || addressesEveryEnvironment(handler))) {
            return true; // actuator, OpenAPI, Swagger UI and the questions across environments address none
        }
        Environment environment = named == null ? environments.defaultEnvironment() : environments.named(named);
        request.setAttribute(ATTRIBUTE, environment);
        request.setAttribute(Problems.ENVIRONMENT_ATTRIBUTE, environment.name());
        MDC.put(Environment.MDC_KEY, environment.name());
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception failure) {
        MDC.remove(Environment.MDC_KEY);
    }

    /** The environment a request resolved to, if it addresses one. */
    static @Nullable Environment of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Environment environment ? environment : null;
    }

    private static boolean addressesEveryEnvironment(Object handler) {
        return handler instanceof HandlerMethod method
                && method.getBeanType().isAnnotationPresent(EveryEnvironment.class);
    }

    @SuppressWarnings("unchecked")
    private static @Nullable String pathVariable(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? (String) ((Map<String, String>) map).get(PATH_VARIABLE) : null;
    }
}
