package capas.doctor;

import capas.Messages;
import capas.os.CommandResult;

/** Podman itself: without it the rest of the diagnosis has nothing to ask. */
final class PodmanCheck implements HostCheck {
    private static final Messages M = Messages.of(PodmanCheck.class);
    private final Host host;

    PodmanCheck(Host host) {
        this.host = host;
    }

    @Override
    public Check run() {
        CommandResult version = host.run("podman", "--version");
        return version.ok()
                ? Check.ok(M.get("topic.podman"), M.get("podman.version", version.firstLine().replace("podman version ", "")))
                : Check.error(M.get("topic.podman"), M.get("podman.missing"), Packages.hint("podman"));
    }
}
