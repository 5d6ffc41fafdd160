package io.accessgov.dynamics.simulator;

import java.util.regex.Pattern;

/**
 * SQL {@code LIKE} matching, case-insensitive, as Dataverse applies it to {@code contains}, {@code startswith} and
 * {@code endswith}: {@code %} any run, {@code _} one character, {@code [abc]}/{@code [a-z]} a set, {@code [^…]} a
 * negated set. {@code [_]}, {@code [%]} and {@code [[]} therefore match those characters literally. An unclosed
 * {@code [} is a literal bracket.
 */
final class LikePattern {

    private final Pattern pattern;

    private LikePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    static LikePattern contains(String text) {
        return compile("%" + text + "%");
    }

    static LikePattern startsWith(String text) {
        return compile(text + "%");
    }

    static LikePattern endsWith(String text) {
        return compile("%" + text);
    }

    static LikePattern compile(String like) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < like.length()) {
            char c = like.charAt(i);
            if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else if (c == '[') {
                int close = like.indexOf(']', i + 2);
                if (close < 0) {
                    regex.append(Pattern.quote("["));
                } else {
                    regex.append(charClass(like.substring(i + 1, close)));
                    i = close;
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return new LikePattern(
                Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    private static String charClass(String body) {
        StringBuilder set = new StringBuilder("[");
        int start = 0;
        if (body.startsWith("^") && body.length() > 1) {
            set.append('^');
            start = 1;
        }
        for (int j = start; j < body.length(); j++) {
            char c = body.charAt(j);
            boolean range = c == '-' && j > start && j < body.length() - 1;
            if (range) {
                set.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                set.append(c);
            } else {
                set.append('\\').append(c);
            }
        }
        return set.append(']').toString();
    }

    boolean matches(String value) {
        return pattern.matcher(value).matches();
    }
}
