package capas.lab;

/**
 * The namespaces one process runs in, seen from the host.
 *
 * @param role    what the process is to the lesson
 * @param name    the container's name (for {@link Role#CONTAINER}), otherwise {@code null}
 * @param pid     the process id on the host
 * @param hostUid who runs it, as the host sees it ({@code Uid:} of {@code /proc/<pid>/status})
 * @param mnt     its mount namespace ({@code readlink /proc/<pid>/ns/mnt})
 * @param user    its user namespace ({@code readlink /proc/<pid>/ns/user})
 */
public record ProcessNamespaces(Role role, String name, long pid, long hostUid, String mnt, String user) {
    /** What the process is. */
    public enum Role {
        /** This notebook's own process, on the host. */
        HOST,
        /** Rootless podman's pause process, keeper of the user's namespaces. */
        PAUSE,
        /** A process started by {@code podman unshare}. */
        UNSHARE,
        /** A container's first process (its PID 1 inside). */
        CONTAINER
    }
}
