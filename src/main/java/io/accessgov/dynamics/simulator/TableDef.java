package io.accessgov.dynamics.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shape of one simulated table: its entity logical name, entity set, columns (primary key first, versionnumber
 * last) and primary name column.
 */
final class TableDef {

    private final String entityName;
    private final String setName;
    private final List<Column> columns;
    private final @Nullable String primaryName;
    private final boolean intersect;
    private final Map<String, Integer> indexByName = new HashMap<>();

    TableDef(String entityName, String setName, List<Column> columns, @Nullable String primaryName, boolean intersect) {
        this.entityName = entityName;
        this.setName = setName;
        this.columns = List.copyOf(columns);
        this.primaryName = primaryName;
        this.intersect = intersect;
        for (int i = 0; i < this.columns.size(); i++) {
            indexByName.put(this.columns.get(i).name(), i);
        }
    }

    String entityName() {
        return entityName;
    }

    String setName() {
        return setName;
    }

    List<Column> columns() {
        return columns;
    }

    Column column(int index) {
        return columns.get(index);
    }

    String primaryKey() {
        return columns.get(0).name();
    }

    boolean intersect() {
        return intersect;
    }

    /** The index of the primary name column, or -1 for tables without one (intersects). */
    int primaryNameIndex() {
        return primaryName == null ? -1 : indexByName.get(primaryName);
    }

    /** The column index, or -1 when the table has no such column (or it is hidden on the older platform). */
    int indexOf(String name, boolean olderPlatform) {
        Integer index = indexByName.get(name);
        if (index == null || (olderPlatform && columns.get(index).optional())) {
            return -1;
        }
        return index;
    }

    /** Same as {@link #indexOf} but for a column the simulator itself relies on. */
    int required(String name) {
        Integer index = indexByName.get(name);
        if (index == null) {
            throw new IllegalArgumentException(entityName + " has no column " + name);
        }
        return index;
    }

    ODataError unknownProperty(String name) {
        return ODataError.badRequest(
                "0x80060888",
                "Could not find a property named '" + name + "' on type 'Microsoft.Dynamics.CRM." + entityName + "'.");
    }
}
