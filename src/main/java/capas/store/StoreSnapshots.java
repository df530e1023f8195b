package capas.store;

import capas.CapasException;
import capas.Messages;
import capas.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The latest snapshot of one store, read again only where a writer changed it.
 *
 * <p>Mirrors how containers/storage decides to reload ({@code reloadIfChanged} in
 * {@code layers.go}, {@code images.go}, {@code containers.go}): each index file has a lock file
 * whose contents name the last writer ({@code lastWrite}, {@code pkg/lockfile}); a reader keeps
 * the value it loaded at and reloads when the lock says someone else wrote since, or when the
 * JSON file itself changed (a hand edit, which containers/storage checks through its mtime).
 * Each of the three indexes (containers, images, layers) is reloaded on its own.
 *
 * <p>Unlike podman, Capas takes no lock: a lesson must never wait behind a long
 * {@code podman pull}. That is safe because every stamp is taken <em>before</em> its file is
 * read. podman records the new writer before it writes the JSON, and writes the JSON by rename:
 * a reader caught in between has the old inode stamped, sees a new one next time and reloads
 * once more; it can re-read for nothing, never keep stale records.
 *
 * <p>The layers' {@code link} files (one small file per layer) are read only when a short name
 * is asked for, and once per layer: see {@link LayerLinks}.
 */
public final class StoreSnapshots {
    private static final Messages M = Messages.of(StoreSnapshots.class);

    private final Mode mode;
    private final OverlayLayout layout;
    private final Index<Container> containers;
    private final Index<Image> images;
    private final Index<Layer> layers;
    private final LayerLinks links;
    /** Index and link files read from disk so far: what a reload costs, for tests and benchmarks. */
    private final AtomicLong reads = new AtomicLong();
    private Store current;
    private String version;

    public StoreSnapshots(Mode mode, Path graphRoot) {
        this.mode = mode;
        this.layout = new OverlayLayout(graphRoot);
        this.containers = new Index<>(layout.containersLock(), List.of(layout.containersJson(), layout.volatileContainersJson()), Container.class);
        this.images = new Index<>(layout.imagesLock(), List.of(layout.imagesJson()), Image.class);
        this.layers = new Index<>(layout.layersLock(), List.of(layout.layersJson(), layout.volatileLayersJson()), Layer.class);
        this.links = new LayerLinks(layout, reads);
    }

    public OverlayLayout layout() {
        return layout;
    }

    /** The store as it is now: the previous snapshot itself when no writer touched the store since. */
    public synchronized Store current() {
        boolean changed = current == null;
        changed |= containers.reloadIfChanged();
        changed |= images.reloadIfChanged();
        if (layers.reloadIfChanged()) {
            links.keepOnly(layers.records);
            changed = true;
        }
        if (changed) {
            current = new Store(mode, layout.graphRoot().toString(), containers.records, images.records, layers.records,
                    links.view(layers.records));
            version = versionOf(containers, images, layers);
        }
        return current;
    }

    /**
     * The snapshot {@link #current()} last returned, without looking at the disk (read it if
     * there is none yet): for checks that any recent snapshot answers as well as the newest.
     */
    public synchronized Store latest() {
        return current == null ? current() : current;
    }

    /** An opaque token naming the snapshot {@link #current()} returned: equal tokens, equal snapshots. */
    public synchronized String version() {
        current();
        return version;
    }

    /** {@link #current()} and its version, or only the version when it is {@code knownVersion}: what a probe sends back. */
    public synchronized VersionedStore ifChanged(String knownVersion) {
        Store store = current();
        return new VersionedStore(version, version.equals(knownVersion) ? null : store);
    }

    /** Files read from disk so far (index files and {@code link} files): stat and the 64-byte lock reads are not counted. */
    public long reads() {
        return reads.get();
    }

    private static String versionOf(Index<?>... indexes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Index<?> index : indexes) {
                sha.update(index.loadedAt.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One index (the lock file and the JSON files it guards) and the records last loaded from it. */
    private final class Index<T> {
        private final Path lock;
        private final List<Path> files;
        private final Class<T> type;
        private List<FileStamp> loadedAt;
        private List<T> records = List.of();

        Index(Path lock, List<Path> files, Class<T> type) {
            this.lock = lock;
            this.files = List.copyOf(files);
            this.type = type;
        }

        /** Reloads the records if the stamps differ from those they were loaded at; says whether it did. */
        boolean reloadIfChanged() {
            List<FileStamp> now = stamps();
            if (now.equals(loadedAt)) {
                return false;
            }
            List<T> read = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                // A file that was not there when stamped is an empty list, as podman treats it: no need to try.
                if (now.get(i + 1).exists()) {
                    reads.incrementAndGet();
                    read.addAll(JsonRecords.read(files.get(i), type));
                }
            }
            records = List.copyOf(read);
            loadedAt = now;
            return true;
        }

        /** The lock's last writer, then each file's stat; taken before reading (see the class comment). */
        private List<FileStamp> stamps() {
            List<FileStamp> stamps = new ArrayList<>();
            Path at = lock;
            try {
                stamps.add(FileStamp.ofLock(lock));
                for (Path file : files) {
                    at = file;
                    stamps.add(FileStamp.ofJson(file));
                }
            } catch (AccessDeniedException e) {
                throw new CapasException(CapasException.Kind.STORE_UNREADABLE, M.get("json.denied", at), M.get("json.denied.hint"), e);
            } catch (IOException e) {
                throw new CapasException(CapasException.Kind.STORE_UNREADABLE, M.get("json.unreadable", at, e.getMessage()), null, e);
            }
            return stamps;
        }
    }
}
