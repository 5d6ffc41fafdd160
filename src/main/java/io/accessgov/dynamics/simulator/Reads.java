package io.accessgov.dynamics.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Collection and single-record reads: {@code $select}, {@code $filter}, {@code $top}, {@code $count}, paging with
 * {@code Prefer: odata.maxpagesize} and the {@code $skiptoken} cookie, formatted values; results in key order. A read
 * with {@code Prefer: odata.track-changes} (docs/dataverse.md §12) pages the same way and ends with a delta link
 * whose token is the row version the read started at, so no change made while it was paging is missed.
 */
final class Reads {

    private static final int COUNT_LIMIT = 5000;

    private final Organisation organisation;
    private final Behaviour behaviour;
    private final SkipToken skipTokens;
    private final ChangeTracking tracking;
    private final String webApiBase;
    private final int maxPageSize;

    Reads(
            Organisation organisation,
            Behaviour behaviour,
            SkipToken skipTokens,
            ChangeTracking tracking,
            String webApiBase,
            int maxPageSize) {
        this.organisation = organisation;
        this.behaviour = behaviour;
        this.skipTokens = skipTokens;
        this.tracking = tracking;
        this.webApiBase = webApiBase;
        this.maxPageSize = maxPageSize;
    }

    /**
     * Answers a collection read over {@code rows} (already in key order).
     *
     * @param rawResourcePath the path below the Web API root as sent, e.g. {@code systemusers}; repeated in links
     */
    void collection(Call call, TableDef def, Row[] rows, String rawResourcePath, QueryOptions query) {
        collection(call, def, rows, rawResourcePath, query, -1);
    }

    /**
     * Answers a collection read; with {@code trackFrom} ≥ 0 (the row version taken before {@code rows} were) it is
     * the first page of a change-tracking read. Later pages of one carry the version in their cookie.
     */
    void collection(Call call, TableDef def, Row[] rows, String rawResourcePath, QueryOptions query, long trackFrom) {
        Prefer prefer = Prefer.parse(call.headers("Prefer"));
        boolean older = behaviour.olderPlatform();
        String selectText = query.get("$select");
        List<Integer> selected = select(selectText, def, older);
        int[] columns = RowWriter.columns(def, selected);
        String filterText = query.get("$filter");
        Predicate<Row> filter = FilterParser.compile(filterText, def, older, behaviour.guidRangeFilters());
        Integer top = query.top();
        boolean count = query.count();
        Integer preferred = prefer.maxPageSize();
        boolean paged = top == null
                || (preferred != null && behaviour.topWithMaxPageSize() == Behaviour.TopWithMaxPageSize.TOP_IGNORED);
        int pageSize = paged ? Math.min(preferred == null ? maxPageSize : preferred, maxPageSize) : top;
        String scope = rawResourcePath
                + '\u0000'
                + selectText
                + '\u0000'
                + filterText
                + '\u0000'
                + top
                + '\u0000'
                + count
                + '\u0000'
                + query.get("$expand");
        SkipToken.Position position = skipTokens.verify(query.get("$skiptoken"), scope, def.primaryKey());
        if (position != null && !paged) {
            throw ODataError.badRequest("0x80040203", "A $skiptoken cannot be combined with $top.");
        }
        if (position != null && (position.phase() != null || (trackFrom >= 0 && !position.tracking()))) {
            throw ODataError.badRequest(
                    "0x80040203",
                    "The $skiptoken paging cookie is not valid for this query. "
                            + "Use the @odata.nextLink exactly as it was returned.");
        }
        long highWater = position != null ? position.highWater() : trackFrom;

        List<Row> page = new ArrayList<>(Math.min(pageSize, 1024));
        int i = position == null ? 0 : Table.indexAfter(rows, position.lastKey());
        for (; i < rows.length && page.size() < pageSize; i++) {
            if (filter.test(rows[i])) {
                page.add(rows[i]);
            }
        }
        boolean more = false;
        if (paged && !page.isEmpty()) {
            for (; i < rows.length && !more; i++) {
                more = filter.test(rows[i]);
            }
        }
        int total = count ? countMatches(rows, filter) : 0;
        String nextLink = null;
        if (more) {
            int nextPage = position == null ? 2 : position.pageNumber() + 1;
            String cookie = skipTokens.issue(
                    scope,
                    def.primaryKey(),
                    new SkipToken.Position(nextPage, page.get(page.size() - 1).id(), highWater, null, 0),
                    page.get(0).id());
            nextLink = link(webApiBase, rawResourcePath, query.all(), cookie);
        }
        String deltaLink = highWater >= 0 && nextLink == null
                ? ChangeTracking.deltaLink(webApiBase, rawResourcePath, query.all(), tracking.token(highWater))
                : null;
        StringJoiner applied = new StringJoiner(",");
        if (preferred != null && paged) {
            applied.add("odata.maxpagesize=" + pageSize);
        }
        if (prefer.includeAnnotations() != null) {
            applied.add("odata.include-annotations=\"" + prefer.includeAnnotations() + "\"");
        }
        if (highWater >= 0 && prefer.trackChanges()) {
            applied.add("odata.track-changes");
        }
        if (applied.length() > 0) {
            call.header("Preference-Applied", applied.toString());
        }
        String context = webApiBase + "$metadata#" + def.setName() + selection(selectText);
        Expansion expansion = Expansion.parse(query.get("$expand"), def, organisation, older, webApiBase, prefer);
        expansion.prepare(page);
        RowWriter writer = new RowWriter(organisation, def, columns, prefer).expanding(expansion);
        String link = nextLink;
        call.json(200, json -> {
            json.writeStartObject();
            json.writeStringProperty("@odata.context", context);
            if (count) {
                json.writeNumberProperty("@odata.count", Math.min(total, COUNT_LIMIT));
                if (prefer.wants("Microsoft.Dynamics.CRM.totalrecordcount")) {
                    json.writeNumberProperty("@Microsoft.Dynamics.CRM.totalrecordcount", Math.min(total, COUNT_LIMIT));
                }
                if (prefer.wants("Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded")) {
                    json.writeBooleanProperty(
                            "@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded", total > COUNT_LIMIT);
                }
            }
            json.writeName("value");
            json.writeStartArray();
            for (Row row : page) {
                writer.write(json, row);
            }
            json.writeEndArray();
            if (link != null) {
                json.writeStringProperty("@odata.nextLink", link);
            }
            if (deltaLink != null) {
                json.writeStringProperty("@odata.deltaLink", deltaLink);
            }
            json.writeEndObject();
        });
    }

    /** Answers {@code GET {set}/$count}: the number of rows as text, at most 5000. */
    void count(Call call, Row[] rows) {
        call.text(200, "text/plain;charset=utf-8", Integer.toString(Math.min(rows.length, COUNT_LIMIT)));
    }

    void single(Call call, TableDef def, Row row, QueryOptions query) {
        for (String option : List.of("$filter", "$top", "$count", "$skiptoken")) {
            if (query.get(option) != null) {
                throw ODataError.syntax(
                        "The query option '" + option + "' is not allowed when reading a single record.");
            }
        }
        Prefer prefer = Prefer.parse(call.headers("Prefer"));
        String selectText = query.get("$select");
        int[] columns = RowWriter.columns(def, select(selectText, def, behaviour.olderPlatform()));
        Expansion expansion =
                Expansion.parse(query.get("$expand"), def, organisation, behaviour.olderPlatform(), webApiBase, prefer);
        expansion.prepare(List.of(row));
        RowWriter writer = new RowWriter(organisation, def, columns, prefer).expanding(expansion);
        String context = webApiBase + "$metadata#" + def.setName() + selection(selectText) + "/$entity";
        call.json(200, json -> writer.write(json, row, context));
    }

    private static int countMatches(Row[] rows, Predicate<Row> filter) {
        int total = 0;
        for (Row row : rows) {
            if (filter.test(row) && ++total > COUNT_LIMIT) {
                break;
            }
        }
        return total;
    }

    static List<Integer> select(@Nullable String select, TableDef def, boolean older) {
        List<Integer> indexes = new ArrayList<>();
        if (select == null) {
            for (int i = 0; i < def.columns().size(); i++) {
                if (!(older && def.column(i).optional())) {
                    indexes.add(i);
                }
            }
            return indexes;
        }
        for (String name : select.split(",", -1)) {
            String column = name.trim();
            if (column.isEmpty()) {
                throw ODataError.syntax("Syntax error: the $select expression '" + select + "' has an empty item.");
            }
            int index = def.indexOf(column, older);
            if (index < 0) {
                throw def.unknownProperty(column);
            }
            if (!indexes.contains(index)) {
                indexes.add(index);
            }
        }
        return indexes;
    }

    static String selection(@Nullable String select) {
        if (select == null) {
            return "";
        }
        return "("
                + String.join(
                        ",", Arrays.stream(select.split(",")).map(String::trim).toList()) + ")";
    }

    /** A nextLink: the query options the read was sent with, then the new cookie. */
    static String link(String webApiBase, String rawResourcePath, Map<String, String> options, String cookie) {
        StringBuilder link =
                new StringBuilder(webApiBase).append(rawResourcePath).append('?');
        options.forEach((name, value) -> {
            if (!name.equals("$skiptoken")) {
                link.append(name)
                        .append('=')
                        .append(PercentEncoding.encode(value, PercentEncoding.QUERY_SAFE, false))
                        .append('&');
            }
        });
        return link.append("$skiptoken=")
                .append(PercentEncoding.encode(cookie, PercentEncoding.COOKIE_SAFE, false))
                .toString();
    }
}
