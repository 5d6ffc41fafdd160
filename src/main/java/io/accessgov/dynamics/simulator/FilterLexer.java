package io.accessgov.dynamics.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits an already percent-decoded {@code $filter} into tokens; the whole text is scanned before parsing. */
final class FilterLexer {

    enum Kind {
        IDENT,
        STRING,
        DQSTRING,
        GUID,
        DATETIME,
        INTEGER,
        OPEN,
        CLOSE,
        COMMA,
        OPEN_BRACKET,
        CLOSE_BRACKET,
        EQUALS,
        END
    }

    record Token(Kind kind, String text, Object value, int position) {}

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,7})?)?(Z|[+-]\\d{2}:\\d{2}))?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final java.util.Set<String> TYPED_PREFIXES =
            java.util.Set.of("guid", "datetime", "datetimeoffset", "time", "binary", "duration", "X");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private FilterLexer() {}

    static List<Token> tokens(String filter) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = filter.length();
        while (i < length) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            switch (c) {
                case '(' -> tokens.add(new Token(Kind.OPEN, "(", "(", i++));
                case ')' -> tokens.add(new Token(Kind.CLOSE, ")", ")", i++));
                case ',' -> tokens.add(new Token(Kind.COMMA, ",", ",", i++));
                case '[' -> tokens.add(new Token(Kind.OPEN_BRACKET, "[", "[", i++));
                case ']' -> tokens.add(new Token(Kind.CLOSE_BRACKET, "]", "]", i++));
                case '=' -> tokens.add(new Token(Kind.EQUALS, "=", "=", i++));
                case '\'' -> i = quoted(filter, i, '\'', tokens);
                case '"' -> i = quoted(filter, i, '"', tokens);
                default -> i = other(filter, i, tokens);
            }
        }
        tokens.add(new Token(Kind.END, "", "", length));
        return tokens;
    }

    private static int quoted(String filter, int start, char quote, List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c == quote) {
                if (quote == '\'' && i + 1 < filter.length() && filter.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                tokens.add(new Token(
                        quote == '\'' ? Kind.STRING : Kind.DQSTRING,
                        filter.substring(start, i + 1),
                        value.toString(),
                        start));
                return i + 1;
            }
            if (quote == '"' && c == '\\' && i + 1 < filter.length()) {
                value.append(filter.charAt(i + 1));
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        throw ODataError.syntax(
                "There is an unterminated literal at position " + filter.length() + " in '" + filter + "'.");
    }

    private static int other(String filter, int i, List<Token> tokens) {
        Matcher guid = GUID.matcher(filter).region(i, filter.length());
        if (guid.lookingAt() && !identifierCharAt(filter, guid.end())) {
            tokens.add(new Token(Kind.GUID, guid.group(), UUID.fromString(guid.group()), i));
            return guid.end();
        }
        Matcher date = DATETIME.matcher(filter).region(i, filter.length());
        if (date.lookingAt() && !identifierCharAt(filter, date.end())) {
            tokens.add(new Token(Kind.DATETIME, date.group(), instant(date.group(), filter, i), i));
            return date.end();
        }
        Matcher integer = INTEGER.matcher(filter).region(i, filter.length());
        if (integer.lookingAt() && !identifierCharAt(filter, integer.end())) {
            try {
                tokens.add(new Token(Kind.INTEGER, integer.group(), Long.parseLong(integer.group()), i));
            } catch (NumberFormatException e) {
                throw ODataError.syntax("The integer literal '" + integer.group() + "' at position " + i + " in '"
                        + filter + "' is out of range.");
            }
            return integer.end();
        }
        Matcher ident = IDENT.matcher(filter).region(i, filter.length());
        if (ident.lookingAt()) {
            int end = ident.end();
            if (end < filter.length() && filter.charAt(end) == '\'' && TYPED_PREFIXES.contains(ident.group())) {
                int close = filter.indexOf('\'', end + 1);
                String literal = close < 0 ? filter.substring(i) : filter.substring(i, close + 1);
                throw ODataError.syntax(
                        "Unrecognized 'Edm.String' literal '" + literal + "' at '" + i + "' in '" + filter + "'.");
            }
            tokens.add(new Token(Kind.IDENT, ident.group(), ident.group(), i));
            return end;
        }
        char c = filter.charAt(i);
        if (c == '/') {
            throw ODataError.syntax("The simulator does not support lambda or path expressions ('/') in $filter; "
                    + "found at position " + i + " in '" + filter + "'.");
        }
        throw ODataError.syntax(
                "Syntax error: character '" + c + "' is not valid at position " + i + " in '" + filter + "'.");
    }

    private static boolean identifierCharAt(String text, int index) {
        if (index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == ':';
    }

    private static Instant instant(String text, String filter, int position) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            String withSeconds =
                    text.matches(".*T\\d{2}:\\d{2}(Z|[+-].*)") ? text.replaceFirst("(T\\d{2}:\\d{2})", "$1:00") : text;
            return OffsetDateTime.parse(withSeconds).toInstant();
        } catch (DateTimeParseException e) {
            throw ODataError.syntax("The date/time literal '" + text + "' at position " + position + " in '" + filter
                    + "' is not valid.");
        }
    }
}
