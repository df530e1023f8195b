package capas.store;

import capas.os.Mount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The overlay mounts of a mount table ({@link Mount} reads its lines), with their layers'
 * folders taken out of the options: per mount namespace, so the same code run inside
 * {@code podman unshare} sees the rootless mounts that the host cannot. The kernel's overlays
 * and fuse-overlayfs's alike; the latter's lines name no folders
 * ({@link OverlayMount#withFoldersOf} takes them from the store).
 */
public final class MountInfo {
    /** The mount table of the calling process's mount namespace. */
    public static final Path SELF = Mount.SELF;

    private MountInfo() {
    }

    public static List<OverlayMount> overlays(Path table) {
        return overlaysOf(Mount.read(table));
    }

    public static List<OverlayMount> overlays() {
        return overlays(SELF);
    }

    /** The overlay mounted at {@code mergedDir}, if it is mounted in this namespace (the last one mounted there). */
    public static Optional<OverlayMount> at(List<OverlayMount> mounts, String mergedDir) {
        return mounts.stream().filter(m -> m.mergedDir().equals(mergedDir)).reduce((first, second) -> second);
    }

    /** The overlay mounts among these mount-table lines, in their order. */
    static List<OverlayMount> parse(List<String> lines) {
        return overlaysOf(Mount.parse(lines));
    }

    private static List<OverlayMount> overlaysOf(List<Mount> table) {
        List<OverlayMount> mounts = new ArrayList<>();
        for (Mount mount : table) {
            if (!OverlayMount.KERNEL.equals(mount.fsType()) && !OverlayMount.FUSE.equals(mount.fsType())) {
                continue;
            }
            List<String> options = new ArrayList<>();
            List<String> lower = List.of();
            String upper = null;
            String work = null;
            for (String option : mount.superOptions()) {
                String value = option.substring(option.indexOf('=') + 1);
                if (option.startsWith("lowerdir=")) {
                    lower = List.of(value.split(":"));
                } else if (option.startsWith("upperdir=")) {
                    upper = value;
                } else if (option.startsWith("workdir=")) {
                    work = value;
                } else {
                    options.add(option);
                }
            }
            mounts.add(new OverlayMount(mount.mountPoint(), lower, upper, work, options, mount.fsType()));
        }
        return mounts;
    }
}
