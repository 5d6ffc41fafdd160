package io.accessgov.dynamics.web;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.RequestParamMapMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

/**
 * Which query parameters a controller method takes, read from the method the way Spring MVC binds its arguments:
 * asking the same argument resolvers, in the same order, which of them fills each argument. An argument filled from
 * a request parameter ({@code @RequestParam}, or a simple-typed argument without annotation) takes that parameter,
 * by its name; a model attribute takes its type's constructor parameters and writable properties; a
 * {@code @RequestParam Map} takes any. Arguments filled from the path, headers, body or request take none. Each
 * method is read once.
 */
final class HandlerQueryParameters {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Supplier<List<HandlerMethodArgumentResolver>> resolvers;
    private final Map<Method, AcceptedParameters> read = new ConcurrentHashMap<>();

    /** @param resolvers the argument resolvers of the handler adapter, in its order; asked for on first use */
    HandlerQueryParameters(Supplier<List<HandlerMethodArgumentResolver>> resolvers) {
        this.resolvers = resolvers;
    }

    AcceptedParameters of(HandlerMethod handler) {
        return read.computeIfAbsent(handler.getMethod(), method -> derive(handler));
    }

    private AcceptedParameters derive(HandlerMethod handler) {
        Map<String, Boolean> accepted = new LinkedHashMap<>();
        for (MethodParameter declared : handler.getMethodParameters()) {
            MethodParameter parameter = declared.clone();
            parameter.initParameterNameDiscovery(NAMES);
            HandlerMethodArgumentResolver resolver = resolverOf(parameter);
            if (resolver instanceof RequestParamMapMethodArgumentResolver) {
                return AcceptedParameters.ANY;
            }
            if (resolver instanceof RequestParamMethodArgumentResolver) {
                accepted.put(
                        requestParameterName(parameter),
                        multiValued(parameter.nestedIfOptional().getNestedParameterType()));
            } else if (resolver instanceof ModelAttributeMethodProcessor) {
                accepted.putAll(boundProperties(parameter.nestedIfOptional().getNestedParameterType()));
            }
        }
        return new AcceptedParameters(accepted, false);
    }

    private HandlerMethodArgumentResolver resolverOf(MethodParameter parameter) {
        for (HandlerMethodArgumentResolver resolver : resolvers.get()) {
            if (resolver.supportsParameter(parameter)) {
                return resolver;
            }
        }
        throw new IllegalStateException("No argument resolver fills " + parameter);
    }

    private static String requestParameterName(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (annotation != null && !annotation.name().isEmpty()) {
            return annotation.name();
        }
        if (annotation != null && !annotation.value().isEmpty()) {
            return annotation.value();
        }
        String name = parameter.getParameterName();
        if (name == null) {
            throw new IllegalStateException("The name of " + parameter + " is not known: compile with -parameters");
        }
        return name;
    }

    /** The names a model attribute of this type is bound from: constructor parameters and writable properties. */
    private static Map<String, Boolean> boundProperties(Class<?> type) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
        String[] parameterNames = BeanUtils.getParameterNames(constructor);
        Class<?>[] parameterTypes = constructor.getParameterTypes();
        for (int i = 0; i < parameterNames.length; i++) {
            names.put(parameterNames[i], multiValued(parameterTypes[i]));
        }
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getWriteMethod() != null) {
                names.putIfAbsent(property.getName(), multiValued(property.getPropertyType()));
            }
        }
        return names;
    }

    private static boolean multiValued(Class<?> type) {
        return type.isArray() || Collection.class.isAssignableFrom(type);
    }
}
