package capas.context;

import capas.CapasException;
import capas.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which mount and user namespaces a process is in, as {@code readlink /proc/<pid>/ns/mnt} and
 * {@code .../ns/user} name them ({@code mnt:[4026531841]}): two processes share a namespace
 * exactly when these texts are equal.
 *
 * @param pid  the process, as the host numbers it (a rootless namespace has no pid namespace of its own)
 * @param mnt  its mount namespace
 * @param user its user namespace
 */
public record NamespaceIds(long pid, String mnt, String user) {
    private static final Messages M = Messages.of(NamespaceIds.class);

    /** The namespaces of the calling process (for a probe: of the context it entered). */
    public static NamespaceIds self() {
        return of(ProcessHandle.current().pid());
    }

    /** The namespaces of process {@code pid}; reading them needs the right to inspect it (your own processes). */
    public static NamespaceIds of(long pid) {
        return new NamespaceIds(pid, link(pid, "mnt"), link(pid, "user"));
    }

    private static String link(long pid, String kind) {
        Path link = Path.of("/proc", String.valueOf(pid), "ns", kind);
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.NOT_FOUND, M.get("ns.unreadable", link, e.getClass().getSimpleName()),
                    M.get("ns.unreadable.hint"));
        }
    }
}
