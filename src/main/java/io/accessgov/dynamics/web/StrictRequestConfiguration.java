package io.accessgov.dynamics.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.handler.MappedInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Strict query parameters (docs/problems.md, {@code invalid-parameter}) on every endpoint of this service and on the
 * health paths. Declared as {@link MappedInterceptor} beans because every handler mapping picks those up, Spring
 * Boot's actuator mappings included, which interceptors registered through a {@code WebMvcConfigurer} never reach.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestConfiguration {

    /** Paths whose endpoints have parameter rules of their own: SCIM (RFC 7644) defines its query parameters. */
    static final String[] OWN_PARAMETER_RULES = {"/scim/**"};

    /** Spring Boot's health endpoint and the probe paths application.yml gives it; none takes a query parameter. */
    static final String[] HEALTH_PATHS = {"/actuator/health", "/actuator/health/**", "/livez", "/readyz"};

    /** The endpoints of this service: what each takes is read from its controller method. */
    @Bean
    MappedInterceptor strictQueryParameters(BeanFactory beans, ObjectProvider<RequestMappingHandlerAdapter> adapter) {
        List<String> ownPackages = AutoConfigurationPackages.get(beans);
        HandlerQueryParameters parameters =
                new HandlerQueryParameters(() -> adapter.getObject().getArgumentResolvers());
        return new MappedInterceptor(
                new String[] {"/**"},
                OWN_PARAMETER_RULES,
                new StrictQueryParameters(
                        handler -> ownEndpoint(handler, ownPackages) ? parameters.of((HandlerMethod) handler) : null));
    }

    @Bean
    MappedInterceptor healthTakesNoQueryParameters() {
        return new MappedInterceptor(HEALTH_PATHS, new StrictQueryParameters(handler -> AcceptedParameters.NONE));
    }

    /** A controller method of this service; the error page (reached only by the container's error dispatch) aside. */
    private static boolean ownEndpoint(@Nullable Object handler, List<String> ownPackages) {
        if (!(handler instanceof HandlerMethod method)
                || ErrorController.class.isAssignableFrom(method.getBeanType())) {
            return false;
        }
        String name = method.getBeanType().getName();
        return ownPackages.stream().anyMatch(own -> name.startsWith(own + "."));
    }
}
