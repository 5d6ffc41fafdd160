package io.accessgov.dynamics.businessunit;

import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.web.InvalidPageToken;
import io.accessgov.dynamics.web.Page;
import io.accessgov.dynamics.web.PageTokens;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads business units (docs/api.md §4). An environment has at most a few hundred, which Dataverse answers in one
 * read; the service pages them itself, in id order, with a cursor that names the last id of the previous page, so
 * a unit added or removed between pages neither repeats nor hides another.
 */
@Service
class BusinessUnitService {

    static final String LIST_KIND = "business-units";
    static final int DEFAULT_PAGE_SIZE = 100;

    private static final Comparator<String> ID_ORDER = Comparator.naturalOrder();
    private static final String NO_FILTERS = PageTokens.fingerprint();

    private final DataverseClient dataverse;
    private final PageTokens pageTokens;

    BusinessUnitService(DataverseClient dataverse, PageTokens pageTokens) {
        this.dataverse = dataverse;
        this.pageTokens = pageTokens;
    }

    /**
     * One page of the business units, in order of their ids.
     *
     * @param pageSize 1–1000; null means the default, or the token's page size when paging on
     * @param pageToken the previous page's {@code nextPageToken}, or null for the first page
     * @throws InvalidPageToken when the token is not valid for this list; nothing is read then
     */
    Page<BusinessUnitView> list(@Nullable Integer pageSize, @Nullable String pageToken) {
        String after = null;
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        if (pageToken != null) {
            PageTokens.Cursor cursor = pageTokens.redeemCursor(pageToken, LIST_KIND, NO_FILTERS, pageSize);
            after = cursor.after();
            size = cursor.pageSize();
        }

        String start = after;
        List<BusinessUnitView> rest = dataverse.businessUnits().stream()
                .map(BusinessUnitView::of)
                .filter(unit -> start == null || ID_ORDER.compare(key(unit), start) > 0)
                .sorted(Comparator.comparing(BusinessUnitService::key, ID_ORDER))
                .toList();
        if (rest.size() <= size) {
            return new Page<>(rest, null);
        }
        List<BusinessUnitView> page = rest.subList(0, size);
        return new Page<>(page, pageTokens.issueCursor(LIST_KIND, NO_FILTERS, key(page.get(size - 1)), size));
    }

    /**
     * The business unit with this id.
     *
     * @throws BusinessUnitNotFound when Dataverse has no such business unit
     */
    BusinessUnitView get(UUID id) {
        return dataverse.findBusinessUnit(id).map(BusinessUnitView::of).orElseThrow(() -> new BusinessUnitNotFound(id));
    }

    /** The position of a unit in the list: its id as the API writes it (lower-case). */
    private static String key(BusinessUnitView unit) {
        return unit.id().toString();
    }
}
