package io.accessgov.dynamics.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query parameters an endpoint takes, in the order it declares them, each single- or multi-valued; or every
 * parameter, for an endpoint that reads the whole query itself.
 *
 * @param multiValued for each accepted name, whether it may be given more than once
 * @param any true when the endpoint takes any parameter (it binds the whole query as a map)
 */
record AcceptedParameters(Map<String, Boolean> multiValued, boolean any) {

    /** An endpoint that takes no query parameter at all. */
    static final AcceptedParameters NONE = new AcceptedParameters(Map.of(), false);

    /** An endpoint that reads the whole query itself and is not checked. */
    static final AcceptedParameters ANY = new AcceptedParameters(Map.of(), true);

    AcceptedParameters {
        multiValued = Collections.unmodifiableMap(new LinkedHashMap<>(multiValued));
    }

    boolean accepts(String name) {
        return any || multiValued.containsKey(name);
    }

    boolean singleValued(String name) {
        return !any && Boolean.FALSE.equals(multiValued.get(name));
    }

    List<String> names() {
        return List.copyOf(multiValued.keySet());
    }
}
