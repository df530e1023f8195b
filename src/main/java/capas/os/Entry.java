package capas.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code lstat} (or {@link PinnedPath#stat}, through a descriptor) says of one directory
 * entry: never follows a symlink, so that reading a container's layer as root can never land on
 * the host's files.
 *
 * @param path   the entry on the host
 * @param mode   st_mode (type and permission bits)
 * @param rdev   st_rdev (device number, for device files)
 * @param uid    owner on the host
 * @param gid    group on the host
 * @param size   st_size in bytes
 */
public record Entry(Path path, int mode, long rdev, int uid, int gid, long size) {
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFLNK = 0120000;
    private static final int S_IFREG = 0100000;

    /** lstat of {@code path}, or empty when nothing is there. */
    public static Optional<Entry> lstat(Path path) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(path, "unix:mode,rdev,uid,gid,size", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(new Entry(path, (Integer) a.get("mode"), (Long) a.get("rdev"), (Integer) a.get("uid"),
                (Integer) a.get("gid"), (Long) a.get("size")));
    }

    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public boolean isRegularFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public boolean isSymlink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    /** A character device: with device number 0:0, the kernel's whiteout (capas.store.Whiteouts knows every form). */
    public boolean isCharacterDevice() {
        return (mode & S_IFMT) == S_IFCHR;
    }

    /** Permission bits as {@code ls -l} shows them, e.g. {@code -rw-r--r--}. */
    public String permissions() {
        char type = isDirectory() ? 'd' : isSymlink() ? 'l' : (mode & S_IFMT) == S_IFCHR ? 'c' : '-';
        StringBuilder text = new StringBuilder().append(type);
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            text.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return text.toString();
    }
}
