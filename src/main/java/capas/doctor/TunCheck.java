package capas.doctor;

import capas.Messages;
import java.nio.file.Path;

/** {@code /dev/net/tun}, which rootless networking (slirp4netns) opens. */
final class TunCheck implements HostCheck {
    private static final Messages M = Messages.of(TunCheck.class);
    static final Path TUN = Path.of("/dev/net/tun");
    private final Host host;

    TunCheck(Host host) {
        this.host = host;
    }

    @Override
    public Check run() {
        String topic = M.get("topic.tun");
        if (!host.exists(TUN)) {
            return Check.warn(topic, M.get("tun.missing"), "sudo modprobe tun");
        }
        return openToUsers()
                ? Check.ok(topic, M.get("tun.ok"))
                : Check.warn(topic, M.get("tun.closed"), "sudo chmod 0666 " + TUN).repairedBy(Repairs.openTun(TUN));
    }

    /**
     * Whether a normal user can open the device. Root may open anything, so as root the mode
     * bits for others decide: that is what the lab user will meet.
     */
    private boolean openToUsers() {
        if (!host.identity().root()) {
            return host.readableAndWritable(TUN);
        }
        return host.mode(TUN).stream().allMatch(mode -> (mode & 06) == 06);
    }
}
