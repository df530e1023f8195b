package capas.os;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A file or folder held open by descriptor ({@code O_PATH|O_NOFOLLOW}), so that what is read
 * afterwards is the very object that was checked: a running container can swap a folder of its
 * layer for a symlink at any moment, but not the object behind an open descriptor.
 *
 * <p>{@link #real()} is where the kernel says the descriptor points, after any swap;
 * {@link #proc()} reaches that same object again ({@code /proc/self/fd/N}), to read or list it.
 *
 * <p>A walk down a layer never names a path below the layer's folder: {@link #openDirectory}
 * pins the folder, then {@link #openAt} takes one name at a time relative to the descriptor
 * of the folder above, and {@link #stat}, {@link #readLink} and {@link #xattr} read the pinned
 * object itself. Swapping a folder for a symlink between two steps then changes nothing: the
 * next step starts from the descriptor, not from a name the container can rewrite.
 */
public final class PinnedPath implements AutoCloseable {
    /** {@code O_PATH} and {@code O_CLOEXEC} have the same value on every Linux architecture. */
    private static final int O_PATH = 010000000;
    private static final int O_CLOEXEC = 02000000;
    /**
     * {@code O_NOFOLLOW} and {@code O_DIRECTORY} do not: x86, riscv and most others take
     * asm-generic's values; arm, arm64 and powerpc define their own.
     */
    private static final boolean OWN_FLAGS = System.getProperty("os.arch").matches("aarch64|arm.*|ppc.*");
    private static final int O_NOFOLLOW = OWN_FLAGS ? 0100000 : 0400000;
    private static final int O_DIRECTORY = OWN_FLAGS ? 040000 : 0200000;
    /** The {@code AT_*} flags and {@code STATX_*} bits are generic: one value on every architecture. */
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int STATX_BASIC_STATS = 0x7ff;
    /** type, mode, uid, gid, size: what an {@link Entry} is made of. */
    private static final int STATX_NEEDED = 0x1 | 0x2 | 0x8 | 0x10 | 0x200;
    private static final int ENOENT = 2;
    private static final int EACCES = 13;
    /** PATH_MAX: the kernel refuses longer symlink targets. */
    private static final int PATH_MAX = 4096;

    private final int fd;
    private final Path path;
    private Path real;

    private PinnedPath(int fd, Path path) {
        this.fd = fd;
        this.path = path;
    }

    /**
     * Opens {@code path} without following a symlink at its end.
     *
     * @throws IOException when it cannot be opened (missing, a symlink, no permission)
     */
    public static PinnedPath open(Path path) throws IOException {
        int fd = LibC.INSTANCE.open(path.toString(), O_PATH | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            throw error(path, Native.getLastError());
        }
        PinnedPath pinned = new PinnedPath(fd, path);
        try {
            // Read now, not when asked: callers compare it with where they expected to be at opening time.
            pinned.real = Files.readSymbolicLink(pinned.proc());
            return pinned;
        } catch (IOException | RuntimeException e) {
            pinned.close();
            throw e;
        }
    }

    /**
     * Opens the folder a walk starts from, such as a layer's {@code diff}. Symlinks on its own
     * path are followed: that path belongs to the store, which the container cannot touch;
     * everything below it is reached through {@link #openAt}.
     *
     * @throws NoSuchFileException when nothing is there
     * @throws IOException         when it is not a folder or cannot be opened
     */
    public static PinnedPath openDirectory(Path dir) throws IOException {
        int fd = LibC.INSTANCE.open(dir.toString(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) {
            throw error(dir, Native.getLastError());
        }
        return new PinnedPath(fd, dir);
    }

    /**
     * The entry {@code name} of this pinned folder, opened through this descriptor without
     * following a symlink, or empty when the folder has no such entry.
     *
     * @param name one component: never empty, {@code .}, {@code ..}, nor containing {@code /}, so
     *             the object opened is always a direct entry of this folder
     * @throws IOException when it cannot be opened (this is not a folder, no permission)
     */
    public Optional<PinnedPath> openAt(String name) throws IOException {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not one component: " + name);
        }
        Path child = path.resolve(name);
        int childFd = LibC.INSTANCE.openat(fd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
        if (childFd < 0) {
            int errno = Native.getLastError();
            if (errno == ENOENT) {
                return Optional.empty();
            }
            throw error(child, errno);
        }
        return Optional.of(new PinnedPath(childFd, child));
    }

    /** What statx says of the pinned object itself (a symlink is not followed), named {@link #path()}. */
    public Entry stat() throws IOException {
        byte[] buf = new byte[256];
        if (LibC.INSTANCE.statx(fd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buf) != 0) {
            throw error(path, Native.getLastError());
        }
        ByteBuffer stx = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder());
        if ((stx.getInt(0) & STATX_NEEDED) != STATX_NEEDED) {
            throw new FileSystemException(path.toString(), null, "statx did not say type, mode, owner and size");
        }
        int mode = stx.getShort(28) & 0xffff;
        long rdev = makedev(stx.getInt(128) & 0xffffffffL, stx.getInt(132) & 0xffffffffL);
        return new Entry(path, mode, rdev, stx.getInt(20), stx.getInt(24), stx.getLong(40));
    }

    /** glibc's makedev: the {@code st_rdev} that lstat (and so {@link Entry#lstat}) reports for the same device. */
    private static long makedev(long major, long minor) {
        return (major & 0xfffL) << 8 | (major & 0xfffff000L) << 32 | minor & 0xffL | (minor & 0xffffff00L) << 12;
    }

    /** The target of the pinned symlink, as written in it. */
    public String readLink() throws IOException {
        byte[] buf = new byte[PATH_MAX];
        long size = LibC.INSTANCE.readlinkat(fd, "", buf, buf.length);
        if (size < 0) {
            throw error(path, Native.getLastError());
        }
        return Native.toString(Arrays.copyOf(buf, (int) size));
    }

    /**
     * The value of extended attribute {@code name} of the pinned object, or empty when it has
     * none or it cannot be read (trusted.* needs root).
     */
    public Optional<String> xattr(String name) {
        byte[] value = new byte[256];
        long size = LibC.INSTANCE.getxattr(proc().toString(), name, value, value.length);
        if (size < 0) {
            return Optional.empty();
        }
        return Optional.of(new String(value, 0, (int) size, StandardCharsets.UTF_8));
    }

    /** The path this was opened by: the folder's given path, then one name per {@link #openAt}, for display. */
    public Path path() {
        return path;
    }

    /** Where the open descriptor really is, every symlink on the way resolved. */
    public Path real() {
        if (real == null) {
            try {
                real = Files.readSymbolicLink(proc());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return real;
    }

    /** A path to the pinned object itself, whatever happens to its name meanwhile. */
    public Path proc() {
        return Path.of("/proc/self/fd/" + fd);
    }

    private static IOException error(Path path, int errno) {
        String reason = LibC.INSTANCE.strerror(errno).getString(0);
        return switch (errno) {
            case ENOENT -> new NoSuchFileException(path.toString(), null, reason);
            case EACCES -> new AccessDeniedException(path.toString(), null, reason);
            default -> new FileSystemException(path.toString(), null, reason);
        };
    }

    @Override
    public void close() {
        LibC.INSTANCE.close(fd);
    }
}
