package capas.doctor;

import capas.Messages;
import java.nio.file.Path;

/** Capas's Jupyter kernel, installed for this user by {@code ./lab}. */
final class KernelCheck implements HostCheck {
    private static final Messages M = Messages.of(KernelCheck.class);
    private final Host host;

    KernelCheck(Host host) {
        this.host = host;
    }

    @Override
    public Check run() {
        Path spec = host.identity().home().resolve(".local/share/jupyter/kernels/capas/kernel.json");
        return host.isRegularFile(spec)
                ? Check.ok(M.get("topic.kernel"), M.get("kernel.found", spec))
                : Check.warn(M.get("topic.kernel"), M.get("kernel.missing", spec), "./lab");
    }
}
