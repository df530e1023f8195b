package capas.lab;

import capas.CapasException;
import capas.Messages;
import capas.render.Displayable;
import capas.render.TableView;
import java.util.List;
import java.util.Map;

/**
 * The namespaces of the processes a rootless lesson compares: this notebook (the host), podman's
 * pause process, a {@code podman unshare} and each container's first process.
 *
 * @param processes one row each, in that order
 */
public record Namespaces(List<ProcessNamespaces> processes) implements Displayable {
    private static final Messages M = Messages.of(Namespaces.class);

    public Namespaces {
        processes = List.copyOf(processes);
    }

    /** This notebook's process, on the host. */
    public ProcessNamespaces host() {
        return only(ProcessNamespaces.Role.HOST);
    }

    /** Podman's pause process. */
    public ProcessNamespaces pause() {
        return only(ProcessNamespaces.Role.PAUSE);
    }

    /** The process Capas keeps inside {@code podman unshare}. */
    public ProcessNamespaces unshare() {
        return only(ProcessNamespaces.Role.UNSHARE);
    }

    /** The first process of container {@code name}. */
    public ProcessNamespaces container(String name) {
        return processes.stream().filter(p -> p.role() == ProcessNamespaces.Role.CONTAINER && p.name().equals(name)).findFirst()
                .orElseThrow(() -> new CapasException(CapasException.Kind.UNKNOWN_CONTAINER, M.get("ns.no.container", name)));
    }

    private ProcessNamespaces only(ProcessNamespaces.Role role) {
        return processes.stream().filter(p -> p.role() == role).findFirst().orElseThrow();
    }

    private static String label(ProcessNamespaces p) {
        return switch (p.role()) {
            case HOST -> M.get("ns.host");
            case PAUSE -> M.get("ns.pause");
            case UNSHARE -> M.get("ns.unshare");
            case CONTAINER -> M.get("ns.container", p.name());
        };
    }

    TableView table() {
        TableView.Builder table = TableView.of(M.get("ns.col.process"), M.get("ns.col.pid"), M.get("ns.col.uid"), M.get("ns.col.mnt"),
                M.get("ns.col.user")).caption(M.get("ns.caption"));
        processes.forEach(p -> table.row(label(p), p.pid(), p.hostUid(), p.mnt(), p.user()));
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
