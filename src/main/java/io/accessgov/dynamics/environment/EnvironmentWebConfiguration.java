package io.accessgov.dynamics.environment;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Teaches Spring MVC to resolve, once per request, the environment it addresses (docs/api.md §9). */
@Component
class EnvironmentWebConfiguration implements WebMvcConfigurer {

    private final Environments environments;

    EnvironmentWebConfiguration(Environments environments) {
        this.environments = environments;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new EnvironmentInterceptor(environments));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new EnvironmentArgumentResolver(environments));
    }
}
