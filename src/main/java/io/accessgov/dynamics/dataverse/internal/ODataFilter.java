package io.accessgov.dynamics.dataverse.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A Dataverse {@code $filter} expression, built from typed parts so that values are always data: strings are quoted
 * with {@code ''} doubling, wildcards inside {@code contains}/{@code startswith}/{@code endswith} are bracketed, GUIDs
 * are unquoted, booleans and null are keywords. The rendered text is not yet URL-encoded; {@link ODataUri} encodes it
 * once, which turns reserved characters in literals into their {@code %xx} form as Dataverse requires.
 *
 * <p>Rendering takes the set of columns the environment actually has: a comparison on a missing optional column is
 * evaluated as if the column were null, so a query still means the same thing on an older platform.
 */
public sealed interface ODataFilter {

    /** Always true; vanishes inside {@code and}. */
    ODataFilter TRUE = new Constant(true);

    /** Always false; vanishes inside {@code or}. */
    ODataFilter FALSE = new Constant(false);

    /** Renders the expression; {@code null} means "no filter needed" (the expression is always true). */
    default @Nullable String render() {
        return render(column -> true);
    }

    /**
     * Renders the expression for an environment that has the columns {@code available} accepts.
     *
     * @return the filter text, or null when the expression is always true
     * @throws AlwaysFalse when the expression can never match (the caller need not ask Dataverse)
     */
    default @Nullable String render(Predicate<String> available) {
        ODataFilter simplified = simplify(available);
        if (simplified instanceof Constant constant) {
            if (constant.value()) {
                return null;
            }
            throw new AlwaysFalse();
        }
        return simplified.text();
    }

    /** This expression with missing columns and constants folded away. */
    ODataFilter simplify(Predicate<String> available);

    /** The text of a simplified expression. */
    String text();

    static ODataFilter eq(String column, @Nullable Object value) {
        return new Comparison(column, "eq", value);
    }

    static ODataFilter ne(String column, @Nullable Object value) {
        return new Comparison(column, "ne", value);
    }

    /** {@code column lt value}: ordering comparisons, used on primary keys to split a table into parts. */
    static ODataFilter lt(String column, Object value) {
        return new Comparison(column, "lt", value);
    }

    static ODataFilter ge(String column, Object value) {
        return new Comparison(column, "ge", value);
    }

    static ODataFilter isNull(String column) {
        return eq(column, null);
    }

    static ODataFilter isNotNull(String column) {
        return ne(column, null);
    }

    static ODataFilter contains(String column, String text) {
        return new StringFunction("contains", column, text);
    }

    static ODataFilter startsWith(String column, String text) {
        return new StringFunction("startswith", column, text);
    }

    static ODataFilter endsWith(String column, String text) {
        return new StringFunction("endswith", column, text);
    }

    /** {@code column} equals one of {@code values}, as an or-chain (empty → always false). */
    static ODataFilter in(String column, Collection<?> values) {
        return or(values.stream().map(value -> eq(column, value)).toList());
    }

    static ODataFilter and(ODataFilter... parts) {
        return and(List.of(parts));
    }

    static ODataFilter and(List<ODataFilter> parts) {
        return new Junction("and", List.copyOf(parts));
    }

    static ODataFilter or(ODataFilter... parts) {
        return or(List.of(parts));
    }

    static ODataFilter or(List<ODataFilter> parts) {
        return new Junction("or", List.copyOf(parts));
    }

    /**
     * The complement of {@code filter}, written so that rows with null columns land on the right side: Dataverse
     * evaluates comparisons like SQL, where {@code x ne 1} and {@code not contains(x,'a')} are not true for a null
     * {@code x}, so each negated comparison also admits {@code x eq null} explicitly.
     */
    static ODataFilter negate(ODataFilter filter) {
        if (filter instanceof Constant constant) {
            return constant.value() ? FALSE : TRUE;
        }
        if (filter instanceof Comparison c) {
            String opposite = c.operator().equals("eq") ? "ne" : "eq";
            Comparison flipped = new Comparison(c.column(), opposite, c.value());
            return c.value() == null ? flipped : or(flipped, isNull(c.column()));
        }
        if (filter instanceof StringFunction function) {
            return or(new Not(function), isNull(function.column()));
        }
        if (filter instanceof Not not) {
            return or(not.part(), isNull(not.part().column()));
        }
        Junction junction = (Junction) filter;
        String opposite = junction.operator().equals("and") ? "or" : "and";
        return new Junction(
                opposite, junction.parts().stream().map(ODataFilter::negate).toList());
    }

    /** An OData literal: quoted string, unquoted GUID, number, boolean or null. */
    static String literal(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        }
        if (value instanceof UUID || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value.toString().toLowerCase(Locale.ROOT);
        }
        throw new IllegalArgumentException(
                "no OData literal for " + value.getClass().getSimpleName());
    }

    /** Makes {@code %}, {@code _} and {@code [} match themselves in Dataverse's LIKE-based string functions. */
    static String escapeLikeWildcards(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '%', '_', '[' -> escaped.append('[').append(c).append(']');
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Thrown by {@link #render(Predicate)} when no row can match. */
    final class AlwaysFalse extends RuntimeException {
        AlwaysFalse() {
            super("the filter can never match", null, false, false);
        }
    }

    /** A constant truth value. */
    record Constant(boolean value) implements ODataFilter {
        @Override
        public ODataFilter simplify(Predicate<String> available) {
            return this;
        }

        @Override
        public String text() {
            return Boolean.toString(value);
        }
    }

    /** {@code column op value}. */
    record Comparison(
            String column, String operator, @Nullable Object value) implements ODataFilter {
        @Override
        public ODataFilter simplify(Predicate<String> available) {
            if (available.test(column)) {
                return this;
            }
            // a missing column reads as null: only (in)equality with null can hold; an ordering never does
            boolean nullEquals = value == null;
            return switch (operator) {
                case "eq" -> nullEquals ? TRUE : FALSE;
                case "ne" -> nullEquals ? FALSE : TRUE;
                default -> FALSE;
            };
        }

        @Override
        public String text() {
            return column + " " + operator + " " + literal(value);
        }
    }

    /** {@code function(column,'text')} with LIKE wildcards escaped. */
    record StringFunction(String function, String column, String argument) implements ODataFilter {
        @Override
        public ODataFilter simplify(Predicate<String> available) {
            return available.test(column) ? this : FALSE;
        }

        @Override
        public String text() {
            return function + "(" + column + "," + literal(escapeLikeWildcards(argument)) + ")";
        }
    }

    /** {@code not function(...)}; made only by {@link #negate}. */
    record Not(StringFunction part) implements ODataFilter {
        @Override
        public ODataFilter simplify(Predicate<String> available) {
            return available.test(part.column()) ? this : FALSE;
        }

        @Override
        public String text() {
            return "not " + part.text();
        }
    }

    /** {@code (a) and (b)} or {@code (a) or (b)}. */
    record Junction(String operator, List<ODataFilter> parts) implements ODataFilter {
        @Override
        public ODataFilter simplify(Predicate<String> available) {
            boolean isAnd = operator.equals("and");
            List<ODataFilter> kept = new ArrayList<>();
            for (ODataFilter part : parts) {
                ODataFilter simple = part.simplify(available);
                if (simple instanceof Constant constant) {
                    if (constant.value() != isAnd) {
                        return constant; // false in an and, true in an or decides the whole junction
                    }
                    continue;
                }
                kept.add(simple);
            }
            if (kept.isEmpty()) {
                return isAnd ? TRUE : FALSE;
            }
            return kept.size() == 1 ? kept.get(0) : new Junction(operator, kept);
        }

        @Override
        public String text() {
            return parts.stream()
                    .map(part -> part instanceof Comparison || part instanceof StringFunction || part instanceof Not
                            ? part.text()
                            : "(" + part.text() + ")")
                    .collect(Collectors.joining(" " + operator + " "));
        }
    }
}
