package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.accessgov.dynamics.dataverse.TeamQuery;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ValueNode;

/**
 * The SCIM filters {@code GET /Groups} understands (docs/scim.md): {@code displayName eq} and {@code externalId eq},
 * joined by {@code and}, evaluated by Dataverse. Anything else is {@code 400 invalidFilter} before Dataverse is asked.
 */
final class GroupFilters {

    private GroupFilters() {}

    /**
     * What a filter asks for.
     *
     * @param matchesNothing true when no team can match (an {@code externalId} that is no GUID): nothing is read
     */
    record Criteria(TeamQuery query, boolean matchesNothing) {}

    static Criteria parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new Criteria(new TeamQuery(null, null), false);
        }
        Map<String, String> terms = new HashMap<>();
        collect(FilterTerms.parse(text), terms);
        UUID entraObjectId = null;
        if (terms.containsKey("externalid")) {
            entraObjectId = FilterTerms.guidOrNull(terms.get("externalid"));
            if (entraObjectId == null) {
                return new Criteria(new TeamQuery(null, null), true); // externalId is an Entra group's object id
            }
        }
        return new Criteria(new TeamQuery(null, null, terms.get("displayname"), entraObjectId), false);
    }

    private static void collect(Filter filter, Map<String, String> terms) {
        if (filter.getFilterType() == FilterType.AND) {
            for (Filter part : filter.getCombinedFilters()) {
                collect(part, terms);
            }
            return;
        }
        String attribute = FilterTerms.attribute(filter, ScimSchemas.GROUP);
        if (!attribute.equals("displayname") && !attribute.equals("externalid")
                || filter.getFilterType() != FilterType.EQUAL) {
            throw ScimRefusal.invalidFilter("Groups can be filtered by displayName eq and externalId eq, joined by"
                    + " and; not by '" + filter + "'.");
        }
        ValueNode value = filter.getComparisonValue();
        if (value == null || !value.isString()) {
            throw ScimRefusal.invalidFilter(
                    "Compare '" + filter.getAttributePath() + "' with a string in double quotes.");
        }
        if (terms.put(attribute, value.asString()) != null) {
            throw ScimRefusal.invalidFilter("Name '" + filter.getAttributePath() + "' once only in a filter.");
        }
    }
}
