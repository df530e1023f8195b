package capas.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The libc functions Capas binds; loaded once, on first use. */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int getuid();

    int geteuid();

    /** {@code struct statfs} is 120 bytes on x86_64/aarch64 Linux; f_type is its first long. */
    int statfs(String path, byte[] buf);

    long lgetxattr(String path, String name, byte[] value, long size);

    Pointer strerror(int errnum);

    /** Declared with two arguments: the flags {@link PinnedPath} passes never create a file, so no mode follows. */
    int open(String path, int flags);

    int close(int fd);

    /** kill(2): a negative pid signals that process group; errno EPERM when the target belongs to someone else. */
    int kill(int pid, int signal);
}
