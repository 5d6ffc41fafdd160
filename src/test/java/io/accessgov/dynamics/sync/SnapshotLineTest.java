package io.accessgov.dynamics.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnapshotLineTest {

    private static final String ACCOUNT_ID = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final String GRANT_ID = "team:0a1b2c3d-0000-4000-8000-0000000000ff:member:account:" + ACCOUNT_ID;

    @Test
    void aLineIsStoredAsItsKeyAndJsonAndReadBackWithItsKindAndId() {
        SnapshotLine account =
                new SnapshotLine(SnapshotKeys.account(ACCOUNT_ID), SnapshotLine.ACCOUNT, ACCOUNT_ID, "{\"a\":1}");
        SnapshotLine grant = new SnapshotLine(
                SnapshotKeys.grantOfAccount(ACCOUNT_ID, GRANT_ID), SnapshotLine.GRANT, GRANT_ID, "{\"g\":\"x|y\"}");

        assertThat(account.encode()).isEqualTo("1|" + ACCOUNT_ID + "\t{\"a\":1}");
        assertThat(SnapshotLine.decode(account.encode())).isEqualTo(account);
        assertThat(SnapshotLine.decode(grant.encode())).isEqualTo(grant);
        for (String kind : new String[] {"0|", "2|", "3|"}) {
            assertThat(SnapshotLine.decode(kind + ACCOUNT_ID + "\t{}").id()).isEqualTo(ACCOUNT_ID);
        }
        assertThat(SnapshotLine.decode("3|" + ACCOUNT_ID + "\t{}").kind()).isEqualTo(SnapshotLine.TEAM);
    }

    @Test
    void anObjectIsKeptAsItsExportLineWithKindFirstAndReadBackBesideItsKey() {
        SnapshotLine grant = new SnapshotLine(
                SnapshotKeys.grantOfAccount(ACCOUNT_ID, GRANT_ID), SnapshotLine.GRANT, GRANT_ID, "{\"g\":\"x|y\"}");

        assertThat(grant.exportLine()).isEqualTo("{\"kind\":\"grant\",\"g\":\"x|y\"}");
        assertThat(SnapshotLine.of(grant.key(), grant.exportLine())).isEqualTo(grant);
        SnapshotLine empty = new SnapshotLine("3|" + ACCOUNT_ID, SnapshotLine.TEAM, ACCOUNT_ID, "{}");
        assertThat(empty.exportLine()).isEqualTo("{\"kind\":\"team\"}");
        assertThat(SnapshotLine.of(empty.key(), empty.exportLine())).isEqualTo(empty);
    }

    @Test
    void anExportLineOfAnotherKindThanItsKeyIsRefusedRatherThanMisread() {
        String key = SnapshotKeys.account(ACCOUNT_ID);
        for (String damaged : new String[] {
            "{\"kind\":\"team\",\"id\":1}", "{\"kind\":\"account\"", "{\"kind\":\"accounts\",\"id\":1}", "", "{}"
        }) {
            assertThatThrownBy(() -> SnapshotLine.of(key, damaged))
                    .as(damaged)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("damaged");
        }
    }

    @Test
    void linesOfTheFirstStoredFormAreStillRead() {
        String old = SnapshotKeys.grantOfAccount(ACCOUNT_ID, GRANT_ID) + "\tgrant\t" + GRANT_ID + "\t{\"id\":1}";

        assertThat(SnapshotLine.decode(old))
                .isEqualTo(new SnapshotLine(
                        SnapshotKeys.grantOfAccount(ACCOUNT_ID, GRANT_ID), "grant", GRANT_ID, "{\"id\":1}"));
    }

    @Test
    void aDamagedLineIsRefusedRatherThanMisread() {
        for (String damaged : new String[] {"", "no tabs", "9|" + ACCOUNT_ID + "\t{}", "nokey\t{}", "1|x\tkind\tid"}) {
            assertThatThrownBy(() -> SnapshotLine.decode(damaged))
                    .as(damaged)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("damaged");
        }
    }
}
