package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GuidIndexTest {

    @Test
    void findsEveryIdAtItsPositionAndNothingElse() {
        Random random = new Random(17);
        UUID[] ids = new UUID[10_000];
        for (int i = 0; i < ids.length; i++) {
            // ids that differ only in a few bits, as sequential GUIDs do
            ids[i] = new UUID(0x1234_5678_0000_4000L + (i >> 3), 0x8000_0000_0000_0000L | (i & 7));
        }
        GuidIndex index = new GuidIndex(ids);

        for (int i = 0; i < ids.length; i++) {
            assertThat(index.get(ids[i])).isEqualTo(i);
        }
        for (int i = 0; i < 1_000; i++) {
            assertThat(index.get(new UUID(random.nextLong(), random.nextLong())))
                    .isEqualTo(-1);
        }
        assertThat(new GuidIndex(new UUID[0]).get(ids[0])).isEqualTo(-1);
    }

    @Test
    void aRepeatedIdKeepsItsFirstPosition() {
        UUID id = UUID.randomUUID();

        assertThat(new GuidIndex(new UUID[] {id, UUID.randomUUID(), id}).get(id))
                .isZero();
    }
}
