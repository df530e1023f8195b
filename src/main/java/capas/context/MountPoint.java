package capas.context;

import capas.os.Mount;
import java.nio.file.Path;
import java.util.List;

/**
 * One mount of a mount table, whatever the file system: the overlays of the containers, but
 * also a {@code tmpfs} a student mounts by hand. What a notebook lists, and what the probe sends
 * back from inside {@code podman unshare}; the lines are read by {@link Mount}.
 *
 * @param mountPoint where it is mounted, unescaped
 * @param fsType     the file system type ({@code overlay}, {@code tmpfs}, {@code proc}…)
 * @param source     what was mounted (a device, or a free word such as {@code tmpfs})
 */
public record MountPoint(String mountPoint, String fsType, String source) {
    /** The mount table of the calling process's mount namespace. */
    public static final Path SELF = Mount.SELF;

    /** Every mount of the table in {@code file}, in its order. */
    public static List<MountPoint> read(Path file) {
        return Mount.read(file).stream().map(MountPoint::of).toList();
    }

    /** The mounts of these mount-table lines (for instance a container's own, read with {@code cat}), in their order. */
    public static List<MountPoint> parse(List<String> lines) {
        return Mount.parse(lines).stream().map(MountPoint::of).toList();
    }

    private static MountPoint of(Mount mount) {
        return new MountPoint(mount.mountPoint(), mount.fsType(), mount.source());
    }
}
