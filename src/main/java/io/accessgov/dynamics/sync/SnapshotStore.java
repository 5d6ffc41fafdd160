package io.accessgov.dynamics.sync;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where syncs and their snapshots are kept. A snapshot becomes visible only when its draft is committed, whole;
 * a draft closed without commit leaves nothing behind. The embedded default keeps compressed files in
 * {@code connector.data-dir}; a store shared by several replicas can implement the same seam.
 */
public interface SnapshotStore {

    /** Records the sync's metadata, replacing what was kept for its id. */
    void save(Sync sync);

    /** Every sync kept, in no particular order. */
    List<Sync> list();

    /** The sync with this id, if it is kept. */
    Optional<Sync> find(UUID id);

    /** Starts writing the snapshot of this sync. */
    Draft draft(UUID id) throws IOException;

    /**
     * Reads the committed snapshot of this sync, as it was written.
     *
     * @throws java.nio.file.NoSuchFileException when there is none
     */
    InputStream read(UUID id) throws IOException;

    /** Forgets the sync and its snapshot; nothing happens when there is none. */
    void delete(UUID id);

    /** A snapshot being written. */
    interface Draft extends Closeable {

        /** Where the snapshot's bytes go. */
        OutputStream stream();

        /** Makes the snapshot visible, whole. */
        void commit() throws IOException;

        /** Discards the snapshot unless it was committed. */
        @Override
        void close() throws IOException;
    }
}
