package io.accessgov.dynamics.businessunit;

import io.accessgov.dynamics.environment.Environment;
import io.accessgov.dynamics.web.CursorPages;
import io.accessgov.dynamics.web.InvalidPageToken;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads business units (docs/api.md §4). An environment has at most a few hundred, which Dataverse answers in one
 * read; the service pages them itself ({@link CursorPages}), in id order.
 */
@Service
class BusinessUnitService {

    /** In order of their ids as the API writes them (lower-case). */
    private static final CursorPages.Order<BusinessUnitView> ORDER =
            CursorPages.Order.ascending("business-units", unit -> unit.id().toString());

    private static final String NO_FILTERS = PageTokens.fingerprint();

    private final CursorPages pages;

    BusinessUnitService(PageTokens pageTokens) {
        this.pages = new CursorPages(pageTokens);
    }

    /**
     * One page of the business units, in order of their ids.
     *
     * @param pageSize 1–1000; null means the default, or the token's page size when paging on
     * @param pageToken the previous page's {@code nextPageToken}, or null for the first page
     * @throws InvalidPageToken when the token is not valid for this list; nothing is read then
     */
    Page<BusinessUnitView> list(Environment environment, @Nullable Integer pageSize, @Nullable String pageToken) {
        return pages.page(
                ORDER.in(environment.name()),
                NO_FILTERS,
                pageSize,
                pageToken,
                () -> environment.dataverse().businessUnits().stream()
                        .map(BusinessUnitView::of)
                        .toList());
    }

    /**
     * The business unit with this id.
     *
     * @throws BusinessUnitNotFound when Dataverse has no such business unit
     */
    BusinessUnitView get(Environment environment, UUID id) {
        return environment
                .dataverse()
                .findBusinessUnit(id)
                .map(BusinessUnitView::of)
                .orElseThrow(() -> new BusinessUnitNotFound(id));
    }
}
