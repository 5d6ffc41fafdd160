package io.accessgov.dynamics.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriUtils;

/**
 * The request carries query parameters its endpoint does not take (a typo such as {@code statu}, or a filter the
 * endpoint does not offer). Refused rather than ignored, so that a misspelt filter never silently widens an answer.
 */
final class UnexpectedQueryParameter extends ApiProblem {

    private static final int SHOWN_LENGTH = 64;

    private final List<String> unexpected;
    private final List<String> accepted;

    UnexpectedQueryParameter(List<String> unexpected, AcceptedParameters accepted) {
        super(ProblemKind.INVALID_PARAMETER, detail(unexpected, accepted.names()));
        this.unexpected =
                unexpected.stream().map(UnexpectedQueryParameter::shown).toList();
        this.accepted = accepted.names();
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("parameter", unexpected.get(0));
        properties.put("acceptedParameters", accepted);
        properties.put(
                "errors",
                unexpected.stream()
                        .map(name -> ProblemHandler.parameterError(name, "is not a parameter of this endpoint"))
                        .toList());
        return properties;
    }

    private static String detail(List<String> unexpected, List<String> accepted) {
        String names = quoted(unexpected);
        if (accepted.isEmpty()) {
            return "This endpoint takes no query parameters; remove " + names + ".";
        }
        return (unexpected.size() == 1
                        ? "The parameter " + names + " is not one this endpoint takes"
                        : "The parameters " + names + " are not ones this endpoint takes")
                + "; it takes " + enumeration(accepted) + ".";
    }

    /** A parameter name as it may be shown: percent-encoded where a query would encode it, and at most 64 long. */
    static String shown(String name) {
        String encoded = UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8);
        return encoded.length() <= SHOWN_LENGTH ? encoded : encoded.substring(0, SHOWN_LENGTH) + "…";
    }

    static String quoted(List<String> names) {
        return enumeration(names.stream().map(name -> "'" + shown(name) + "'").toList());
    }

    private static String enumeration(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
