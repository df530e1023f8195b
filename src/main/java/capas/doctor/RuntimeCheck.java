package capas.doctor;

import capas.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The OCI runtime against the cgroup layout: crun cannot start containers on hybrid cgroups, unless
 * containers.conf gives them none ({@code cgroups = "disabled"}, as in a classroom container).
 */
final class RuntimeCheck implements HostCheck {
    private static final Messages M = Messages.of(RuntimeCheck.class);
    /** Present only when the unified hierarchy is mounted beside v1 (hybrid mode). */
    static final Path CGROUP_UNIFIED = Path.of("/sys/fs/cgroup/unified");
    private final Host host;
    private final Optional<JsonNode> info;

    /** @param info {@code podman info} of either mode ({@link PodmanInfo}) */
    RuntimeCheck(Host host, Optional<JsonNode> info) {
        this.host = host;
        this.info = info;
    }

    @Override
    public Check run() {
        String topic = M.get("topic.runtime");
        if (info.isEmpty()) {
            return Check.warn(topic, M.get("runtime.unknown"), "podman info");
        }
        JsonNode hostInfo = info.get().path("host");
        String runtime = hostInfo.path("ociRuntime").path("name").asText("?");
        String cgroups = hostInfo.path("cgroupVersion").asText("?");
        boolean hybrid = host.isDirectory(CGROUP_UNIFIED);
        if ("crun".equals(runtime) && ContainersConf.cgroupsDisabled(host)) {
            return Check.ok(topic, M.get("runtime.crun.disabled", cgroups));
        }
        if ("crun".equals(runtime) && hybrid) {
            Check check = Check.error(topic, M.get("runtime.crun.hybrid"), DropIn.PATH + ": [engine] runtime = \"runc\"");
            // Switching to runc only helps where runc is installed; otherwise the fix says to install it.
            return host.which("runc").isPresent()
                    ? check.repairedBy(Repairs.dropIn(Path.of(DropIn.PATH), "engine", "runtime", "\"runc\"", "repair.runtime"))
                    : new Check(topic, Status.ERROR, M.get("runtime.crun.hybrid"), Packages.hint("podman"));
        }
        return Check.ok(topic, M.get("runtime.ok", runtime, cgroups + (hybrid ? " (" + M.get("runtime.hybrid") + ")" : "")));
    }
}
