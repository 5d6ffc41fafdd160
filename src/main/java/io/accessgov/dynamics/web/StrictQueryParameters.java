package io.accessgov.dynamics.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, before the handler runs, a request whose query names a parameter its endpoint does not take, or gives a
 * single-valued parameter more than once: 400 {@code invalid-parameter} naming the parameter and listing the
 * accepted ones (docs/problems.md). Nothing reaches Dataverse for a refused request. Which parameters an endpoint
 * takes comes from its handler (see {@link HandlerQueryParameters}), so an endpoint added later is checked without
 * further work.
 */
final class StrictQueryParameters implements HandlerInterceptor {

    private final Function<Object, @Nullable AcceptedParameters> rules;

    /** @param rules the parameters a handler takes, or null for a handler this check leaves alone */
    StrictQueryParameters(Function<Object, @Nullable AcceptedParameters> rules) {
        this.rules = rules;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query == null || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        AcceptedParameters accepted = rules.apply(handler);
        if (accepted != null) {
            check(QueryString.parse(query), accepted);
        }
        return true;
    }

    /**
     * @throws UnexpectedQueryParameter when a parameter is not accepted
     * @throws RepeatedQueryParameter when a single-valued parameter is given more than once
     */
    static void check(List<QueryString.Pair> pairs, AcceptedParameters accepted) {
        if (accepted.any()) {
            return;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (QueryString.Pair pair : pairs) {
            // the query text filter has already refused names that are not UTF-8
            String name = pair.name() == null ? "" : pair.name();
            counts.merge(name, 1, Integer::sum);
        }
        List<String> unexpected = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        counts.forEach((name, count) -> {
            if (!accepted.accepts(name)) {
                unexpected.add(name);
            } else if (count > 1 && accepted.singleValued(name)) {
                repeated.add(name);
            }
        });
        if (!unexpected.isEmpty()) {
            throw new UnexpectedQueryParameter(unexpected, accepted);
        }
        if (!repeated.isEmpty()) {
            throw new RepeatedQueryParameter(repeated);
        }
    }
}
