package capas.os;

import java.nio.file.Path;

/**
 * Who this process runs as: the one place that decides "am I root" (the effective uid, from
 * the kernel, not a name that could be anything) and names the user.
 *
 * @param uid  the real uid, the owner podman's user namespace maps to 0
 * @param user the user's name, as {@code /etc/subuid} and {@code usermod} know it
 * @param home the user's home folder
 * @param root whether the effective uid is 0
 */
public record Identity(long uid, String user, Path home, boolean root) {
    /** This process. */
    public static Identity current() {
        return new Identity(Posix.uid(), System.getProperty("user.name"), Path.of(System.getProperty("user.home")), Posix.isRoot());
    }
}
