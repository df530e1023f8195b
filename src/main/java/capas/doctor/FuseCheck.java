package capas.doctor;

import capas.Messages;
import java.nio.file.Path;

/**
 * {@code /dev/fuse}, which fuse-overlayfs opens to mount a container of a rootless store whose
 * storage.conf sets {@code mount_program} (older machines, some students'). Udev leaves it
 * {@code 0666}; a machine without udev (a VM image, a CI runner) may have it {@code 0600}, and
 * then fuse-overlayfs stops with "fuse: failed to open /dev/fuse: Permission denied".
 */
final class FuseCheck implements HostCheck {
    private static final Messages M = Messages.of(FuseCheck.class);
    static final Path FUSE = Path.of("/dev/fuse");
    private final Host host;

    FuseCheck(Host host) {
        this.host = host;
    }

    @Override
    public Check run() {
        String topic = M.get("topic.fuse");
        if (!host.exists(FUSE)) {
            return Check.warn(topic, M.get("fuse.missing"), "sudo modprobe fuse");
        }
        return host.openToUsers(FUSE)
                ? Check.ok(topic, M.get("fuse.ok"))
                : Check.warn(topic, M.get("fuse.closed"), "sudo chmod 0666 " + FUSE).repairedBy(Repairs.openDevice(FUSE, "repair.fuse"));
    }
}
