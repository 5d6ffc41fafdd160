package io.accessgov.dynamics.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

/**
 * How much heap a simulator seeded with {@link OrganisationSeed#large()} keeps (not part of {@code ./mvnw verify}):
 * the heap in use after a full collection with the simulator running, less the heap in use before it started; then
 * the same with {@link Behaviour#rolePrivilegesOnCopies(boolean)} on, whose view of every copy's rows is built on
 * the first read.
 * Run it alone: {@code ./mvnw -o test -Dtest=SimulatorMemoryBenchmark -Djacoco.skip=true}.
 */
class SimulatorMemoryBenchmark {

    @Test
    void heapKeptByTheLargeOrganisation() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        long seeding = System.nanoTime();
        try (DataverseSimulator simulator =
                DataverseSimulator.start(SimulatorOptions.defaults().withSeed(OrganisationSeed.large()))) {
            long seeded = (System.nanoTime() - seeding) / 1_000_000;
            long after = settledHeap(memory);
            StringBuilder tables = new StringBuilder();
            for (String set : Schema.SETS) {
                tables.append(String.format(
                        "%n  %-30s %,10d rows", set, simulator.state().count(set)));
            }
            System.out.printf(
                    "Simulator with OrganisationSeed.large(): %,d MB kept on the heap, seeded in %,d ms%s%n",
                    (after - before) / (1024 * 1024), seeded, tables);
            assertThat(after).isGreaterThan(before);

            simulator.behaviour().rolePrivilegesOnCopies(true);
            SimulatorClient client = new SimulatorClient(simulator);
            assertThat(client.get("roleprivilegescollection?$select=roleid", "Prefer", "odata.maxpagesize=1")
                            .statusCode())
                    .isEqualTo(200);
            long withCopies = settledHeap(memory);
            System.out.printf(
                    "With role privileges on copies: %,d MB kept on the heap%n", (withCopies - before) / (1024 * 1024));
        }
    }

    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
