package io.accessgov.dynamics.simulator;

import static io.accessgov.dynamics.simulator.ColumnType.BOOL;
import static io.accessgov.dynamics.simulator.ColumnType.GUID;
import static io.accessgov.dynamics.simulator.ColumnType.PRIVILEGES;
import static io.accessgov.dynamics.simulator.ColumnType.STRING;

import io.accessgov.dynamics.simulator.PrivilegeCatalogue.Privilege;
import io.accessgov.dynamics.simulator.PrivilegeCatalogue.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * {@code EntityDefinitions}, the table definitions (docs/dataverse.md §12, §14): the simulated tables and the
 * business tables whose privileges roles hold, each with its names, {@code ChangeTrackingEnabled} (following
 * {@link Behaviour#changeTracking}) and {@code Privileges}, the collection a client maps privileges to tables with.
 * {@code $select} and {@code $filter} work on the simple properties, {@code MetadataId} always comes back, and there is
 * no paging, as in Dataverse. {@code Privileges} is a property, not a navigation property: {@code $expand} of it is
 * refused, as the real service refuses it.
 */
final class Metadata {

    static final String SET = "EntityDefinitions";

    private static final Set<String> NAVIGATIONS = Set.of(
            "Attributes",
            "Keys",
            "ManyToManyRelationships",
            "ManyToOneRelationships",
            "OneToManyRelationships",
            "RelationshipDefinitions");

    static final TableDef DEF = new TableDef(
            "EntityMetadata",
            SET,
            List.of(
                    Column.of("MetadataId", GUID),
                    Column.of("LogicalName", STRING),
                    Column.of("SchemaName", STRING),
                    Column.of("EntitySetName", STRING),
                    Column.of("PrimaryIdAttribute", STRING),
                    Column.of("PrimaryNameAttribute", STRING),
                    Column.of("IsIntersect", BOOL),
                    Column.of("IsCustomEntity", BOOL),
                    Column.of("IsActivity", BOOL),
                    Column.of("ChangeTrackingEnabled", BOOL),
                    Column.of("Privileges", PRIVILEGES)),
            "LogicalName",
            false);

    private final Organisation organisation;
    private final Behaviour behaviour;
    private final ChangeTracking tracking;
    private final String webApiBase;

    Metadata(Organisation organisation, Behaviour behaviour, ChangeTracking tracking, String webApiBase) {
        this.organisation = organisation;
        this.behaviour = behaviour;
        this.tracking = tracking;
        this.webApiBase = webApiBase;
    }

    /** Answers {@code GET EntityDefinitions}, {@code EntityDefinitions(<id>)} or {@code (LogicalName='x')}. */
    void handle(Call call, List<WebApi.Segment> segments, QueryOptions query) {
        if (!call.method().equals("GET")) {
            throw new ODataError(501, "0x80040203", "The simulator does not change table definitions.");
        }
        if (segments.size() > 1) {
            throw new ODataError(
                    501,
                    "0x80040203",
                    "The simulator does not serve " + segments.get(1).raw() + " of a definition.");
        }
        for (String option : query.all().keySet()) {
            if (!option.equals("$select") && !option.equals("$filter") && !option.equals("$expand")) {
                throw new ODataError(
                        501, "0x80040203", "The simulator does not support " + option + " on table definitions.");
            }
        }
        String expand = query.get("$expand");
        if (expand != null) {
            String name = expand.contains("(") ? expand.substring(0, expand.indexOf('(')) : expand;
            if (name.trim().equals("Privileges")) {
                throw ODataError.syntax("Property 'Privileges' on type 'Microsoft.Dynamics.CRM.EntityMetadata' is not a"
                        + " navigation property or complex property. Only navigation properties can be expanded.");
            }
            if (NAVIGATIONS.contains(name.trim())) {
                throw new ODataError(
                        501, "0x80040203", "The simulator does not expand " + name.trim() + " of a definition.");
            }
            throw DEF.unknownProperty(name.trim());
        }
        String selectText = query.get("$select");
        List<Integer> selected = Reads.select(selectText, DEF, false);
        Predicate<Row> filter = FilterParser.compile(query.get("$filter"), DEF, false, false);
        List<Row> rows = new ArrayList<>();
        for (TableInfo table : organisation.catalogue().tables()) {
            Row row = row(table);
            if (filter.test(row)) {
                rows.add(row);
            }
        }
        String key = segments.get(0).key();
        String context = webApiBase + "$metadata#" + SET + Reads.selection(selectText);
        if (key == null) {
            call.json(200, json -> {
                json.writeStartObject();
                json.writeStringProperty("@odata.context", context);
                json.writeName("value");
                json.writeStartArray();
                for (Row row : rows) {
                    write(json, row, selected, null);
                }
                json.writeEndArray();
                json.writeEndObject();
            });
            return;
        }
        Row found = find(rows, key);
        call.json(200, json -> write(json, found, selected, context + "/$entity"));
    }

    private static Row find(List<Row> rows, String key) {
        String logicalName = null;
        UUID id = null;
        if (key.startsWith("LogicalName='") && key.endsWith("'")) {
            logicalName = key.substring("LogicalName='".length(), key.length() - 1);
        } else {
            try {
                id = UUID.fromString(key);
            } catch (IllegalArgumentException e) {
                throw ODataError.syntax("Bad Request - Error in query syntax. The key '" + key + "' of the segment '"
                        + SET + "' is neither a MetadataId nor LogicalName='<name>'.");
            }
        }
        for (Row row : rows) {
            if (row.id().equals(id) || (logicalName != null && logicalName.equals(row.get(1)))) {
                return row;
            }
        }
        throw new ODataError(
                404,
                "0x80040217",
                "Could not find entity with "
                        + (logicalName != null ? "LogicalName '" + logicalName : "MetadataId '" + id) + "'.");
    }

    private Row row(TableInfo table) {
        List<Privilege> privileges =
                organisation.catalogue().privilegesOf(table, behaviour.activityPrivilegesOnActivityTables());
        return new GenericRow(
                new Object[] {
                    table.metadataId(),
                    table.logicalName(),
                    table.schemaName(),
                    table.entitySetName(),
                    table.primaryId(),
                    table.primaryName(),
                    table.intersect(),
                    table.custom(),
                    table.activity() || table.logicalName().equals("activitypointer"),
                    tracking.enabled(table.logicalName()),
                    privileges
                },
                0);
    }

    private static void write(JsonGenerator json, Row row, List<Integer> selected, @Nullable String context) {
        json.writeStartObject();
        if (context != null) {
            json.writeStringProperty("@odata.context", context);
        }
        for (int index : selected) {
            String name = DEF.column(index).name();
            if (index == 0) {
                continue;
            }
            json.writeName(name);
            Object value = row.get(index);
            if (value instanceof List<?> privileges) {
                writePrivileges(json, privileges);
            } else {
                RowWriter.writeValue(json, value);
            }
        }
        json.writeStringProperty("MetadataId", row.id().toString());
        json.writeEndObject();
    }

    private static void writePrivileges(JsonGenerator json, List<?> privileges) {
        json.writeStartArray();
        for (Object item : privileges) {
            Privilege privilege = (Privilege) item;
            json.writeStartObject();
            json.writeBooleanProperty("CanBeBasic", privilege.basic());
            json.writeBooleanProperty("CanBeDeep", privilege.deep());
            json.writeBooleanProperty("CanBeGlobal", privilege.global());
            json.writeBooleanProperty("CanBeLocal", privilege.local());
            json.writeBooleanProperty("CanBeEntityReference", false);
            json.writeBooleanProperty("CanBeParentEntityReference", false);
            json.writeStringProperty("Name", privilege.name());
            json.writeStringProperty("PrivilegeId", privilege.id().toString());
            json.writeStringProperty("PrivilegeType", privilege.privilegeType());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
