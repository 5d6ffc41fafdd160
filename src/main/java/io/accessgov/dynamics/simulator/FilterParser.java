package io.accessgov.dynamics.simulator;

import io.accessgov.dynamics.simulator.FilterLexer.Kind;
import io.accessgov.dynamics.simulator.FilterLexer.Token;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A recursive-descent parser for the {@code $filter} subset of the reference (§7.2), compiling straight to a row
 * predicate for one table:
 *
 * <pre>
 * or      := and ('or' and)*
 * and     := unary ('and' unary)*
 * unary   := 'not' unary | compare
 * compare := operand (('eq'|'ne'|'gt'|'ge'|'lt'|'le') operand)?
 * operand := '(' or ')' | function | literal | property
 * </pre>
 */
final class FilterParser {

    private static final Set<String> OPERATORS = Set.of("eq", "ne", "gt", "ge", "lt", "le");

    private final String filter;
    private final List<Token> tokens;
    private final TableDef def;
    private final boolean olderPlatform;
    private final boolean guidOrdering;
    private int next;

    private FilterParser(String filter, TableDef def, boolean olderPlatform, boolean guidOrdering) {
        this.filter = filter;
        this.tokens = FilterLexer.tokens(filter);
        this.def = def;
        this.olderPlatform = olderPlatform;
        this.guidOrdering = guidOrdering;
    }

    /** Compiles the filter for the table; null or blank means every row. GUIDs may be compared with lt, ge etc. */
    static Predicate<Row> compile(@Nullable String filter, TableDef def, boolean olderPlatform) {
        return compile(filter, def, olderPlatform, true);
    }

    /**
     * Compiles the filter for the table; null or blank means every row.
     *
     * @param guidOrdering whether GUIDs may be compared with {@code gt}, {@code ge}, {@code lt} and {@code le}
     *     ({@link Behaviour#guidRangeFilters()})
     */
    static Predicate<Row> compile(@Nullable String filter, TableDef def, boolean olderPlatform, boolean guidOrdering) {
        if (filter == null) {
            return row -> true;
        }
        if (filter.isBlank()) {
            throw ODataError.syntax("The $filter expression must not be empty.");
        }
        FilterParser parser = new FilterParser(filter, def, olderPlatform, guidOrdering);
        Operand result = parser.or();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw parser.syntaxError(rest);
        }
        return parser.asPredicate(result);
    }

    /** A parsed operand: either a boolean expression or a value (property or literal) of an EDM type. */
    private sealed interface Operand permits Bool, Property, Literal {}

    /**
     * @param guids when the expression is a GUID column equal to one of some GUIDs ({@code id eq … or id eq …}, as
     *     clients ask for many ids at once): the column and the GUIDs, tested with one set lookup per row
     */
    private record Bool(Predicate<Row> test, @Nullable GuidsOf guids) implements Operand {

        Bool(Predicate<Row> test) {
            this(test, null);
        }

        static Bool anyOf(GuidsOf guids) {
            int index = guids.index();
            Set<UUID> values = guids.values();
            return new Bool(row -> row.get(index) instanceof UUID id && values.contains(id), guids);
        }
    }

    private record GuidsOf(int index, Set<UUID> values) {

        @Nullable
        GuidsOf or(@Nullable GuidsOf other) {
            if (other == null || other.index != index) {
                return null;
            }
            Set<UUID> both = new HashSet<>(values);
            both.addAll(other.values);
            return new GuidsOf(index, both);
        }
    }

    private record Property(int index, Column column) implements Operand {}

    private record Literal(@Nullable Object value, String edmType) implements Operand {}

    private Operand or() {
        Operand left = and();
        while (isKeyword(peek(), "or")) {
            next++;
            Operand right = and();
            GuidsOf either = left instanceof Bool l && l.guids() != null && right instanceof Bool r
                    ? l.guids().or(r.guids())
                    : null;
            if (either != null) {
                left = Bool.anyOf(either);
                continue;
            }
            Predicate<Row> l = asPredicate(left);
            Predicate<Row> r = asPredicate(right);
            left = new Bool(row -> l.test(row) || r.test(row));
        }
        return left;
    }

    private Operand and() {
        Operand left = unary();
        while (isKeyword(peek(), "and")) {
            next++;
            Predicate<Row> l = asPredicate(left);
            Predicate<Row> r = asPredicate(unary());
            left = new Bool(row -> l.test(row) && r.test(row));
        }
        return left;
    }

    private Operand unary() {
        if (isKeyword(peek(), "not")) {
            next++;
            Predicate<Row> inner = asPredicate(unary());
            return new Bool(inner.negate());
        }
        Operand left = operand();
        Token op = peek();
        if (op.kind() == Kind.IDENT && OPERATORS.contains(op.text())) {
            next++;
            Operand right = operand();
            Predicate<Row> test = compare(left, op.text(), right, op);
            if (op.text().equals("eq")
                    && left instanceof Property property
                    && right instanceof Literal literal
                    && literal.value() instanceof UUID id) {
                return Bool.anyOf(new GuidsOf(property.index(), Set.of(id)));
            }
            return new Bool(test);
        }
        return left;
    }

    private Operand operand() {
        Token token = take();
        return switch (token.kind()) {
            case OPEN -> {
                Operand inner = or();
                expect(Kind.CLOSE);
                yield inner;
            }
            case STRING -> new Literal(token.value(), "Edm.String");
            case GUID -> new Literal(token.value(), "Edm.Guid");
            case DATETIME -> new Literal(token.value(), "Edm.DateTimeOffset");
            case INTEGER -> new Literal(token.value(), "Edm.Int32");
            case IDENT -> identifier(token);
            default -> throw syntaxError(token);
        };
    }

    private Operand identifier(Token token) {
        String name = token.text();
        switch (name) {
            case "null" -> {
                return new Literal(null, "null");
            }
            case "true", "false" -> {
                return new Literal(Boolean.valueOf(name), "Edm.Boolean");
            }
            default -> {}
        }
        if (peek().kind() == Kind.OPEN) {
            next++;
            return function(token);
        }
        int index = def.indexOf(name, olderPlatform);
        if (index < 0) {
            throw def.unknownProperty(name);
        }
        return new Property(index, def.column(index));
    }

    private Operand function(Token name) {
        switch (name.text()) {
            case "contains", "startswith", "endswith" -> {
                Property property = stringProperty(name.text());
                expect(Kind.COMMA);
                Token text = take();
                if (text.kind() != Kind.STRING) {
                    throw ODataError.syntax("The second argument of '" + name.text()
                            + "' must be a string literal, at position " + text.position() + " in '" + filter + "'.");
                }
                expect(Kind.CLOSE);
                String value = (String) text.value();
                LikePattern like =
                        switch (name.text()) {
                            case "contains" -> LikePattern.contains(value);
                            case "startswith" -> LikePattern.startsWith(value);
                            default -> LikePattern.endsWith(value);
                        };
                int index = property.index();
                return new Bool(row -> row.get(index) instanceof String s && like.matches(s));
            }
            case "Microsoft.Dynamics.CRM.In" -> {
                return in();
            }
            default -> {
                if (name.text().startsWith("Microsoft.Dynamics.CRM.")) {
                    throw ODataError.syntax("The simulator does not support the query function '" + name.text() + "'.");
                }
                throw ODataError.syntax("An unknown function with name '" + name.text()
                        + "' was found. This may also be a function import or a key lookup on a navigation property,"
                        + " which is not allowed.");
            }
        }
    }

    private Property stringProperty(String function) {
        Token token = take();
        if (token.kind() != Kind.IDENT) {
            throw ODataError.syntax("The first argument of '" + function + "' must be a property, at position "
                    + token.position() + " in '" + filter + "'.");
        }
        int index = def.indexOf(token.text(), olderPlatform);
        if (index < 0) {
            throw def.unknownProperty(token.text());
        }
        Column column = def.column(index);
        if (column.type() != ColumnType.STRING) {
            throw ODataError.syntax("No function signature for the function with name '" + function
                    + "' matches the specified arguments. The function signatures considered are: " + function
                    + "(Edm.String Nullable=true, Edm.String Nullable=true).");
        }
        return new Property(index, column);
    }

    private Operand in() {
        expectIdent("PropertyName");
        expect(Kind.EQUALS);
        Token propertyName = take();
        if (propertyName.kind() != Kind.STRING) {
            throw syntaxError(propertyName);
        }
        int index = def.indexOf((String) propertyName.value(), olderPlatform);
        if (index < 0) {
            throw def.unknownProperty((String) propertyName.value());
        }
        Column column = def.column(index);
        expect(Kind.COMMA);
        expectIdent("PropertyValues");
        expect(Kind.EQUALS);
        expect(Kind.OPEN_BRACKET);
        Set<Object> values = new HashSet<>();
        while (peek().kind() != Kind.CLOSE_BRACKET) {
            Token value = take();
            if (value.kind() != Kind.DQSTRING && value.kind() != Kind.STRING && value.kind() != Kind.INTEGER) {
                throw syntaxError(value);
            }
            values.add(inValue(column, value));
            if (peek().kind() == Kind.COMMA) {
                next++;
            } else if (peek().kind() != Kind.CLOSE_BRACKET) {
                throw syntaxError(peek());
            }
        }
        expect(Kind.CLOSE_BRACKET);
        expect(Kind.CLOSE);
        return new Bool(row -> {
            Object value = row.get(index);
            return value != null && values.contains(value instanceof String s ? s.toLowerCase(Locale.ROOT) : value);
        });
    }

    private Object inValue(Column column, Token token) {
        String text = String.valueOf(token.value());
        try {
            return switch (column.type()) {
                case GUID, LOOKUP -> UUID.fromString(text);
                case INT -> Integer.parseInt(text);
                case BIGINT -> Long.parseLong(text);
                case STRING -> text.toLowerCase(Locale.ROOT);
                default ->
                    throw ODataError.syntax(
                            "Microsoft.Dynamics.CRM.In does not support the property '" + column.name() + "'.");
            };
        } catch (IllegalArgumentException e) {
            throw ODataError.syntax("The value '" + text + "' is not valid for the property '" + column.name() + "'.");
        }
    }

    private Predicate<Row> compare(Operand left, String op, Operand right, Token at) {
        if (left instanceof Bool || right instanceof Bool) {
            throw syntaxError(at);
        }
        String leftType = edmType(left);
        String rightType = edmType(right);
        if (!compatible(leftType, rightType)) {
            throw ODataError.syntax("A binary operator with incompatible types was detected. Found operand types '"
                    + leftType + "' and '" + rightType + "' for operator kind '" + kindName(op) + "'.");
        }
        if (!guidOrdering && leftType.equals("Edm.Guid") && !op.equals("eq") && !op.equals("ne")) {
            throw ODataError.syntax("The operator '" + op + "' is not supported for operands of type 'Edm.Guid'"
                    + " in '" + filter + "'.");
        }
        if (structured(leftType) || structured(rightType)) {
            throw ODataError.syntax("The simulator cannot compare the complex property in '" + filter + "'.");
        }
        ValueOf l = valueOf(left);
        ValueOf r = valueOf(right);
        return row -> test(op, l.of(row), r.of(row));
    }

    private interface ValueOf {
        @Nullable
        Object of(Row row);
    }

    private static ValueOf valueOf(Operand operand) {
        if (operand instanceof Property property) {
            int index = property.index();
            return row -> row.get(index);
        }
        Object value = ((Literal) operand).value();
        return row -> value;
    }

    private static boolean test(String op, @Nullable Object a, @Nullable Object b) {
        if (a == null || b == null) {
            return switch (op) {
                case "eq" -> a == b;
                case "ne" -> a != b;
                default -> false;
            };
        }
        int cmp;
        if (a instanceof String x && b instanceof String y) {
            cmp = x.compareToIgnoreCase(y);
        } else if (a instanceof UUID x && b instanceof UUID y) {
            cmp = Table.compareKeys(x, y);
        } else if (a instanceof Number x && b instanceof Number y) {
            cmp = Long.compare(x.longValue(), y.longValue());
        } else if (a instanceof Boolean x && b instanceof Boolean y) {
            cmp = Boolean.compare(x, y);
        } else if (a instanceof Instant x && b instanceof Instant y) {
            cmp = x.compareTo(y);
        } else {
            return false;
        }
        return switch (op) {
            case "eq" -> cmp == 0;
            case "ne" -> cmp != 0;
            case "gt" -> cmp > 0;
            case "ge" -> cmp >= 0;
            case "lt" -> cmp < 0;
            default -> cmp <= 0;
        };
    }

    private static String edmType(Operand operand) {
        return operand instanceof Property p ? p.column().type().edmName() : ((Literal) operand).edmType();
    }

    private static boolean structured(String edmType) {
        return !edmType.startsWith("Edm.") && !edmType.equals("null");
    }

    private static boolean compatible(String a, String b) {
        if (a.equals("null") || b.equals("null") || a.equals(b)) {
            return true;
        }
        Set<String> numbers = Set.of("Edm.Int32", "Edm.Int64");
        return numbers.contains(a) && numbers.contains(b);
    }

    private static String kindName(String op) {
        return switch (op) {
            case "eq" -> "Equal";
            case "ne" -> "NotEqual";
            case "gt" -> "GreaterThan";
            case "ge" -> "GreaterThanOrEqual";
            case "lt" -> "LessThan";
            default -> "LessThanOrEqual";
        };
    }

    private Predicate<Row> asPredicate(Operand operand) {
        if (operand instanceof Bool bool) {
            return bool.test();
        }
        if (operand instanceof Property p && p.column().type() == ColumnType.BOOL) {
            int index = p.index();
            return row -> Boolean.TRUE.equals(row.get(index));
        }
        if (operand instanceof Literal l && l.value() instanceof Boolean b) {
            return row -> b;
        }
        throw ODataError.syntax("The $filter expression '" + filter + "' must evaluate to a boolean value.");
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private void expect(Kind kind) {
        Token token = take();
        if (token.kind() != kind) {
            throw syntaxError(token);
        }
    }

    private void expectIdent(String name) {
        Token token = take();
        if (token.kind() != Kind.IDENT || !token.text().equals(name)) {
            throw syntaxError(token);
        }
    }

    private static boolean isKeyword(Token token, String keyword) {
        return token.kind() == Kind.IDENT && token.text().equals(keyword);
    }

    private ODataError syntaxError(Token token) {
        if (token.kind() == Kind.END) {
            return ODataError.syntax("Expression expected at position " + token.position() + " in '" + filter + "'.");
        }
        return ODataError.syntax("Syntax error at position " + token.position() + " in '" + filter + "'.");
    }
}
