package io.accessgov.dynamics.environment;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands a controller method the {@link Environment} its request addresses, as {@link EnvironmentInterceptor} found. */
final class EnvironmentArgumentResolver implements HandlerMethodArgumentResolver {

    private final Environments environments;

    EnvironmentArgumentResolver(Environments environments) {
        this.environments = environments;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Environment.class;
    }

    @Override
    public Environment resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Environment resolved = EnvironmentInterceptor.of(request.getNativeRequest(HttpServletRequest.class));
        return resolved != null ? resolved : environments.defaultEnvironment();
    }
}
