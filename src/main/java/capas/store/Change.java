package capas.store;

/**
 * One line of {@code podman diff}, found by reading the container's upper {@code diff}.
 *
 * @param kind     A, C or D
 * @param path     the path inside the container
 * @param hostPath where the change is on the host (for D, the whiteout)
 */
public record Change(ChangeKind kind, String path, String hostPath) {
    @Override
    public String toString() {
        return kind + " " + path;
    }
}
