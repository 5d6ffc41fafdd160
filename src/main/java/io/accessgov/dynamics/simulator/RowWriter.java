package io.accessgov.dynamics.simulator;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Writes rows the way Dataverse does: {@code @odata.etag} first, the primary key (and {@code ownerid} on users),
 * the selected columns with explicit nulls, UTC dates without fractions, and — when asked for — formatted values
 * and lookup annotations just before the value they describe.
 */
final class RowWriter {

    private static final String FORMATTED = "@OData.Community.Display.V1.FormattedValue";

    private final Organisation organisation;
    private final TableDef def;
    private final int[] columns;
    private final boolean formatted;
    private final boolean lookupAnnotations;
    private @Nullable Expansion expansion;

    RowWriter(Organisation organisation, TableDef def, int[] columns, Prefer prefer) {
        this.organisation = organisation;
        this.def = def;
        this.columns = columns;
        this.formatted = prefer.wantsFormattedValues();
        this.lookupAnnotations = prefer.wantsLookupAnnotations();
    }

    /** The columns a response carries: the primary key, ownerid on users, then the selection (or every column). */
    static int[] columns(TableDef def, List<Integer> selected) {
        java.util.LinkedHashSet<Integer> out = new java.util.LinkedHashSet<>();
        out.add(0);
        if (def == Schema.SYSTEMUSER) {
            out.add(def.required("ownerid"));
        }
        out.addAll(selected);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Adds expanded navigation collections to every row written. */
    RowWriter expanding(Expansion value) {
        this.expansion = value.isEmpty() ? null : value;
        return this;
    }

    void write(JsonGenerator json, Row row) {
        write(json, row, null);
    }

    /** Writes the row as one object; a single-record answer passes its {@code @odata.context}. */
    void write(JsonGenerator json, Row row, @Nullable String context) {
        json.writeStartObject();
        if (context != null) {
            json.writeStringProperty("@odata.context", context);
        }
        json.writeStringProperty("@odata.etag", "W/\"" + row.version() + "\"");
        for (int index : columns) {
            Column column = def.column(index);
            Object value = row.get(index);
            if (value != null) {
                annotate(json, column, value);
            }
            json.writeName(column.name());
            writeValue(json, value);
        }
        if (expansion != null) {
            expansion.write(json, row);
        }
        json.writeEndObject();
    }

    private void annotate(JsonGenerator json, Column column, Object value) {
        if (column.type() == ColumnType.LOOKUP) {
            String target = column.lookupTarget();
            if (formatted && target != null) {
                TableDef targetDef = Schema.bySet(target);
                Row referenced = organisation.table(target).find((UUID) value);
                if (referenced != null && targetDef != null) {
                    Object name = referenced.get(targetDef.primaryNameIndex());
                    if (name != null) {
                        json.writeStringProperty(column.name() + FORMATTED, name.toString());
                    }
                }
            }
            if (lookupAnnotations) {
                String attribute = column.lookupAttribute();
                json.writeStringProperty(
                        column.name() + "@Microsoft.Dynamics.CRM.associatednavigationproperty", attribute);
                json.writeStringProperty(
                        column.name() + "@Microsoft.Dynamics.CRM.lookuplogicalname",
                        target == null
                                ? attribute.replace("id", "")
                                : Schema.bySet(target).entityName());
            }
        } else if (formatted && !column.labels().isEmpty()) {
            String label = column.labels().get(value);
            if (label != null) {
                json.writeStringProperty(column.name() + FORMATTED, label);
            }
        }
    }

    static void writeValue(JsonGenerator json, @Nullable Object value) {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof UUID id) {
            json.writeString(id.toString());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Instant instant) {
            json.writeString(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)));
        } else if (value instanceof ManagedProperty property) {
            json.writeStartObject();
            json.writeBooleanProperty("Value", property.value());
            json.writeBooleanProperty("CanBeChanged", property.canBeChanged());
            json.writeStringProperty("ManagedPropertyLogicalName", property.logicalName());
            json.writeEndObject();
        } else {
            throw new IllegalStateException("cannot write " + value.getClass());
        }
    }
}
