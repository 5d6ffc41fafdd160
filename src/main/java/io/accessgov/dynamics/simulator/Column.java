package io.accessgov.dynamics.simulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One column of a simulated table.
 *
 * @param name the JSON name, e.g. {@code _businessunitid_value}
 * @param type its kind
 * @param lookupTarget for lookups, the entity set of the referenced table (null when the simulator has no such table)
 * @param labels option labels used for formatted values (choices and booleans; empty when none)
 * @param optional whether the column is missing on the "older platform" profile
 */
record Column(
        String name, ColumnType type, @Nullable String lookupTarget, Map<Object, String> labels, boolean optional) {

    static Column of(String name, ColumnType type) {
        return new Column(name, type, null, Map.of(), false);
    }

    static Column lookup(String name, @Nullable String targetSet) {
        return new Column(name, ColumnType.LOOKUP, targetSet, Map.of(), false);
    }

    static Column labelled(String name, ColumnType type, Map<Object, String> labels) {
        return new Column(name, type, null, labels, false);
    }

    Column asOptional() {
        return new Column(name, type, lookupTarget, labels, true);
    }

    /** The navigation-property-ish name Dataverse puts in lookup annotations: {@code _x_value} → {@code x}. */
    String lookupAttribute() {
        return name.startsWith("_") && name.endsWith("_value") ? name.substring(1, name.length() - 6) : name;
    }
}
