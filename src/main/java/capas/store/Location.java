package capas.store;

import capas.Messages;

/**
 * Which layer serves a path of a container, and where that is on the host.
 *
 * @param path         the path asked for, inside the container
 * @param resolvedPath the same path after following the symlinks met on the way (inside the container)
 * @param state        found, deleted by a whiteout, or not there
 * @param layerId      the layer that decides ({@code null} when absent)
 * @param depth        0 for the container layer, 1 for the image's top layer, and so on down
 * @param hostPath     the entry on the host, under {@code overlay/<layer>/diff} ({@code null} when absent)
 * @param type         what the entry is: {@code fichero}, {@code directorio}, {@code enlace}, {@code whiteout}…
 * @param size         size in bytes of the entry
 * @param hostUid      owner on the host
 * @param hostGid      group on the host
 */
public record Location(String path, String resolvedPath, State state, String layerId, int depth, String hostPath, String type,
        long size, int hostUid, int hostGid) {
    private static final Messages M = Messages.of(Location.class);

    /** What overlayfs makes of a path. */
    public enum State {
        /** A layer holds it: the top-most one that has it serves it. */
        PRESENT,
        /** A whiteout in a layer above hides it: the container sees it deleted. */
        DELETED,
        /** No layer has it (or an opaque directory above hides the ones that do). */
        ABSENT
    }

    /** Whether the container's own read-write layer serves it. */
    public boolean inContainerLayer() {
        return state != State.ABSENT && depth == 0;
    }

    public java.nio.file.Path host() {
        return hostPath == null ? null : java.nio.file.Path.of(hostPath);
    }

    @Override
    public String toString() {
        return switch (state) {
            case PRESENT -> M.get(depth == 0 ? "location.container" : "location.image", path, type, layerId, depth, hostPath);
            case DELETED -> M.get("location.deleted", path, layerId, depth, hostPath);
            case ABSENT -> M.get("location.absent", path);
        };
    }
}
