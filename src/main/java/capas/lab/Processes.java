package capas.lab;

import capas.CapasException;
import capas.Messages;
import capas.Mode;
import capas.context.Inspector;
import capas.context.NamespaceIds;
import capas.os.Posix;
import capas.podman.Podman;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes a rootless lesson compares, and the mount and user namespaces each runs in:
 * this notebook's, podman's pause process, a {@code podman unshare} and each container's first
 * process.
 *
 * <pre>{@code
 * lab.processes().namespaces("contenedor1", "contenedor2")
 * }</pre>
 */
public final class Processes {
    private static final Messages M = Messages.of(Processes.class);

    private final Mode mode;
    private final Podman podman;
    private final Inspector namespace;

    Processes(Mode mode, Podman podman, Inspector namespace) {
        this.mode = mode;
        this.podman = podman;
        this.namespace = namespace;
    }

    /** The host pid of the container's first process ({@code podman inspect --format '{{.State.Pid}}'}). */
    public long pid(String container) {
        long pid = podman.inspect(container).path("State").path("Pid").asLong(0);
        if (pid <= 0) {
            throw new CapasException(CapasException.Kind.NOT_RUNNING, M.get("container.no.pid", container), M.get("container.no.pid.hint", container));
        }
        return pid;
    }

    /** Rootless podman's pause process, found where podman keeps its pid ({@code <runtime dir>/libpod/tmp/pause.pid}). */
    public PauseProcess pause() {
        requireRootless();
        return PauseProcess.find(Posix.uid(), podman.runtimeDir());
    }

    /**
     * The mount and user namespaces of this notebook's process, of podman's pause process, of a
     * process inside {@code podman unshare} and of the first process of each of {@code containers}.
     */
    public Namespaces namespaces(String... containers) {
        requireRootless();
        List<ProcessNamespaces> rows = new ArrayList<>();
        rows.add(row(ProcessNamespaces.Role.HOST, null, NamespaceIds.self()));
        rows.add(row(ProcessNamespaces.Role.PAUSE, null, NamespaceIds.of(pause().pid())));
        rows.add(row(ProcessNamespaces.Role.UNSHARE, null, namespace.namespaces()));
        for (String c : containers) {
            rows.add(row(ProcessNamespaces.Role.CONTAINER, c, NamespaceIds.of(pid(c))));
        }
        return new Namespaces(rows);
    }

    private static ProcessNamespaces row(ProcessNamespaces.Role role, String name, NamespaceIds ids) {
        return new ProcessNamespaces(role, name, ids.pid(), ProcStatus.uid(ids.pid()), ids.mnt(), ids.user());
    }

    private void requireRootless() {
        if (mode != Mode.ROOTLESS) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("rootless.only", M.get("ns.rootless")));
        }
    }
}
