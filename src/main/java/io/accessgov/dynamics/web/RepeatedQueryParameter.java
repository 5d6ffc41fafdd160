package io.accessgov.dynamics.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request gives a single-valued query parameter more than once, even with equal values: which one would count
 * is not the caller's to guess, so neither does.
 */
final class RepeatedQueryParameter extends ApiProblem {

    private final List<String> repeated;

    RepeatedQueryParameter(List<String> repeated) {
        super(
                ProblemKind.INVALID_PARAMETER,
                (repeated.size() == 1 ? "The parameter " : "The parameters ")
                        + UnexpectedQueryParameter.quoted(repeated)
                        + " may be given only once; send "
                        + (repeated.size() == 1 ? "it" : "each")
                        + " once.");
        this.repeated = repeated.stream().map(UnexpectedQueryParameter::shown).toList();
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("parameter", repeated.get(0));
        properties.put(
                "errors",
                repeated.stream()
                        .map(name -> ProblemHandler.parameterError(name, "may be given only once"))
                        .toList());
        return properties;
    }
}
