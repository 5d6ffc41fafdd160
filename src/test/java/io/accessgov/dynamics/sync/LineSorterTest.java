package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineSorterTest {

    @TempDir
    Path work;

    @Test
    void sortsMoreLinesThanItsBudgetBySpillingAndMerging() throws Exception {
        List<String> lines = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            lines.add(new UUID(random.nextLong(), random.nextLong()) + "\t" + i);
        }
        List<String> sorted = new ArrayList<>();
        try (LineSorter sorter = new LineSorter(work, "test", 20_000)) {
            for (String line : lines) {
                sorter.add(line);
            }
            try (var spills = Files.list(work)) {
                assertThat(spills.count()).isGreaterThan(5);
            }
            sorter.drainSorted(sorted::add);
        }

        assertThat(sorted).isEqualTo(lines.stream().sorted().toList());
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void sortsInMemoryWhenWithinBudget() throws Exception {
        List<String> sorted = new ArrayList<>();
        try (LineSorter sorter = new LineSorter(work, "test", 1 << 20)) {
            sorter.add("b");
            sorter.add("a");
            sorter.add("c");
            sorter.drainSorted(sorted::add);
        }

        assertThat(sorted).containsExactly("a", "b", "c");
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }
}
