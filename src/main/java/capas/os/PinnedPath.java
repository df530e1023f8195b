package capas.os;

import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file or folder held open by descriptor ({@code O_PATH|O_NOFOLLOW}), so that what is read
 * afterwards is the very object that was checked: a running container can swap a folder of its
 * layer for a symlink at any moment, but not the object behind an open descriptor.
 *
 * <p>{@link #real()} is where the kernel says the descriptor points, after any swap;
 * {@link #proc()} reaches that same object again ({@code /proc/self/fd/N}), to read or list it.
 */
public final class PinnedPath implements AutoCloseable {
    /** {@code O_PATH} and {@code O_CLOEXEC} have the same value on every Linux architecture. */
    private static final int O_PATH = 010000000;
    private static final int O_CLOEXEC = 02000000;
    /** {@code O_NOFOLLOW} is not: x86 has its own value; arm64, riscv and the rest use asm-generic's. */
    private static final int O_NOFOLLOW = System.getProperty("os.arch").matches("amd64|x86_64|i386|x86") ? 0400000 : 0100000;

    private final int fd;
    private final Path real;

    private PinnedPath(int fd, Path real) {
        this.fd = fd;
        this.real = real;
    }

    /**
     * Opens {@code path} without following a symlink at its end.
     *
     * @throws IOException when it cannot be opened (missing, a symlink, no permission)
     */
    public static PinnedPath open(Path path) throws IOException {
        int fd = LibC.INSTANCE.open(path.toString(), O_PATH | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            throw new IOException(path + ": " + LibC.INSTANCE.strerror(Native.getLastError()).getString(0));
        }
        try {
            return new PinnedPath(fd, Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)));
        } catch (IOException | RuntimeException e) {
            LibC.INSTANCE.close(fd);
            throw e;
        }
    }

    /** Where the open descriptor really is, every symlink on the way resolved. */
    public Path real() {
        return real;
    }

    /** A path to the pinned object itself, whatever happens to its name meanwhile. */
    public Path proc() {
        return Path.of("/proc/self/fd/" + fd);
    }

    @Override
    public void close() {
        LibC.INSTANCE.close(fd);
    }
}
