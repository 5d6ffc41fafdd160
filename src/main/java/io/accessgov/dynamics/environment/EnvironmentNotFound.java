package io.accessgov.dynamics.environment;

import io.accessgov.dynamics.web.ApiProblem;
import io.accessgov.dynamics.web.ProblemKind;
import java.util.List;
import java.util.Map;

/** A path names an environment the service does not govern (docs/api.md §9): 404. */
public final class EnvironmentNotFound extends ApiProblem {

    private final List<String> configured;

    EnvironmentNotFound(String name, List<String> configured) {
        super(
                ProblemKind.ENVIRONMENT_NOT_FOUND,
                "The service governs no environment named '" + shorten(name) + "'; it governs " + configured + ".");
        this.configured = List.copyOf(configured);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("environments", configured);
    }

    private static String shorten(String name) {
        String printable = name.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "…";
    }
}
