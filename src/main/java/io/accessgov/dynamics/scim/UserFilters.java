package io.accessgov.dynamics.scim;

import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.accessgov.dynamics.account.AccountFilter;
import io.accessgov.dynamics.account.AccountStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ValueNode;

/**
 * The SCIM filters {@code GET /Users} understands (docs/scim.md), parsed by the SCIM SDK and turned into an account
 * filter that Dataverse evaluates: {@code userName eq}, {@code externalId eq}, {@code displayName co},
 * {@code active eq}, joined by {@code and}. Anything else is refused with {@code 400 invalidFilter} before Dataverse
 * is asked.
 */
final class UserFilters {

    private UserFilters() {}

    /**
     * What a filter asks for.
     *
     * @param filter the account filter; every account when the SCIM filter was absent
     * @param matchesNothing true when no account can match (an {@code externalId} that is no GUID): nothing is read
     */
    record Criteria(AccountFilter filter, boolean matchesNothing) {}

    /** @param text the {@code filter} parameter, or null when there is none */
    static Criteria parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new Criteria(AccountFilter.none(), false);
        }
        Map<String, ValueNode> terms = new HashMap<>();
        collect(FilterTerms.parse(text), terms);
        String userName = text(terms, "username");
        String displayName = text(terms, "displayname");
        String externalId = text(terms, "externalid");
        Boolean active = bool(terms);
        UUID entraObjectId = null;
        if (externalId != null) {
            entraObjectId = FilterTerms.guidOrNull(externalId);
            if (entraObjectId == null) {
                return new Criteria(AccountFilter.none(), true); // externalId is the Entra object id: a GUID
            }
        }
        AccountStatus status = active == null ? null : active ? AccountStatus.ENABLED : AccountStatus.DISABLED;
        return new Criteria(new AccountFilter(status, null, null, userName, entraObjectId, displayName), false);
    }

    private static void collect(Filter filter, Map<String, ValueNode> terms) {
        if (filter.getFilterType() == FilterType.AND) {
            for (Filter part : filter.getCombinedFilters()) {
                collect(part, terms);
            }
            return;
        }
        String attribute = FilterTerms.attribute(filter, ScimSchemas.USER);
        FilterType expected =
                switch (attribute) {
                    case "username", "externalid", "active" -> FilterType.EQUAL;
                    case "displayname" -> FilterType.CONTAINS;
                    default ->
                        throw ScimRefusal.invalidFilter("Users can be filtered by userName eq, externalId eq,"
                                + " displayName co and active eq, joined by and; not by '"
                                + filter.getAttributePath() + "'.");
                };
        if (filter.getFilterType() != expected) {
            throw ScimRefusal.invalidFilter(
                    "'" + filter.getAttributePath() + "' can be filtered with " + expected.getStringValue()
                            + " only; use userName eq, externalId eq, displayName co or active eq.");
        }
        if (terms.put(attribute, filter.getComparisonValue()) != null) {
            throw ScimRefusal.invalidFilter("Name '" + filter.getAttributePath() + "' once only in a filter.");
        }
    }

    private static @Nullable String text(Map<String, ValueNode> terms, String attribute) {
        ValueNode value = terms.get(attribute);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw ScimRefusal.invalidFilter("Compare '" + attribute + "' with a string in double quotes.");
        }
        return value.asString();
    }

    private static @Nullable Boolean bool(Map<String, ValueNode> terms) {
        ValueNode value = terms.get("active");
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ScimRefusal.invalidFilter("Compare 'active' with true or false.");
        }
        return value.booleanValue();
    }
}
