package capas.store;

/** A change in a container's layer, with {@code podman diff}'s letters. */
public enum ChangeKind {
    /** Added: the image did not have it. */
    A,
    /** Changed: the image had it, the container layer holds a new copy (copy-up). */
    C,
    /** Deleted: a whiteout hides the image's entry. */
    D
}
