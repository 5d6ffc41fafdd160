package io.accessgov.dynamics.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleHolderCursorTest {

    private static final String LAST = "gamma role:1:assigned:account:2";

    @Test
    void environmentsBehindTheCursorThatWereNotReadAreRemembered() {
        String cursor = RoleHolderCursor.after(LAST, Set.of("alpha"), Set.of("beta", "zeta"));

        RoleHolderCursor parsed = RoleHolderCursor.parse(cursor);

        assertThat(parsed.position()).isEqualTo(LAST);
        assertThat(parsed.environment()).isEqualTo("gamma");
        assertThat(parsed.missed())
                .as("zeta comes after the cursor and is read again on the next page")
                .containsExactlyInAnyOrder("alpha", "beta");
    }

    @Test
    void theCursorSortsRightAfterItsHolderAndBeforeTheNext() {
        String cursor = RoleHolderCursor.after(LAST, Set.of(), Set.of("beta"));

        assertThat(cursor.compareTo(LAST)).isPositive();
        assertThat(cursor.compareTo("gamma role:1:assigned:account:3")).isNegative();
        assertThat(cursor.compareTo("gamma role:1:assigned:account:2a")).isNegative();
        assertThat(cursor.compareTo("gamma-2 role:0")).isNegative();
    }

    @Test
    void aCursorWithNothingMissedIsThePositionItself() {
        assertThat(RoleHolderCursor.after(LAST, Set.of(), Set.of())).isEqualTo(LAST);
        assertThat(RoleHolderCursor.parse(null)).isEqualTo(RoleHolderCursor.FIRST);
        assertThat(RoleHolderCursor.FIRST.environment()).isEmpty();
    }
}
