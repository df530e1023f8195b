package capas.context;

import capas.CapasException;
import capas.Messages;
import capas.os.Entry;
import capas.os.PinnedPath;
import capas.os.Posix;
import capas.store.EntryType;
import capas.store.Change;
import capas.store.IdMap;
import capas.store.LayerFiles;
import capas.store.LayerTree;
import capas.store.Location;
import capas.store.Locator;
import capas.Mode;
import capas.store.MountInfo;
import capas.store.OverlayMount;
import capas.store.Store;
import capas.store.StoreSnapshots;
import capas.store.VersionedStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The one implementation of {@link Inspector}: reads the store and the mount table of this process. */
public final class LocalInspector implements Inspector {
    private static final Messages M = Messages.of(LocalInspector.class);

    private final Path graphRoot;
    /** Kept for the life of this inspector (and of a probe): each question reads only what changed since the last. */
    private final StoreSnapshots snapshots;

    public LocalInspector(Mode mode, Path graphRoot) {
        this.graphRoot = graphRoot.toAbsolutePath().normalize();
        this.snapshots = new StoreSnapshots(mode, this.graphRoot);
    }

    @Override
    public VersionedStore storeIfChanged(String knownVersion) {
        return snapshots.ifChanged(knownVersion);
    }

    @Override
    public Location locate(List<String> layerIds, String path) {
        return new Locator(snapshots.latest(), knownLayers(layerIds)).locate(path);
    }

    @Override
    public List<Change> changes(List<String> layerIds) {
        return new LayerTree(snapshots.latest(), knownLayers(layerIds)).changes();
    }

    @Override
    public LayerFiles layerFiles(List<String> layerIds) {
        return new LayerTree(snapshots.latest(), knownLayers(layerIds)).read();
    }

    @Override
    public Map<String, Long> layerSizes(List<String> layerIds) {
        Store store = snapshots.latest();
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String id : knownLayers(layerIds)) {
            // The layer alone: its size needs no comparison with the layers below.
            sizes.put(id, new LayerTree(store, List.of(id)).read().size());
        }
        return sizes;
    }

    /**
     * {@code layerIds} if each is a layer of the store: an id comes from the caller and becomes
     * a path that a root probe reads, so it must be one the store itself names.
     */
    private List<String> knownLayers(List<String> layerIds) {
        if (layerIds.isEmpty()) {
            throw new CapasException(CapasException.Kind.UNKNOWN_LAYER, M.get("layers.none"));
        }
        // The caller's snapshot came from this inspector: the last one read usually knows every id already.
        Store store = snapshots.latest();
        if (!layerIds.stream().allMatch(id -> store.findLayer(id).isPresent())) {
            layerIds.forEach(snapshots.current()::layer);
        }
        return List.copyOf(layerIds);
    }

    @Override
    public List<OverlayMount> overlayMounts() {
        return MountInfo.overlays();
    }

    @Override
    public IdMap uidMap() {
        return IdMap.read(IdMap.SELF_UID_MAP);
    }

    @Override
    public IdMap gidMap() {
        return IdMap.read(IdMap.SELF_GID_MAP);
    }

    @Override
    public List<DirEntry> listDir(String hostPath) {
        Path dir = confined(hostPath);
        Entry entry = lstatOrMissing(dir, hostPath);
        if (!entry.isDirectory()) {
            throw new CapasException(CapasException.Kind.NOT_FOUND, M.get("path.not.dir", hostPath));
        }
        List<DirEntry> entries = new ArrayList<>();
        try (PinnedPath pinned = pinned(dir, hostPath);
             Stream<Path> children = Files.list(pinned.proc())) {
            if (!Files.readAttributes(pinned.proc(), BasicFileAttributes.class).isDirectory()) {
                throw new CapasException(CapasException.Kind.OUTSIDE_STORE, M.get("path.swapped", hostPath));
            }
            for (Path child : children.sorted().toList()) {
                lstat(child).ifPresent(e -> entries.add(toDirEntry(child, e)));
            }
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.STORE_UNREADABLE, M.get("path.unreadable", hostPath, e.getMessage()));
        }
        return entries;
    }

    @Override
    public boolean isOverlayMount(String hostPath) {
        Path path = confined(hostPath);
        return path != null && lstat(path).map(Entry::isDirectory).orElse(false) && Posix.isOverlay(path);
    }

    @Override
    public boolean exists(String hostPath) {
        Path path = confined(hostPath);
        return path != null && lstat(path).isPresent();
    }

    @Override
    public String readFile(String hostPath, int maxBytes) {
        Path file = confined(hostPath);
        Entry entry = lstatOrMissing(file, hostPath);
        if (!entry.isRegularFile()) {
            throw new CapasException(CapasException.Kind.NOT_FOUND, M.get("file.not.regular", hostPath));
        }
        try (PinnedPath pinned = pinned(file, hostPath)) {
            // Only now, on the pinned object, is it safe to open for reading: never a device or a fifo.
            if (!Files.readAttributes(pinned.proc(), BasicFileAttributes.class).isRegularFile()) {
                throw new CapasException(CapasException.Kind.OUTSIDE_STORE, M.get("path.swapped", hostPath));
            }
            try (InputStream in = Files.newInputStream(pinned.proc(), StandardOpenOption.READ)) {
                return new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.STORE_UNREADABLE, M.get("path.unreadable", hostPath, e.getMessage()));
        }
    }

    /**
     * {@code hostPath} if it lies inside the store and no folder on the way to it is a symlink
     * ({@code null} when a folder on the way does not exist):
     * what a container put in its layer can never send a root reader elsewhere.
     */
    private Path confined(String hostPath) {
        Path path = Path.of(hostPath).toAbsolutePath().normalize();
        if (!path.startsWith(graphRoot)) {
            throw new CapasException(CapasException.Kind.OUTSIDE_STORE, M.get("path.outside", hostPath, graphRoot));
        }
        Path current = graphRoot;
        Path relative = graphRoot.relativize(path);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            current = current.resolve(relative.getName(i));
            Optional<Entry> entry = lstat(current);
            if (entry.isPresent() && entry.get().isSymlink()) {
                throw new CapasException(CapasException.Kind.OUTSIDE_STORE, M.get("path.symlink", hostPath, current));
            }
            if (entry.isEmpty() || !entry.get().isDirectory()) {
                // Nothing can be there: a folder on the way is missing (or is a file).
                return null;
            }
        }
        return path;
    }

    /**
     * {@code path} held open, once the kernel confirms that the open object is at that very place
     * in the store: a folder on the way swapped for a symlink after {@link #confined} checked it
     * shows up here as a different real path.
     */
    private PinnedPath pinned(Path path, String asked) throws IOException {
        PinnedPath pinned = PinnedPath.open(path);
        Path expected = realGraphRoot().resolve(graphRoot.relativize(path));
        if (!pinned.real().equals(expected)) {
            pinned.close();
            throw new CapasException(CapasException.Kind.OUTSIDE_STORE, M.get("path.swapped", asked));
        }
        return pinned;
    }

    /** The store's own real path: its parents may be symlinks of the machine (say /var/lib on another disk). */
    private Path realGraphRoot() throws IOException {
        return graphRoot.toRealPath();
    }

    private static Entry lstatOrMissing(Path path, String asked) {
        Optional<Entry> entry = path == null ? Optional.empty() : lstat(path);
        return entry.orElseThrow(() -> new CapasException(CapasException.Kind.NOT_FOUND, M.get("path.missing", asked)));
    }

    private static Optional<Entry> lstat(Path path) {
        try {
            return Entry.lstat(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DirEntry toDirEntry(Path child, Entry e) {
        String target = null;
        if (e.isSymlink()) {
            try {
                target = Files.readSymbolicLink(child).toString();
            } catch (IOException ex) {
                target = "?";
            }
        }
        return new DirEntry(child.getFileName().toString(), EntryType.of(e), e.permissions(), e.uid(), e.gid(), e.size(), target);
    }
}
