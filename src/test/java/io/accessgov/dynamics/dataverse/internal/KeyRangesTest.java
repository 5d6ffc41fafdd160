package io.accessgov.dynamics.dataverse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accessgov.dynamics.dataverse.TablePart;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key-range filters of a table's parts, evaluated as Dataverse would: whatever order it compares GUIDs in, every
 * key lands in exactly one part, and the parts are about equally large.
 */
class KeyRangesTest {

    private static final String KEY = "teammembershipid";
    private static final int KEYS = 50_000;

    /** Lower-case GUID string order: the 32 hex digits read left to right, i.e. unsigned msb, then unsigned lsb. */
    static final Comparator<UUID> STRING_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /**
     * SQL Server's uniqueidentifier order as usually described: the last group (12 hex digits) first, then the
     * fourth, third, second and first, each group compared as an unsigned hex number.
     */
    static final Comparator<UUID> LAST_GROUP_FIRST_ORDER =
            (a, b) -> compareBytes(a, b, new int[] {10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3});

    /**
     * SQL Server's uniqueidentifier order exactly ({@code SqlGuid.CompareTo}): as above, but the first three groups
     * are stored little-endian, so their bytes count from the right.
     */
    static final Comparator<UUID> SQL_SERVER_ORDER =
            (a, b) -> compareBytes(a, b, new int[] {10, 11, 12, 13, 14, 15, 8, 9, 7, 6, 5, 4, 3, 2, 1, 0});

    static final Map<String, Comparator<UUID>> ORDERS = Map.of(
            "GUID string order", STRING_ORDER,
            "last group first", LAST_GROUP_FIRST_ORDER,
            "SQL Server uniqueidentifier order", SQL_SERVER_ORDER);

    /** Compares the bytes of the GUIDs as written (byte 0 = first two hex digits), most significant first. */
    private static int compareBytes(UUID a, UUID b, int[] significance) {
        byte[] x = bytes(a);
        byte[] y = bytes(b);
        for (int index : significance) {
            int cmp = Integer.compare(x[index] & 0xff, y[index] & 0xff);
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    private static byte[] bytes(UUID id) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (id.getMostSignificantBits() >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (id.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return bytes;
    }

    /** Parses a rendered filter, {@code col op guid [and col op guid]...}, and evaluates it under {@code order}. */
    static Predicate<UUID> evaluate(String filter, Comparator<UUID> order) {
        Predicate<UUID> all = id -> true;
        for (String comparison : filter.split(" and ")) {
            String[] words = comparison.split(" ");
            assertThat(words).as(comparison).hasSize(3);
            assertThat(words[0]).as(comparison).isEqualTo(KEY);
            UUID bound = UUID.fromString(words[2]);
            assertThat(words[2]).as("GUID literal is lower-case").isEqualTo(bound.toString());
            Predicate<UUID> test =
                    switch (words[1]) {
                        case "lt" -> id -> order.compare(id, bound) < 0;
                        case "le" -> id -> order.compare(id, bound) <= 0;
                        case "gt" -> id -> order.compare(id, bound) > 0;
                        case "ge" -> id -> order.compare(id, bound) >= 0;
                        default -> throw new AssertionError("unexpected operator in " + comparison);
                    };
            all = all.and(test);
        }
        return all;
    }

    static List<UUID> randomKeys() {
        Random random = new Random(20_261_126L);
        List<UUID> keys = new ArrayList<>(KEYS);
        for (int i = 0; i < KEYS; i++) {
            long msb = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
            long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
            keys.add(new UUID(msb, lsb));
        }
        return keys;
    }

    static List<String> filters(int count) {
        return IntStream.range(0, count)
                .mapToObj(index ->
                        KeyRanges.filter(KEY, new TablePart(index, count)).render(column -> true))
                .toList();
    }

    @Test
    void theSqlServerOrderOfTheTestIsTheDocumentedOne() {
        List<UUID> ascending = List.of(
                UUID.fromString("01000000-0000-0000-0000-000000000000"),
                UUID.fromString("10000000-0000-0000-0000-000000000000"),
                UUID.fromString("00010000-0000-0000-0000-000000000000"),
                UUID.fromString("00000001-0000-0000-0000-000000000000"),
                UUID.fromString("00000000-0100-0000-0000-000000000000"),
                UUID.fromString("00000000-0001-0000-0000-000000000000"),
                UUID.fromString("00000000-0000-0100-0000-000000000000"),
                UUID.fromString("00000000-0000-0001-0000-000000000000"),
                UUID.fromString("00000000-0000-0000-0001-000000000000"),
                UUID.fromString("00000000-0000-0000-0100-000000000000"),
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                UUID.fromString("00000000-0000-0000-0000-010000000000"));
        List<UUID> shuffled = new ArrayList<>(ascending);
        Collections.shuffle(shuffled, new Random(1));
        shuffled.sort(SQL_SERVER_ORDER);
        assertThat(shuffled).containsExactlyElementsOf(ascending);
        assertThat(SQL_SERVER_ORDER.compare(
                        UUID.fromString("55666bee-b3a0-4bf5-81a7-86ff976e763f"),
                        UUID.fromString("8dd5bca5-6abe-4f73-b4b7-393ae6bbb849")))
                .as("the last group decides")
                .isPositive();
        assertThat(STRING_ORDER.compare(
                        UUID.fromString("55666bee-b3a0-4bf5-81a7-86ff976e763f"),
                        UUID.fromString("8dd5bca5-6abe-4f73-b4b7-393ae6bbb849")))
                .isNegative();
    }

    @ParameterizedTest(name = "{0} parts")
    @ValueSource(ints = {1, 2, 4, 8, 16})
    void everyKeyFallsInExactlyOnePartWhateverOrderGuidsCompareIn(int count) {
        List<String> filters = filters(count);
        if (count == 1) {
            assertThat(filters).containsExactly((String) null);
            return;
        }
        assertThat(filters).doesNotContainNull().doesNotHaveDuplicates();
        List<UUID> keys = randomKeys();
        ORDERS.forEach((name, order) -> {
            List<Predicate<UUID>> parts =
                    filters.stream().map(filter -> evaluate(filter, order)).toList();
            int[] sizes = new int[count];
            List<String> misplaced = new ArrayList<>();
            for (UUID key : keys) {
                int matched = 0;
                for (int part = 0; part < count; part++) {
                    if (parts.get(part).test(key)) {
                        matched++;
                        sizes[part]++;
                    }
                }
                if (matched != 1) {
                    misplaced.add(key + " in " + matched + " parts");
                }
            }
            assertThat(misplaced).as(name).isEmpty();
            for (int part = 0; part < count; part++) {
                assertThat((double) sizes[part] / KEYS)
                        .as("%s: share of part %d of %d (%s)", name, part, count, filters.get(part))
                        .isBetween(0.8 / count, 1.2 / count);
            }
        });
    }

    @ParameterizedTest(name = "{0} parts")
    @ValueSource(ints = {2, 4, 8, 16})
    void theSplitPointsThemselvesFallInExactlyOnePart(int count) {
        List<String> filters = filters(count);
        List<UUID> boundaries = IntStream.range(0, count)
                .mapToObj(i -> KeyRanges.splitPoint((1L << 32) / count * i))
                .toList();
        ORDERS.forEach((name, order) -> {
            List<Predicate<UUID>> parts =
                    filters.stream().map(filter -> evaluate(filter, order)).toList();
            for (UUID boundary : boundaries) {
                assertThat(parts.stream().filter(part -> part.test(boundary)).count())
                        .as("%s: parts holding %s", name, boundary)
                        .isEqualTo(1);
            }
        });
    }

    @Test
    void aPartIsThePathOfComparisonsItsIndexChooses() {
        assertThat(KeyRanges.filter(KEY, new TablePart(0, 2)).render(column -> true))
                .isEqualTo("teammembershipid lt 80000000-0000-0000-0000-800000000000");
        assertThat(KeyRanges.filter(KEY, new TablePart(1, 2)).render(column -> true))
                .isEqualTo("teammembershipid ge 80000000-0000-0000-0000-800000000000");
        assertThat(KeyRanges.filter(KEY, new TablePart(1, 4)).render(column -> true))
                .isEqualTo("teammembershipid lt 80000000-0000-0000-0000-800000000000"
                        + " and teammembershipid ge 40000000-0000-0000-0000-400000000000");
    }

    @Test
    void theWholeTableNeedsNoFilter() {
        assertThat(KeyRanges.filter(KEY, TablePart.WHOLE).render(column -> true))
                .isNull();
        assertThat(KeyRanges.filter(KEY, new TablePart(0, 1)).render(column -> true))
                .isNull();
    }

    @Test
    void aTableSplitsOnlyIntoAPowerOfTwoUpTo16Parts() {
        for (int count : new int[] {0, 3, 5, 6, 12, 32, -1}) {
            assertThatThrownBy(() -> new TablePart(0, count))
                    .as("count %d", count)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (int count : new int[] {1, 2, 4, 8, 16}) {
            assertThat(new TablePart(count - 1, count).count()).isEqualTo(count);
        }
    }

    @Test
    void aPartOutsideItsCountDoesNotExist() {
        assertThatThrownBy(() -> new TablePart(4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TablePart(-1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TablePart(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TablePart(16, 16)).isInstanceOf(IllegalArgumentException.class);
    }
}
