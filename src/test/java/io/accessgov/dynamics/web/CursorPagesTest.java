package io.accessgov.dynamics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
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
