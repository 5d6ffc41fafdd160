package io.accessgov.dynamics.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Single-level {@code $expand} of the N:N navigation properties (docs/dataverse.md §7.4): each expanded collection is not
 * paged, holds at most 5000 rows, and carries {@code <nav>@odata.nextLink} (a plain filtered link) beyond that.
 * Inside the parentheses only {@code $select} and {@code $filter} are simulated; a nested {@code $expand} is refused
 * as Dataverse refuses nested N:N expansion.
 */
final class Expansion {

    private static final int LIMIT = 5000;

    private record Item(
            Schema.Navigation navigation,
            TableDef target,
            int[] columns,
            Predicate<Row> filter,
            @Nullable String select,
            @Nullable String filterText) {}

    private final Organisation organisation;
    private final List<Item> items;
    private final String webApiBase;
    private final Prefer prefer;
    private final TableDef parent;
    private Map<Schema.Navigation, Map<UUID, Row[]>> related = Map.of();

    private Expansion(Organisation organisation, TableDef parent, List<Item> items, String webApiBase, Prefer prefer) {
        this.organisation = organisation;
        this.parent = parent;
        this.items = items;
        this.webApiBase = webApiBase;
        this.prefer = prefer;
    }

    static Expansion parse(
            @Nullable String expand,
            TableDef def,
            Organisation organisation,
            boolean older,
            String webApiBase,
            Prefer prefer) {
        List<Item> items = new ArrayList<>();
        if (expand != null) {
            for (String part : splitTopLevel(expand, ',')) {
                items.add(item(part.trim(), def, older));
            }
        }
        return new Expansion(organisation, def, items, webApiBase, prefer);
    }

    private static Item item(String part, TableDef def, boolean older) {
        int open = part.indexOf('(');
        String name = open < 0 ? part : part.substring(0, open);
        Schema.Navigation navigation = Schema.navigation(def.setName(), name);
        if (navigation == null) {
            throw def.unknownProperty(name);
        }
        TableDef target = Schema.bySet(navigation.targetSet());
        String select = null;
        String filter = null;
        if (open >= 0) {
            if (!part.endsWith(")")) {
                throw ODataError.syntax("Syntax error in the $expand item '" + part + "'.");
            }
            for (String option : splitTopLevel(part.substring(open + 1, part.length() - 1), ';')) {
                int eq = option.indexOf('=');
                String key = eq < 0 ? option.trim() : option.substring(0, eq).trim();
                String value = eq < 0 ? "" : option.substring(eq + 1);
                switch (key) {
                    case "$select" -> select = value;
                    case "$filter" -> filter = value;
                    case "$expand" ->
                        throw ODataError.syntax(
                                "Nested $expand of the many-to-many relationship '" + name + "' is not supported.");
                    default ->
                        throw new ODataError(
                                501, "0x80040203", "The simulator does not support " + key + " inside $expand.");
                }
            }
        }
        int[] columns = RowWriter.columns(target, Reads.select(select, target, older));
        return new Item(navigation, target, columns, FilterParser.compile(filter, target, older), select, filter);
    }

    private static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Looks up the related rows of every parent on the page, one scan per navigation. */
    void prepare(List<Row> page) {
        if (items.isEmpty()) {
            return;
        }
        Set<UUID> ids = new HashSet<>();
        page.forEach(row -> ids.add(row.id()));
        Map<Schema.Navigation, Map<UUID, Row[]>> found = new java.util.HashMap<>();
        for (Item item : items) {
            found.put(item.navigation(), organisation.related(item.navigation(), ids));
        }
        related = found;
    }

    /** Writes the expanded collections of one parent row (inside its object). */
    void write(JsonGenerator json, Row row) {
        for (Item item : items) {
            Row[] rows = related.getOrDefault(item.navigation(), Map.of()).getOrDefault(row.id(), new Row[0]);
            RowWriter writer = new RowWriter(organisation, item.target(), item.columns(), prefer);
            json.writeName(item.navigation().name());
            json.writeStartArray();
            int written = 0;
            boolean more = false;
            for (Row related : rows) {
                if (item.filter().test(related)) {
                    if (written == LIMIT) {
                        more = true;
                        break;
                    }
                    writer.write(json, related);
                    written++;
                }
            }
            json.writeEndArray();
            if (more) {
                StringBuilder link = new StringBuilder(webApiBase)
                        .append(parent.setName())
                        .append('(')
                        .append(row.id())
                        .append(")/")
                        .append(item.navigation().name());
                char joiner = '?';
                if (item.select() != null) {
                    link.append(joiner)
                            .append("$select=")
                            .append(PercentEncoding.encode(item.select(), PercentEncoding.QUERY_SAFE, false));
                    joiner = '&';
                }
                if (item.filterText() != null) {
                    link.append(joiner)
                            .append("$filter=")
                            .append(PercentEncoding.encode(item.filterText(), PercentEncoding.QUERY_SAFE, false));
                }
                json.writeStringProperty(item.navigation().name() + "@odata.nextLink", link.toString());
            }
        }
    }
}
