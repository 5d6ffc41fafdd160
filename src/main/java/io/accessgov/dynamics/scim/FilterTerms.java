package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Parsing SCIM filters with the SCIM SDK, and reading the parts of one comparison. */
final class FilterTerms {

    /** Longer filters are refused unread: the ones this service understands are short. */
    static final int MAX_LENGTH = 1000;

    private FilterTerms() {}

    /** The parsed filter; a syntax error is {@code 400 invalidFilter} naming what is wrong. */
    static Filter parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw ScimRefusal.invalidFilter("A filter may be at most " + MAX_LENGTH + " characters long.");
        }
        try {
            return Filter.fromString(text);
        } catch (BadRequestException e) {
            throw ScimRefusal.invalidFilter(
                    "The filter is not valid SCIM filter syntax (RFC 7644 §3.4.2.2): " + e.getMessage());
        }
    }

    /**
     * The lower-case name of the attribute a comparison is about, which must be a top-level attribute of the core
     * schema {@code schema} (written with or without the schema's URN).
     */
    static String attribute(Filter filter, String schema) {
        Path path = filter.getAttributePath();
        if (path == null || path.size() != 1 || filter.isComplexValueFilter()) {
            throw ScimRefusal.invalidFilter("'" + filter + "' is not a filter this service understands.");
        }
        if (path.getSchemaUrn() != null && !path.getSchemaUrn().equalsIgnoreCase(schema)) {
            throw ScimRefusal.invalidFilter("'" + path + "' is not an attribute of " + schema + ".");
        }
        return path.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
    }

    /** The GUID a text spells, or null when it spells none. */
    static @Nullable UUID guidOrNull(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? id : null;
        } catch (IllegalArgumentException notAGuid) {
            return null;
        }
    }
}
