package capas.doctor;

import capas.Messages;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Podman's default rlimits: without CAP_SYS_RESOURCE runc cannot set them and no container
 * starts, unless a containers.conf lowers them ({@code default_ulimits}).
 */
final class RlimitsCheck implements HostCheck {
    private static final Messages M = Messages.of(RlimitsCheck.class);
    /** Bit of CAP_SYS_RESOURCE in the capability sets (linux/capability.h). */
    static final int CAP_SYS_RESOURCE = 24;
    static final Path STATUS = Path.of("/proc/self/status");
    /** Limits runc can set without CAP_SYS_RESOURCE, and enough for the lessons' containers. */
    static final String LOWER_ULIMITS = "[\"nofile=1024:1024\", \"nproc=4096:4096\"]";
    private final Host host;

    RlimitsCheck(Host host) {
        this.host = host;
    }

    @Override
    public Check run() {
        String topic = M.get("topic.rlimits");
        if (hasCapability(CAP_SYS_RESOURCE)) {
            return Check.ok(topic, M.get("rlimits.ok"));
        }
        Optional<Path> lowered = ContainersConf.files(host).stream()
                .filter(f -> host.read(f).map(ContainersConf::setsDefaultUlimits).orElse(false)).findFirst();
        return lowered.isPresent()
                ? Check.ok(topic, M.get("rlimits.lowered", lowered.get()))
                : Check.error(topic, M.get("rlimits.missing"), DropIn.PATH + ": [containers] default_ulimits = " + LOWER_ULIMITS)
                        .repairedBy(Repairs.dropIn(Path.of(DropIn.PATH), "containers", "default_ulimits", LOWER_ULIMITS, "repair.rlimits"));
    }

    /** Whether the bounding set has {@code bit}; when it cannot be read, assume so rather than raise a false error. */
    private boolean hasCapability(int bit) {
        return host.read(STATUS).flatMap(status -> status.lines().filter(l -> l.startsWith("CapBnd:")).findFirst())
                .map(l -> (Long.parseUnsignedLong(l.substring("CapBnd:".length()).strip(), 16) >> bit & 1) == 1).orElse(true);
    }
}
