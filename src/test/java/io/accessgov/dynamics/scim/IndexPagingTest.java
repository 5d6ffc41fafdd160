package io.accessgov.dynamics.scim;

import static org.assertj.core.api.Assertions.assertThat;

import io.accessgov.dynamics.web.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** SCIM positions over cursor pages: a list of 25 items behind a cursor that pages by the size asked for. */
class IndexPagingTest {

    private final List<Integer> items = IntStream.rangeClosed(1, 25).boxed().toList();
    private final List<String> reads = new ArrayList<>();
    private final IndexPaging paging = new IndexPaging(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    /** Tokens are "start:size", like an opaque cursor that remembers its page size. */
    private Page<Integer> page(@Nullable Integer pageSize, @Nullable String token) {
        int start = token == null ? 0 : Integer.parseInt(token.split(":")[0]);
        int size = token == null ? pageSize : Integer.parseInt(token.split(":")[1]);
        reads.add(start + ":" + size);
        int end = Math.min(items.size(), start + size);
        return new Page<>(items.subList(start, end), end < items.size() ? end + ":" + size : null);
    }

    @Test
    void pagingInOrderCostsOneReadPerPageOnceTheTotalIsKnown() {
        IndexPaging.IndexedPage<Integer> first = paging.page("list", 1, 10, this::page);
        reads.clear();
        IndexPaging.IndexedPage<Integer> second = paging.page("list", 11, 10, this::page);
        IndexPaging.IndexedPage<Integer> third = paging.page("list", 21, 10, this::page);

        assertThat(first.items()).containsExactlyElementsOf(items.subList(0, 10));
        assertThat(first.totalResults()).isEqualTo(25);
        assertThat(second.items()).containsExactlyElementsOf(items.subList(10, 20));
        assertThat(third.items()).containsExactlyElementsOf(items.subList(20, 25));
        assertThat(third.totalResults()).isEqualTo(25);
        assertThat(reads).containsExactly("10:10", "20:10");
    }

    @Test
    void anUnalignedStartIndexReadsThePagesBeforeIt() {
        IndexPaging.IndexedPage<Integer> page = paging.page("list", 8, 5, this::page);

        assertThat(page.items()).containsExactly(8, 9, 10, 11, 12);
        assertThat(page.startIndex()).isEqualTo(8);
        assertThat(page.totalResults()).isEqualTo(25);
    }

    @Test
    void countZeroAnswersTheTotalOnly() {
        IndexPaging.IndexedPage<Integer> page = paging.page("list", 1, 0, this::page);

        assertThat(page.items()).isEmpty();
        assertThat(page.totalResults()).isEqualTo(25);
    }

    @Test
    void aStartIndexPastTheEndIsAnEmptyPageWithTheTotal() {
        IndexPaging.IndexedPage<Integer> page = paging.page("list", 40, 10, this::page);

        assertThat(page.items()).isEmpty();
        assertThat(page.totalResults()).isEqualTo(25);
    }

    @Test
    void startIndexAndCountFollowTheRfc() {
        assertThat(ListParameters.of(null, null)).isEqualTo(new ListParameters(1, 100));
        assertThat(ListParameters.of("0", "-3")).isEqualTo(new ListParameters(1, 0));
        assertThat(ListParameters.of("5", "5000")).isEqualTo(new ListParameters(5, 1000));
    }
}
