package capas.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An overlay mount as the kernel reports it in the mount table ({@link MountInfo}): the kernel's
 * own overlay, or fuse-overlayfs (a store whose storage.conf sets {@code mount_program}).
 *
 * <p>fuse-overlayfs gets its folders on its command line, not as mount options: its line in the
 * table names none, and {@link #withFoldersOf} takes them from the store, as podman's
 * {@code GraphDriver} data does.
 *
 * @param mergedDir  where it is mounted: the container's root, {@code overlay/<layer>/merged}
 * @param lowerDirs  {@code lowerdir}, top first, as written (usually {@code l/} short links)
 * @param upperDir   {@code upperdir}: the container layer's {@code diff}
 * @param workDir    {@code workdir}: overlayfs's scratch folder
 * @param options    every super-block option ({@code userxattr}, {@code redirect_dir=…}, {@code metacopy=…};
 *                   for fuse-overlayfs FUSE's own: {@code user_id=0}, {@code allow_other}…)
 * @param fsType     the file system type in the table: {@value #KERNEL} or {@value #FUSE}
 */
public record OverlayMount(String mergedDir, List<String> lowerDirs, String upperDir, String workDir, List<String> options,
        String fsType) {
    /** The kernel's overlay file system. */
    public static final String KERNEL = "overlay";
    /** fuse-overlayfs, the overlay of a {@code mount_program}: FUSE's type {@code fuse.<subtype>}. */
    public static final String FUSE = "fuse.fuse-overlayfs";

    public OverlayMount {
        lowerDirs = List.copyOf(lowerDirs);
        options = List.copyOf(options);
    }

    /** Whether fuse-overlayfs mounted it, so that its folders are not in the mount table. */
    public boolean fuse() {
        return FUSE.equals(fsType);
    }

    /**
     * This mount with the folders of {@code container}'s overlay, where the mount table has none
     * (fuse-overlayfs): the container layer's {@code diff} and {@code work}, and the {@code diff}
     * of each layer below it, top first, as podman's {@code GraphDriver} data says them. A mount
     * whose table line names its folders is returned as it is.
     */
    public OverlayMount withFoldersOf(Store store, Container container) {
        if (upperDir != null) {
            return this;
        }
        List<Layer> stack = store.containerLayers(container);
        List<String> lower = stack.subList(Math.min(1, stack.size()), stack.size()).stream()
                .map(l -> store.diffDir(l.id()).toString()).toList();
        return new OverlayMount(mergedDir, lower, store.diffDir(container.layer()).toString(), store.workDir(container.layer()).toString(),
                options, fsType);
    }

    /** The layer ids of {@code lowerdir}, top first, resolving {@code l/} short links through the store. */
    public List<String> lowerLayerIds(Store store) {
        List<String> ids = new ArrayList<>();
        for (String lower : lowerDirs) {
            ids.add(layerOf(store, lower).orElse(lower));
        }
        return ids;
    }

    /** The layer a lowerdir entry stands for: {@code …/l/<short>} or {@code …/overlay/<id>/diff}. */
    static Optional<String> layerOf(Store store, String dir) {
        String[] parts = dir.split("/");
        if (parts.length >= 2 && parts[parts.length - 2].equals(OverlayLayout.LINK_DIR)) {
            return store.layerOfLink(parts[parts.length - 1]);
        }
        if (parts.length >= 2 && parts[parts.length - 1].equals(OverlayLayout.DIFF)) {
            return Optional.of(parts[parts.length - 2]);
        }
        return Optional.empty();
    }
}
