package capas.os;

import com.sun.jna.Native;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** The operating-system facts the JDK cannot give: who we are, what a mount is, trusted xattrs. */
public final class Posix {
    /** {@code OVERLAYFS_SUPER_MAGIC} from linux/magic.h. */
    public static final long OVERLAYFS_MAGIC = 0x794c7630L;

    private Posix() {
    }

    public static int uid() {
        return LibC.INSTANCE.getuid();
    }

    public static int euid() {
        return LibC.INSTANCE.geteuid();
    }

    public static boolean isRoot() {
        return euid() == 0;
    }

    /** The file-system type magic of the file system holding {@code path}. */
    public static long fileSystemType(Path path) {
        byte[] buf = new byte[256];
        if (LibC.INSTANCE.statfs(path.toString(), buf) != 0) {
            throw new IllegalStateException("statfs " + path + ": errno " + Native.getLastError());
        }
        long type = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder()).getLong(0);
        return type & 0xffffffffL;
    }

    /** Whether {@code path} is on an overlay mount (e.g. a container's {@code merged}). */
    public static boolean isOverlay(Path path) {
        return fileSystemType(path) == OVERLAYFS_MAGIC;
    }

    /**
     * The value of extended attribute {@code name} of {@code path} itself (never of a symlink's
     * target), or empty when it has none or it cannot be read (trusted.* needs root).
     */
    public static Optional<String> xattr(Path path, String name) {
        byte[] value = new byte[256];
        long size = LibC.INSTANCE.lgetxattr(path.toString(), name, value, value.length);
        if (size < 0) {
            return Optional.empty();
        }
        return Optional.of(new String(value, 0, (int) size, StandardCharsets.UTF_8));
    }
}
