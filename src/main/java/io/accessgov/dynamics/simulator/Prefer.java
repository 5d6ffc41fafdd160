package io.accessgov.dynamics.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The OData preferences of a request, read from every {@code Prefer} header (comma-separated, quoted values may
 * themselves contain commas). Unparseable preferences are ignored, as RFC 7240 asks of a server.
 */
record Prefer(@Nullable Integer maxPageSize, @Nullable String includeAnnotations, boolean trackChanges) {

    static Prefer parse(List<String> headers) {
        Integer maxPageSize = null;
        String annotations = null;
        boolean trackChanges = false;
        for (String header : headers) {
            for (String preference : split(header)) {
                int eq = preference.indexOf('=');
                String name = (eq < 0 ? preference : preference.substring(0, eq))
                        .trim()
                        .toLowerCase(Locale.ROOT);
                String value =
                        eq < 0 ? "" : unquote(preference.substring(eq + 1).trim());
                switch (name) {
                    case "odata.maxpagesize" -> {
                        try {
                            int size = Integer.parseInt(value);
                            if (size > 0) {
                                maxPageSize = size;
                            }
                        } catch (NumberFormatException ignored) {
                            // an unparseable preference is not applied (RFC 7240 §2)
                        }
                    }
                    case "odata.include-annotations" -> annotations = value;
                    case "odata.track-changes" -> trackChanges = true;
                    default -> {}
                }
            }
        }
        return new Prefer(maxPageSize, annotations, trackChanges);
    }

    private static List<String> split(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString().trim());
        }
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /** Whether the caller asked for the annotation (by name, by a namespace wildcard or by {@code *}). */
    boolean wants(String annotation) {
        if (includeAnnotations == null) {
            return false;
        }
        for (String pattern : includeAnnotations.split(",")) {
            String p = pattern.trim();
            if (p.equals("*")
                    || p.equals(annotation)
                    || (p.endsWith(".*") && annotation.startsWith(p.substring(0, p.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    boolean wantsFormattedValues() {
        return wants("OData.Community.Display.V1.FormattedValue");
    }

    boolean wantsLookupAnnotations() {
        return wants("Microsoft.Dynamics.CRM.lookuplogicalname");
    }
}
