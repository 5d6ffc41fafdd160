package io.accessgov.dynamics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CursorPagesTest {

    private static final CursorPages.Order<String> UP = CursorPages.Order.ascending("letters", letter -> letter);
    private static final CursorPages.Order<String> DOWN = CursorPages.Order.descending("letters", letter -> letter);
    private static final String FILTERS = PageTokens.fingerprint("some", "filter");

    private final CursorPages pages = new CursorPages(PageTokens.withRandomKey());

    @Test
    void pagesAListInItsOrderWhateverOrderItIsReadIn() {
        List<String> read = List.of("d", "a", "e", "c", "b");

        assertThat(all(UP, 2, () -> read)).containsExactly("a", "b", "c", "d", "e");
        assertThat(all(DOWN, 2, () -> read)).containsExactly("e", "d", "c", "b", "a");
    }

    @Test
    void theLastPageHasNoTokenEvenWhenItIsFull() {
        Page<String> first = pages.page(UP, FILTERS, 2, null, () -> List.of("a", "b", "c", "d"));
        Page<String> last = pages.page(UP, FILTERS, null, first.nextPageToken(), () -> List.of("a", "b", "c", "d"));

        assertThat(first.items()).containsExactly("a", "b");
        assertThat(last.items()).containsExactly("c", "d");
        assertThat(last.nextPageToken()).isNull();
    }

    @Test
    void withoutAPageSizeAPageHoldsTheDefault() {
        List<String> many =
                IntStream.range(0, 250).mapToObj(i -> String.format("%03d", i)).toList();

        Page<String> first = pages.page(UP, FILTERS, null, null, () -> many);

        assertThat(first.items()).hasSize(Page.DEFAULT_SIZE);
        assertThat(first.nextPageToken()).isNotNull();
    }

    @Test
    void anItemAddedOrRemovedBetweenPagesNeitherRepeatsNorHidesAnother() {
        List<String> list = new ArrayList<>(List.of("a", "b", "c", "d", "e"));
        Page<String> first = pages.page(UP, FILTERS, 2, null, () -> list);
        list.remove("b"); // the last item of the first page goes
        list.add("aa"); // and one appears before the cursor

        Page<String> second = pages.page(UP, FILTERS, null, first.nextPageToken(), () -> list);

        assertThat(first.items()).containsExactly("a", "b");
        assertThat(second.items()).containsExactly("c", "d");
    }

    @Test
    void aTokenOfAnotherListOtherFiltersOrAnotherPageSizeIsRefusedBeforeTheListIsRead() {
        String token =
                pages.page(UP, FILTERS, 2, null, () -> List.of("a", "b", "c")).nextPageToken();
        AtomicInteger reads = new AtomicInteger();
        Supplier<List<String>> counted = () -> {
            reads.incrementAndGet();
            return List.of("a", "b", "c");
        };
        CursorPages.Order<String> otherList = CursorPages.Order.ascending("numbers", letter -> letter);

        assertThatThrownBy(() -> pages.page(otherList, FILTERS, null, token, counted))
                .isInstanceOf(InvalidPageToken.class);
        assertThatThrownBy(() -> pages.page(UP, PageTokens.fingerprint("other"), null, token, counted))
                .isInstanceOf(InvalidPageToken.class);
        assertThatThrownBy(() -> pages.page(UP, FILTERS, 3, token, counted)).isInstanceOf(InvalidPageToken.class);
        assertThatThrownBy(() -> new CursorPages(PageTokens.withRandomKey()).page(UP, FILTERS, null, token, counted))
                .isInstanceOf(InvalidPageToken.class);
        assertThat(reads).hasValue(0);
    }

    @Test
    void aListReadByIdReadsForEachPageOnlyTheIdsThatPageNeeds() {
        List<UUID> ids = IntStream.range(0, 10).mapToObj(CursorPagesTest::id).toList();
        CursorPages.Order<UUID> byId = CursorPages.Order.ascending("ids", UUID::toString);
        List<List<UUID>> batches = new ArrayList<>();
        CursorPages.Slice<UUID> slice =
                (after, wanted) -> CursorPages.firstByIdAfter(shuffled(ids), after, wanted, 1, batch -> {
                    batches.add(batch);
                    return batch;
                });

        List<UUID> read = new ArrayList<>();
        Page<UUID> page = pages.pageOf(byId, FILTERS, 3, null, slice);
        read.addAll(page.items());
        while (page.nextPageToken() != null) {
            page = pages.pageOf(byId, FILTERS, null, page.nextPageToken(), slice);
            read.addAll(page.items());
        }

        assertThat(read).containsExactlyElementsOf(ids);
        // each page reads its three ids and one more, which tells whether another page follows
        assertThat(batches)
                .containsExactly(ids.subList(0, 4), ids.subList(3, 7), ids.subList(6, 10), ids.subList(9, 10));
    }

    @Test
    void idsWhoseItemsAreMissingAreMadeUpForByReadingOnInBatchesOfTheMinimum() {
        List<UUID> ids = IntStream.range(0, 20).mapToObj(CursorPagesTest::id).toList();
        Set<UUID> hidden = Set.of(ids.get(1), ids.get(2), ids.get(7));
        List<Integer> batchSizes = new ArrayList<>();

        List<UUID> found = CursorPages.firstByIdAfter(ids, ids.get(0).toString(), 4, 3, batch -> {
            batchSizes.add(batch.size());
            return batch.stream().filter(each -> !hidden.contains(each)).toList();
        });

        // ids 1–4 find two items; ids 5–7 find two more: the first four after the cursor, with no gap
        assertThat(found).containsExactly(ids.get(3), ids.get(4), ids.get(5), ids.get(6));
        assertThat(batchSizes).containsExactly(4, 3);
    }

    private static UUID id(int i) {
        return UUID.fromString(String.format("00000000-0000-0000-0000-%012d", i));
    }

    private static List<UUID> shuffled(List<UUID> ids) {
        List<UUID> copy = new ArrayList<>(ids);
        Collections.shuffle(copy, new Random(7));
        return copy;
    }

    private List<String> all(CursorPages.Order<String> order, int size, Supplier<List<String>> list) {
        List<String> items = new ArrayList<>();
        Page<String> page = pages.page(order, FILTERS, size, null, list);
        items.addAll(page.items());
        while (page.nextPageToken() != null) {
            page = pages.page(order, FILTERS, null, page.nextPageToken(), list);
            assertThat(page.items()).isNotEmpty();
            items.addAll(page.items());
        }
        return items;
    }
}
