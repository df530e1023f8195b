package capas;

/** Which podman a store belongs to. */
public enum Mode {
    /** Run as root ({@code sudo podman}); store in {@code /var/lib/containers/storage}. */
    ROOTFUL,
    /** Run as a normal user; store in {@code ~/.local/share/containers/storage}. */
    ROOTLESS
}
