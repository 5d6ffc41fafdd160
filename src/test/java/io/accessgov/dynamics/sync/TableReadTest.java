package io.accessgov.dynamics.sync;

import static io.accessgov.dynamics.dataverse.DataverseTable.TEAM_MEMBERSHIPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.accessgov.dynamics.dataverse.DataverseClient;
import io.accessgov.dynamics.dataverse.DataverseRejectedRequest;
import io.accessgov.dynamics.dataverse.DataverseUnavailable;
import io.accessgov.dynamics.dataverse.ReadObserver;
import io.accessgov.dynamics.dataverse.TablePart;
import io.accessgov.dynamics.dataverse.TeamMembership;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading one table in key-range parts at once: every row once, one page at a time, and a safe fallback. */
@Timeout(30)
class TableReadTest {

    private static final int ROWS = 1_000;
    private static final int PAGE_SIZE = 25;

    private static final ReadObserver NO_OBSERVER = new ReadObserver() {
        @Override
        public void exchanged() {}

        @Override
        public void throttled(Duration waited) {}
    };

    private final List<TeamMembership> table = memberships();
    private final DataverseClient dataverse = mock(DataverseClient.class);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void shutDown() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private static List<TeamMembership> memberships() {
        Random random = new Random(42);
        List<TeamMembership> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(new TeamMembership(
                    new UUID(random.nextLong(), random.nextLong()), new UUID(random.nextLong(), random.nextLong())));
        }
        return List.copyOf(rows);
    }

    /** The rows of one part: the table's rows whose index modulo the count is the part's index. */
    private List<TeamMembership> rowsOf(TablePart part) {
        List<TeamMembership> rows = new ArrayList<>();
        for (int i = part.index(); i < table.size(); i += part.count()) {
            rows.add(table.get(i));
        }
        return rows;
    }

    private static void deliver(List<TeamMembership> rows, Consumer<List<TeamMembership>> pages) {
        for (int from = 0; from < rows.size(); from += PAGE_SIZE) {
            pages.accept(List.copyOf(rows.subList(from, Math.min(rows.size(), from + PAGE_SIZE))));
        }
    }

    /** What a part read does, given its part and the consumer it must hand pages to. */
    private interface PartRead {
        void read(TablePart part, Consumer<List<TeamMembership>> pages) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private void partsRead(PartRead read) {
        doAnswer(call -> {
                    read.read(call.getArgument(1), (Consumer<List<TeamMembership>>) call.getArgument(2));
                    return null;
                })
                .when(dataverse)
                .readAll(eq(TEAM_MEMBERSHIPS), any(TablePart.class), any(), any());
    }

    @SuppressWarnings("unchecked")
    private void wholeTableRead() {
        doAnswer(call -> {
                    deliver(table, (Consumer<List<TeamMembership>>) call.getArgument(1));
                    return null;
                })
                .when(dataverse)
                .readAll(eq(TEAM_MEMBERSHIPS), any(Consumer.class), any(ReadObserver.class));
    }

    /** A consumer collecting rows that fails the test if two threads are ever inside it at once. */
    private static final class Collector implements Consumer<List<TeamMembership>> {
        final List<TeamMembership> rows = Collections.synchronizedList(new ArrayList<>());
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();

        @Override
        public void accept(List<TeamMembership> page) {
            int now = inside.incrementAndGet();
            mostInside.accumulateAndGet(now, Math::max);
            try {
                threads.add(Thread.currentThread().getName());
                rows.addAll(page);
                Thread.sleep(1); // linger, so that an overlapping call would be seen
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    @Test
    void fourPartsDeliverEveryRowOnceOnePageAtATime() throws Exception {
        CyclicBarrier allStarted = new CyclicBarrier(4);
        partsRead((part, pages) -> {
            assertThat(part.count()).isEqualTo(4);
            allStarted.await(10, TimeUnit.SECONDS); // the four parts run at the same time
            deliver(rowsOf(part), pages);
        });
        Collector collector = new Collector();

        new TableRead<>(dataverse, TEAM_MEMBERSHIPS, 4, threads).run(collector, NO_OBSERVER);

        assertThat(collector.rows).hasSize(ROWS).containsExactlyInAnyOrderElementsOf(table);
        assertThat(collector.mostInside).hasValue(1);
        assertThat(collector.threads).as("threads that delivered pages").hasSizeGreaterThan(1);
        for (int index = 0; index < 4; index++) {
            verify(dataverse).readAll(eq(TEAM_MEMBERSHIPS), eq(new TablePart(index, 4)), any(), same(NO_OBSERVER));
        }
        verify(dataverse, never()).readAll(eq(TEAM_MEMBERSHIPS), any(Consumer.class), any(ReadObserver.class));
    }

    @Test
    void onePartReadsTheWholeTableAsOneChain() throws Exception {
        wholeTableRead();
        Collector collector = new Collector();

        new TableRead<>(dataverse, TEAM_MEMBERSHIPS, 1, threads).run(collector, NO_OBSERVER);

        assertThat(collector.rows).containsExactlyElementsOf(table);
        verify(dataverse).readAll(eq(TEAM_MEMBERSHIPS), same(collector), same(NO_OBSERVER));
        verify(dataverse, never()).readAll(any(), any(TablePart.class), any(), any());
    }

    @Test
    void aPartCountThatIsNotAPowerOfTwoIsRefused() {
        assertThatThrownBy(() -> new TableRead<>(dataverse, TEAM_MEMBERSHIPS, 3, threads))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableRead<>(dataverse, TEAM_MEMBERSHIPS, 32, threads))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenDataverseRefusesKeyRangesBeforeAnyPageTheTableIsReadAsOneChain() throws Exception {
        partsRead((part, pages) -> {
            throw new DataverseRejectedRequest("The operator 'lt' is not supported", "0x80060888", null);
        });
        wholeTableRead();
        Collector collector = new Collector();

        new TableRead<>(dataverse, TEAM_MEMBERSHIPS, 4, threads).run(collector, NO_OBSERVER);

        assertThat(collector.rows).containsExactlyElementsOf(table);
        verify(dataverse, times(1)).readAll(eq(TEAM_MEMBERSHIPS), same(collector), same(NO_OBSERVER));
    }

    @Test
    void aRefusalAfterAPageWasDeliveredFailsTheReadWithoutReadingAgain() throws Exception {
        DataverseRejectedRequest refused =
                new DataverseRejectedRequest("The operator 'lt' is not supported", "0x80060888", null);
        CountDownLatch firstPageDelivered = new CountDownLatch(1);
        partsRead((part, pages) -> {
            if (part.index() == 2) {
                assertThat(firstPageDelivered.await(10, TimeUnit.SECONDS)).isTrue();
                throw refused;
            }
            List<TeamMembership> rows = rowsOf(part);
            if (part.index() == 1) {
                pages.accept(rows.subList(0, PAGE_SIZE));
                firstPageDelivered.countDown();
                deliver(rows.subList(PAGE_SIZE, rows.size()), pages);
            } else {
                deliver(rows, pages);
            }
        });
        wholeTableRead();
        Collector collector = new Collector();

        assertThatThrownBy(() -> new TableRead<>(dataverse, TEAM_MEMBERSHIPS, 4, threads).run(collector, NO_OBSERVER))
                .isSameAs(refused);

        verify(dataverse, never()).readAll(eq(TEAM_MEMBERSHIPS), any(Consumer.class), any(ReadObserver.class));
        assertThat(collector.rows).doesNotHaveDuplicates();
        assertThat(collector.mostInside).hasValue(1);
    }

    /** A part that fails with something other than a refusal, on the calling thread (0) or on a pool thread. */
    @ParameterizedTest(name = "part {0} fails")
    @ValueSource(ints = {0, 3})
    void anotherFailureFailsTheReadAndStopsTheOtherParts(int failing) throws Exception {
        DataverseUnavailable unavailable =
                new DataverseUnavailable("Dataverse kept answering 503", null, null, "req-1");
        CountDownLatch othersDelivering = new CountDownLatch(3);
        Map<Integer, Throwable> endedBy = new ConcurrentHashMap<>();
        partsRead((part, pages) -> {
            if (part.index() == failing) {
                assertThat(othersDelivering.await(10, TimeUnit.SECONDS)).isTrue();
                throw unavailable;
            }
            // an endless part: it can only end early because the consumer refuses a page
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean counted = false;
            while (System.nanoTime() < deadline) {
                try {
                    pages.accept(List.of(table.get(part.index())));
                } catch (RuntimeException e) {
                    endedBy.put(part.index(), e);
                    throw e;
                }
                if (!counted) {
                    othersDelivering.countDown();
                    counted = true;
                }
                Thread.sleep(1);
            }
        });
        wholeTableRead();
        Collector collector = new Collector();

        assertThatThrownBy(() -> new TableRead<>(dataverse, TEAM_MEMBERSHIPS, 4, threads).run(collector, NO_OBSERVER))
                .isSameAs(unavailable);

        assertThat(endedBy)
                .as("parts ended by a refused page")
                .containsOnlyKeys(IntStream.range(0, 4)
                        .filter(index -> index != failing)
                        .boxed()
                        .toList());
        verify(dataverse, never()).readAll(eq(TEAM_MEMBERSHIPS), any(Consumer.class), any(ReadObserver.class));
    }
}
