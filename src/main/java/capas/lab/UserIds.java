package capas.lab;

import capas.os.Identity;

import capas.CapasException;
import capas.Mode;
import capas.context.Inspector;
import capas.os.Posix;
import capas.store.IdMap;
import capas.store.Location;
import java.util.List;

/**
 * Uids and gids on both sides of the containers' user namespace: the maps (identity for
 * rootful), this user's own ids and subordinate ranges they are built from, and who owns a file
 * of a container's layer.
 *
 * <pre>{@code
 * lab.ids().uidMap().toHost(1000)     // the host uid of uid 1000 inside
 * lab.ids().owner("contenedor1", "/tmp/f.txt")
 * }</pre>
 */
public final class UserIds {
    private final Mode mode;
    private final Inspector namespace;
    private final Layers layers;

    UserIds(Mode mode, Inspector namespace, Layers layers) {
        this.mode = mode;
        this.namespace = namespace;
        this.layers = layers;
    }

    /** The uid map of the containers' user namespace (identity for rootful). */
    public IdMap uidMap() {
        return mode == Mode.ROOTLESS ? namespace.uidMap() : IdMap.IDENTITY;
    }

    /**
     * The gid map of the containers' user namespace (identity for rootful): set apart from the
     * uid map (from {@code /etc/subgid}), so a group id is never translated with the uid map.
     */
    public IdMap gidMap() {
        return mode == Mode.ROOTLESS ? namespace.gidMap() : IdMap.IDENTITY;
    }

    /** This user's uid on the host. */
    public long hostUid() {
        return Posix.uid();
    }

    /** This user's primary gid on the host. */
    public long hostGid() {
        return ProcStatus.gid(ProcessHandle.current().pid());
    }

    /**
     * This user's ranges of subordinate uids ({@code /etc/subuid}): what {@code newuidmap} lets
     * podman put in the uid map after the user's own uid.
     */
    public List<SubIdRange> subUids() {
        return SubIdRange.read(SubIdRange.SUBUID, userName(), hostUid());
    }

    /** This user's ranges of subordinate gids ({@code /etc/subgid}), the source of the gid map. */
    public List<SubIdRange> subGids() {
        return SubIdRange.read(SubIdRange.SUBGID, userName(), hostGid());
    }

    /** Who owns one file of the container's layers, on both sides. */
    public FileOwner owner(String container, String path) {
        Location where = layers.locate(container, path);
        if (where.state() != Location.State.PRESENT) {
            throw new CapasException(CapasException.Kind.NOT_FOUND, where.toString());
        }
        return new FileOwner(path, where.hostUid(), where.hostGid(), uidMap().toContainer(where.hostUid()), gidMap().toContainer(where.hostGid()));
    }

    static String userName() {
        return Identity.current().user();
    }
}
