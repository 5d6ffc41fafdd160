package io.accessgov.dynamics.dataverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Applying a table's pages on a thread of their own while the next page is read. */
@Timeout(30)
class HandOffTest {

    @Test
    void everyPageIsAppliedInOrderByTheTimeTheReadFinishes() throws InterruptedException {
        List<Integer> applied = new CopyOnWriteArrayList<>();
        try (HandOff<List<Integer>> ahead = new HandOff<>("test-apply", HandOff.PAGES_AHEAD, applied::addAll)) {
            for (int page = 0; page < 100; page++) {
                ahead.accept(List.of(2 * page, 2 * page + 1));
            }
            ahead.finish();
        }
        assertThat(applied).hasSize(200).isSorted();
    }

    @Test
    void theReaderGoesOnWhileAPageIsApplied() throws InterruptedException {
        CountDownLatch applying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> applied = new CopyOnWriteArrayList<>();
        try (HandOff<List<String>> ahead = new HandOff<>("test-apply", HandOff.PAGES_AHEAD, page -> {
            applying.countDown();
            await(release);
            applied.addAll(page);
        })) {
            ahead.accept(List.of("first"));
            assertThat(applying.await(5, TimeUnit.SECONDS)).isTrue();
            // the consumer is still on the first page: the next ones are taken without waiting for it
            ahead.accept(List.of("second"));
            ahead.accept(List.of("third"));
            assertThat(applied).isEmpty();
            release.countDown();
            ahead.finish();
        }
        assertThat(applied).containsExactly("first", "second", "third");
    }

    @Test
    void aConsumerThatFailsStopsTheReadAtItsNextPage() {
        AtomicInteger pagesSeen = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("the disk is full");
        try (HandOff<List<Integer>> ahead = new HandOff<>("test-apply", HandOff.PAGES_AHEAD, page -> {
            pagesSeen.incrementAndGet();
            throw failure;
        })) {
            assertThatThrownBy(() -> {
                        for (int page = 0; page < 1_000; page++) {
                            ahead.accept(List.of(page));
                            Thread.sleep(1);
                        }
                    })
                    .isSameAs(failure);
            assertThatThrownBy(ahead::finish).isSameAs(failure);
        }
        assertThat(pagesSeen).hasValue(1);
    }

    @Test
    void finishingThrowsAFailureOnTheLastPage() {
        IllegalStateException failure = new IllegalStateException("a row cannot be kept");
        try (HandOff<List<Integer>> ahead = new HandOff<>("test-apply", HandOff.PAGES_AHEAD, page -> {
            if (page.contains(3)) {
                throw failure;
            }
        })) {
            ahead.accept(List.of(1));
            ahead.accept(List.of(2));
            ahead.accept(List.of(3));
            assertThatThrownBy(ahead::finish).isSameAs(failure);
        }
    }

    @Test
    void closingStopsTheConsumerAndReturnsOnlyOnceItHasEnded() throws InterruptedException {
        CountDownLatch applying = new CountDownLatch(1);
        AtomicBoolean stillApplying = new AtomicBoolean();
        AtomicInteger pagesApplied = new AtomicInteger();
        HandOff<List<Integer>> ahead = new HandOff<>("test-apply", HandOff.PAGES_AHEAD, page -> {
            stillApplying.set(true);
            applying.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // stopped while applying: the page is dropped, as a failed read drops everything
            }
            pagesApplied.incrementAndGet();
            stillApplying.set(false);
        });
        ahead.accept(List.of(1));
        ahead.accept(List.of(2));
        assertThat(applying.await(5, TimeUnit.SECONDS)).isTrue();

        ahead.close();

        assertThat(stillApplying).isFalse();
        assertThat(pagesApplied).hasValue(1); // the page it was on, not the one waiting
    }

    @Test
    void nothingCanBeHandedOverOrFinishedOnceClosed() {
        List<Integer> applied = new CopyOnWriteArrayList<>();
        HandOff<List<Integer>> ahead = new HandOff<>("test-apply", HandOff.PAGES_AHEAD, applied::addAll);
        ahead.close();

        assertThatThrownBy(() -> ahead.accept(List.of(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(ahead::finish).isInstanceOf(IllegalStateException.class);
        assertThat(applied).isEmpty();
    }

    @Test
    void severalReadersHandingOverAtOnceLoseNothing() throws Exception {
        List<Integer> applied = new CopyOnWriteArrayList<>();
        try (HandOff<List<Integer>> ahead = new HandOff<>("test-apply", HandOff.PAGES_AHEAD, applied::addAll)) {
            Thread[] readers = new Thread[4];
            for (int r = 0; r < readers.length; r++) {
                int reader = r;
                readers[r] = new Thread(() -> {
                    for (int page = 0; page < 250; page++) {
                        ahead.accept(List.of(reader * 1_000 + page));
                    }
                });
                readers[r].start();
            }
            for (Thread reader : readers) {
                reader.join();
            }
            ahead.finish();
        }
        assertThat(applied).hasSize(1_000).doesNotHaveDuplicates();
        for (int reader = 0; reader < 4; reader++) {
            int from = reader * 1_000;
            assertThat(applied.stream().filter(page -> page >= from && page < from + 1_000))
                    .as("one reader's pages keep their order")
                    .isSorted();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
