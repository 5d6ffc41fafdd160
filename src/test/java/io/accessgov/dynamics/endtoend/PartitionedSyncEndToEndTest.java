package io.accessgov.dynamics.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every full-sync behaviour again, with the tables that grow with the accounts read in two key ranges at once
 * ({@code connector.syncs.parts=2}); and the fallback to one chain of pages where Dataverse refuses GUID ranges.
 */
class PartitionedSyncEndToEndTest extends SyncEndToEndTest {

    @Override
    int parts() {
        return 2;
    }

    @AfterEach
    void allowGuidRanges() {
        simulator.behaviour().guidRangeFilters(true);
    }

    @Test
    void theGrowingTablesAreReadInKeyRanges() {
        simulator.requests().clear();

        assertThat(runSync().get("status").asString()).isEqualTo("SUCCEEDED");

        for (String key : new String[] {"systemuserid", "systemuserroleid", "teammembershipid"}) {
            assertThat(simulator.requests().dataverse())
                    .as(key)
                    .anySatisfy(request -> assertThat(decoded(request.uri())).contains(key + " lt "))
                    .anySatisfy(request -> assertThat(decoded(request.uri())).contains(key + " ge "));
        }
    }

    private static String decoded(String uri) {
        return URLDecoder.decode(uri, StandardCharsets.UTF_8);
    }

    @Test
    void whereDataverseRefusesGuidRangesEachTableIsReadAsOneChainAndTheSnapshotIsIdentical() {
        String ranged = export(runSync().get("id").asString()).body();
        simulator.behaviour().guidRangeFilters(false);
        simulator.requests().clear();

        JsonNode sync = runSync();

        assertThat(sync.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(export(sync.get("id").asString()).body()).isEqualTo(ranged);
        assertThat(simulator.requests().dataverse().stream().filter(request -> request.status() == 400))
                .as("one refused request per part of each growing table")
                .hasSizeLessThanOrEqualTo(6)
                .isNotEmpty();
    }
}
