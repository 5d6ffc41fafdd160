package io.accessgov.dynamics.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Pages a list in a fixed order, with a sealed cursor that names the last item of the previous page (docs/api.md §2):
 * an item added or removed between two pages neither repeats nor hides another. Lists are read whole (business
 * units, grants, syncs), from the cursor on, or only as far as one page needs ({@link Slice}). The page token is
 * checked before the list is read, so a bad token costs no read. Safe for concurrent use.
 */
public final class CursorPages {

    private final PageTokens tokens;

    public CursorPages(PageTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * How a list is ordered: the list's name in its page tokens, and each item's position as a text key, unique per
     * item, whose order (ascending or descending) is the list's.
     */
    public record Order<T>(String kind, Function<? super T, String> key, Comparator<String> keys) {

        /** Items in the ascending order of their keys. */
        public static <T> Order<T> ascending(String kind, Function<? super T, String> key) {
            return new Order<>(kind, key, Comparator.naturalOrder());
        }

        /** The same order of the same list in one environment: its tokens are refused in any other. */
        public Order<T> in(String environment) {
            return new Order<>(PageTokens.kind(kind, environment), key, keys);
        }

        /** Items in the descending order of their keys. */
        public static <T> Order<T> descending(String kind, Function<? super T, String> key) {
            return new Order<>(kind, key, Comparator.reverseOrder());
        }
    }

    /**
     * One page of the list.
     *
     * @param fingerprint the list's filters ({@link PageTokens#fingerprint}): a token of other filters is refused
     * @param pageSize 1–1000; null means {@link Page#DEFAULT_SIZE}, or the token's page size when paging on
     * @param pageToken the previous page's {@code nextPageToken}, or null for the first page
     * @param items reads the whole list, in any order; called only once the token is found valid
     * @throws InvalidPageToken when the token is not valid for this list, these filters and this page size
     */
    public <T> Page<T> page(
            Order<T> order,
            String fingerprint,
            @Nullable Integer pageSize,
            @Nullable String pageToken,
            Supplier<? extends Collection<? extends T>> items) {
        return pageAfter(order, fingerprint, pageSize, pageToken, after -> items.get(), UnaryOperator.identity());
    }

    /**
     * {@link #page}, for a list that can skip reading what lies before the cursor: {@code itemsFrom} gets the key of
     * the previous page's last item (null on the first page) and reads at least every item after it, in any order;
     * items at or before it may be included and are left out here. {@code cursorOf} turns the last key of a page into
     * the cursor its token carries: the key itself, or the key with a suffix that starts with a character below every
     * character keys use (so the cursor still sorts after its item and before the next), for what the list must
     * remember from page to page; {@code itemsFrom} then gets that cursor back.
     */
    public <T> Page<T> pageAfter(
            Order<T> order,
            String fingerprint,
            @Nullable Integer pageSize,
            @Nullable String pageToken,
            Function<@Nullable String, ? extends Collection<? extends T>> itemsFrom,
            UnaryOperator<String> cursorOf) {
        return pageOf(order, fingerprint, pageSize, pageToken, (after, wanted) -> itemsFrom.apply(after), cursorOf);
    }

    /**
     * Reads part of a list in order: what a page needs, so that a long answer costs each page in proportion to the
     * page rather than to the whole list.
     */
    @FunctionalInterface
    public interface Slice<T> {

        /**
         * At least the first {@code wanted} items after {@code after} (null: from the start) in the list's order,
         * or every item after it when there are fewer; in any order. Items at or before {@code after} and items
         * beyond the first {@code wanted} may be included and are left out (a later page reads them again).
         */
        Collection<? extends T> read(@Nullable String after, int wanted);
    }

    /**
     * {@link #page}, for a list that can read only what one page needs: {@code slice} gets the key of the previous
     * page's last item and how many items it must read beyond it (the page size and one more, which tells whether a
     * next page exists).
     */
    public <T> Page<T> pageOf(
            Order<T> order,
            String fingerprint,
            @Nullable Integer pageSize,
            @Nullable String pageToken,
            Slice<T> slice) {
        return pageOf(order, fingerprint, pageSize, pageToken, slice, UnaryOperator.identity());
    }

    private <T> Page<T> pageOf(
            Order<T> order,
            String fingerprint,
            @Nullable Integer pageSize,
            @Nullable String pageToken,
            Slice<T> slice,
            UnaryOperator<String> cursorOf) {
        String after = null;
        int size = pageSize == null ? Page.DEFAULT_SIZE : pageSize;
        if (pageToken != null) {
            PageTokens.Cursor cursor = tokens.redeemCursor(pageToken, order.kind(), fingerprint, pageSize);
            after = cursor.after();
            size = cursor.pageSize();
        }
        List<Map.Entry<String, T>> rest = new ArrayList<>();
        for (T item : slice.read(after, size + 1)) {
            String key = order.key().apply(item);
            if (after == null || order.keys().compare(key, after) > 0) {
                rest.add(Map.entry(key, item));
            }
        }
        rest.sort(Map.Entry.comparingByKey(order.keys()));
        if (rest.size() <= size) {
            return new Page<>(rest.stream().map(Map.Entry::getValue).toList(), null);
        }
        List<Map.Entry<String, T>> page = rest.subList(0, size);
        String next = tokens.issueCursor(
                order.kind(), fingerprint, cursorOf.apply(page.get(size - 1).getKey()), size);
        return new Page<>(page.stream().map(Map.Entry::getValue).toList(), next);
    }

    /**
     * For a {@link Slice} of items ordered by id: reads the items of the ids after {@code after}, in batches in id
     * order, until {@code wanted} are found or the ids run out. A batch may find fewer items than ids (an id whose
     * item has gone, or is out of the caller's scope), so a shortfall is read in batches of at least
     * {@code minimumBatch} ids.
     *
     * @param read the items of some ids, in any order
     */
    public static <T> List<T> firstByIdAfter(
            Collection<UUID> ids,
            @Nullable String after,
            int wanted,
            int minimumBatch,
            Function<List<UUID>, ? extends Collection<? extends T>> read) {
        List<UUID> rest = ids.stream()
                .filter(id -> after == null || id.toString().compareTo(after) > 0)
                .sorted(Comparator.comparing(UUID::toString))
                .toList();
        List<T> found = new ArrayList<>();
        int next = 0;
        while (found.size() < wanted && next < rest.size()) {
            int batch = Math.max(wanted - found.size(), minimumBatch);
            List<UUID> ofBatch = rest.subList(next, Math.min(rest.size(), next + batch));
            next += ofBatch.size();
            found.addAll(read.apply(ofBatch));
        }
        return found;
    }
}
