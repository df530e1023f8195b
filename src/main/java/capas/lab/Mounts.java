package capas.lab;

import capas.CapasException;
import capas.Messages;
import capas.context.CachedStore;
import capas.context.Inspector;
import capas.context.MountPoint;
import capas.store.Container;
import capas.store.MountInfo;
import capas.store.OverlayMount;
import capas.store.Store;
import java.nio.file.Path;
import java.util.List;

/**
 * The mount tables: the host's (what {@code mount} shows in a terminal) and the containers'
 * namespace's (for rootless, inside {@code podman unshare}, where rootless overlays live), and a
 * container's overlay mount read from the latter: the kernel's overlay, or fuse-overlayfs when the
 * store's storage.conf sets {@code mount_program}.
 *
 * <pre>{@code
 * lab.mounts().container("contenedor1").upperDir()
 * lab.mounts().namespaceOverlays()     // podman unshare mount | grep overlay
 * }</pre>
 */
public final class Mounts {
    private static final Messages M = Messages.of(Mounts.class);

    private final CachedStore snapshots;
    private final Inspector namespace;

    Mounts(CachedStore snapshots, Inspector namespace) {
        this.snapshots = snapshots;
        this.namespace = namespace;
    }

    /**
     * The container's overlay mount, with {@code l/} links resolved to layers. A fuse-overlayfs
     * mount names no folders in the table: they come from the store ({@link MountView#fsType()} says which).
     */
    public MountView container(String container) {
        Store s = snapshots.current();
        Container c = s.container(container);
        OverlayMount mount = of(s, c);
        if (mount == null) {
            throw new CapasException(CapasException.Kind.NOT_RUNNING, M.get("mount.none", container), M.get("mount.none.hint", container));
        }
        return new MountView(mount, mount.lowerLayerIds(s), c.layer());
    }

    /**
     * The container's overlay mount in the containers' namespace, found where snapshot {@code s}
     * says it is, with its folders (from {@code s} where the table has none), or {@code null}.
     */
    OverlayMount of(Store s, Container c) {
        return MountInfo.at(namespace.overlayMounts(), s.mergedDir(c.layer()).toString()).map(m -> m.withFoldersOf(s, c)).orElse(null);
    }

    /**
     * Whether {@code dir} is an overlay mount where the containers live (statfs, inside
     * {@code podman unshare} for rootless): a container's {@code merged} is, its {@code diff} is not.
     * statfs calls fuse-overlayfs just FUSE, so for that the mount table decides.
     */
    public boolean isOverlay(Path dir) {
        return namespace.isOverlayMount(dir.toString())
                || MountInfo.at(namespace.overlayMounts(), dir.toString()).filter(OverlayMount::fuse).isPresent();
    }

    /** Overlay mounts (the kernel's and fuse-overlayfs's) visible from the host's mount namespace (what {@code mount} shows). */
    public List<OverlayMount> hostOverlays() {
        return MountInfo.overlays();
    }

    /**
     * Overlay mounts (the kernel's and fuse-overlayfs's, whose folders the table does not name) in
     * the containers' mount namespace (for rootless, inside {@code podman unshare}).
     */
    public List<OverlayMount> namespaceOverlays() {
        return namespace.overlayMounts();
    }

    /** Every mount the host's mount namespace has (this notebook's {@code /proc/self/mountinfo}), overlay or not. */
    public List<MountPoint> host() {
        return MountPoint.read(MountPoint.SELF);
    }

    /** Every mount of the containers' mount namespace (for rootless, inside {@code podman unshare}), overlay or not. */
    public List<MountPoint> namespace() {
        return namespace.mountPoints();
    }
}
