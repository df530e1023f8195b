package capas.context;

import capas.store.Change;
import capas.store.IdMap;
import capas.store.LayerFiles;
import capas.store.Location;
import capas.store.OverlayMount;
import capas.store.VersionedStore;
import java.util.List;
import java.util.Map;

/**
 * What Capas asks of a store and of a mount namespace. Implemented once by
 * {@link LocalInspector}; {@link ProbeInspector} runs that same code in another context.
 */
public interface Inspector extends AutoCloseable {
    /**
     * The store's current version, and its snapshot only if that version is not
     * {@code knownVersion}: what {@link CachedStore} asks on every facade call, a few bytes
     * while nothing changes.
     */
    VersionedStore storeIfChanged(String knownVersion);

    /**
     * Which of {@code layerIds} (a container's layers, top first, from the caller's snapshot)
     * serves {@code path}: so that one facade call answers from one snapshot. Each id must be a
     * layer of the store.
     */
    Location locate(List<String> layerIds, String path);

    /** The changes in the first of {@code layerIds} (a container's layers, top first), compared with the rest. */
    List<Change> changes(List<String> layerIds);

    /**
     * The entries of the first of {@code layerIds} (a stack of layers, top first), each marked
     * added, modified or deleted against the rest: one layer of the layer explorer.
     */
    LayerFiles layerFiles(List<String> layerIds);

    /**
     * The bytes each of {@code layerIds} holds in its own {@code diff} (for a container's layer:
     * what the container wrote), in one question however many layers: the table of every
     * container's size is one round trip to a probe, not one per container.
     */
    Map<String, Long> layerSizes(List<String> layerIds);

    /** Every overlay mount of this context's mount namespace. */
    List<OverlayMount> overlayMounts();

    /** This context's uid map ({@code /proc/self/uid_map}). */
    IdMap uidMap();

    /** This context's gid map ({@code /proc/self/gid_map}). */
    IdMap gidMap();

    /** Whether {@code hostPath} (inside the store) is on an overlay file system in this context's mount namespace. */
    boolean isOverlayMount(String hostPath);

    /** The entries of a folder inside the store. */
    List<DirEntry> listDir(String hostPath);

    /** Whether something is at {@code hostPath} (inside the store). */
    boolean exists(String hostPath);

    /** The text of a regular file inside the store, up to {@code maxBytes}. */
    String readFile(String hostPath, int maxBytes);

    /** Every mount of this context's mount namespace, overlay or not ({@code /proc/self/mountinfo}). */
    default List<MountPoint> mountPoints() {
        return MountPoint.read(MountPoint.SELF);
    }

    /** The mount and user namespaces this context runs in (its own {@code /proc/self/ns}). */
    default NamespaceIds namespaces() {
        return NamespaceIds.self();
    }

    @Override
    default void close() {
    }
}
