package io.accessgov.dynamics.sync;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where syncs and their snapshots are kept. A snapshot is two gzip files written once, front to back: its
 * <em>lines</em>, the export exactly as it is sent (so a client that accepts gzip gets the stored bytes as they are),
 * and its <em>keys</em>, each line's canonical key in the same order (what {@code changes} merges two snapshots by).
 * A snapshot may have a third part, its <em>delta state</em>: what an incremental sync needs to continue from it
 * (docs/api.md §11), kept with the snapshot it belongs to and never without it.
 * A snapshot becomes visible only when its draft is committed, whole, with the sizes of its lines; a draft closed
 * without commit leaves nothing behind. The embedded default keeps files in {@code connector.data-dir}; a store
 * shared by several replicas can keep the same bytes as a series of blobs.
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
     * The committed snapshot of this sync.
     *
     * @throws java.nio.file.NoSuchFileException when there is none
     */
    Snapshot read(UUID id) throws IOException;

    /** Forgets the sync and its snapshot; nothing happens when there is none. */
    void delete(UUID id);

    /** A snapshot being written. */
    interface Draft extends Closeable {

        /** Where the lines go, already gzip-compressed. */
        OutputStream lines();

        /** Where the keys go, already gzip-compressed. */
        OutputStream keys();

        /** Where the delta state goes, as {@link DeltaState} writes it; the snapshot has none unless this is used. */
        OutputStream state() throws IOException;

        /**
         * Makes the snapshot visible, whole, with the sizes of its lines.
         *
         * @throws IOException when the lines written are not {@code size.gzipBytes()} long; nothing is committed then
         */
        void commit(SnapshotSize size) throws IOException;

        /** Discards the snapshot unless it was committed. */
        @Override
        void close() throws IOException;
    }

    /** A committed snapshot: its sizes as recorded at commit, and its two parts, as they were written. */
    interface Snapshot {

        SnapshotSize size();

        /**
         * Opens the lines, gzip-compressed, {@code size().gzipBytes()} long.
         *
         * @throws IOException when they cannot be read or are not the size recorded
         */
        InputStream lines() throws IOException;

        /** Opens the keys, gzip-compressed. */
        InputStream keys() throws IOException;

        /** Opens the delta state, if the snapshot has one (snapshots of earlier versions have none). */
        Optional<InputStream> state() throws IOException;
    }
}
