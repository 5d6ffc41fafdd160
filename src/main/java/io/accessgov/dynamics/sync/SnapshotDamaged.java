package io.accessgov.dynamics.sync;

import java.io.IOException;

/** A stored snapshot does not read back as it was recorded: shorter or longer than its recorded size. */
final class SnapshotDamaged extends IOException {

    SnapshotDamaged(String detail) {
        super(detail);
    }
}
