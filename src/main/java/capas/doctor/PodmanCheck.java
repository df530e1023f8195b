package capas.doctor;

import capas.Messages;
import capas.os.CommandResult;
import java.nio.file.Path;

/** Podman itself: without it the rest of the diagnosis has nothing to ask. */
final class PodmanCheck implements HostCheck {
    private static final Messages M = Messages.of(PodmanCheck.class);
    private final Host host;

    PodmanCheck(Host host) {
        this.host = host;
    }

    /** Present only where the kernel runs cgroups v2 (the unified hierarchy). */
    static final Path CGROUP_V2_MARK = Path.of("/sys/fs/cgroup/cgroup.controllers");

    @Override
    public Check run() {
        CommandResult version = host.run("podman", "--version");
        if (!version.ok()) {
            return Check.error(M.get("topic.podman"), M.get("podman.missing"), Packages.hint("podman"));
        }
        String number = version.firstLine().replace("podman version ", "").strip();
        String detail = M.get("podman.version", number);
        // Podman 5 warns on every command of a cgroups v1 system: a student sees it in the terminal.
        if (major(number) >= 5 && !host.exists(CGROUP_V2_MARK)) {
            detail += " " + M.get("podman.cgroups.v1");
        }
        return Check.ok(M.get("topic.podman"), detail);
    }

    private static int major(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
