package capas.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An overlay mount as the kernel reports it in the mount table ({@link MountInfo}).
 *
 * @param mergedDir  where it is mounted: the container's root, {@code overlay/<layer>/merged}
 * @param lowerDirs  {@code lowerdir}, top first, as written (usually {@code l/} short links)
 * @param upperDir   {@code upperdir}: the container layer's {@code diff}
 * @param workDir    {@code workdir}: overlayfs's scratch folder
 * @param options    every super-block option ({@code userxattr}, {@code redirect_dir=…}, {@code metacopy=…})
 */
public record OverlayMount(String mergedDir, List<String> lowerDirs, String upperDir, String workDir, List<String> options) {
    public OverlayMount {
        lowerDirs = List.copyOf(lowerDirs);
        options = List.copyOf(options);
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
