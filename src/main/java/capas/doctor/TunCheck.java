package capas.doctor;

import capas.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code /dev/net/tun}, which rootless networking opens: pasta (podman 5's default, package
 * passt) or slirp4netns (podman 4's), whichever {@code podman info} names.
 */
final class TunCheck implements HostCheck {
    private static final Messages M = Messages.of(TunCheck.class);
    static final Path TUN = Path.of("/dev/net/tun");
    private final Host host;
    /** The program podman gives rootless containers their network with. */
    private final String networkCmd;

    TunCheck(Host host) {
        this(host, Optional.empty());
    }

    /** @param info {@code podman info} of either mode: podman 5 says {@code host.rootlessNetworkCmd}, podman 4 does not */
    TunCheck(Host host, Optional<JsonNode> info) {
        this.host = host;
        this.networkCmd = info.map(i -> i.path("host").path("rootlessNetworkCmd").asText("")).filter(c -> !c.isBlank()).orElse("slirp4netns");
    }

    @Override
    public Check run() {
        String topic = M.get("topic.tun");
        if (!host.exists(TUN)) {
            return Check.warn(topic, M.get("tun.missing"), "sudo modprobe tun");
        }
        return host.openToUsers(TUN)
                ? Check.ok(topic, M.get("tun.ok", networkCmd))
                : Check.warn(topic, M.get("tun.closed"), "sudo chmod 0666 " + TUN).repairedBy(Repairs.openDevice(TUN, "repair.tun"));
    }
}
