package capas.lab;

import capas.Messages;
import capas.render.Displayable;
import capas.render.TableView;
import capas.store.OverlayMount;
import java.util.List;
import java.util.Map;

/**
 * A container's overlay mount with its {@code l/} short links already resolved to layer ids.
 * Mounted by the kernel's overlay or by fuse-overlayfs ({@link #fsType()}); for the latter the
 * folders are the store's, since its mount table line names none.
 *
 * @param mount          the mount as mountinfo reports it, with the store's folders where it has none
 * @param lowerLayerIds  the layers of {@code lowerdir}, top first
 * @param upperLayerId   the layer of {@code upperdir}: the container layer
 */
public record MountView(OverlayMount mount, List<String> lowerLayerIds, String upperLayerId) implements Displayable {
    private static final Messages M = Messages.of(MountView.class);

    /** {@code overlay} (the kernel's) or {@code fuse.fuse-overlayfs} (a store with {@code mount_program}), as the mount table says. */
    public String fsType() {
        return mount.fsType();
    }

    /** Whether fuse-overlayfs mounted it: then the folders shown come from the store, not from the mount table. */
    public boolean fuse() {
        return mount.fuse();
    }

    public String mergedDir() {
        return mount.mergedDir();
    }

    public String upperDir() {
        return mount.upperDir();
    }

    public String workDir() {
        return mount.workDir();
    }

    public List<String> lowerDirs() {
        return mount.lowerDirs();
    }

    public List<String> options() {
        return mount.options();
    }

    TableView table() {
        TableView.Builder table = TableView.of(M.get("mount.col.role"), M.get("mount.col.dir"), M.get("mount.col.layer"))
                .caption(M.get(mount.fuse() ? "mount.caption.fuse" : "mount.caption"));
        table.row(M.get("mount.type"), mount.fsType(), M.get(mount.fuse() ? "mount.type.fuse" : "mount.type.kernel"));
        table.row("merged", mount.mergedDir(), M.get("mount.merged"));
        table.row("upperdir", mount.upperDir(), upperLayerId + " " + M.get("mount.upper"));
        table.row("workdir", mount.workDir(), "");
        for (int i = 0; i < lowerLayerIds.size(); i++) {
            table.row("lowerdir " + (i + 1), mount.lowerDirs().get(i), lowerLayerIds.get(i));
        }
        table.row(M.get("mount.options"), String.join(",", mount.options()), "");
        return table.build();
    }

    @Override
    public Map<String, String> toMimeBundle() {
        return table().toMimeBundle();
    }

    @Override
    public String toString() {
        return table().toString();
    }
}
