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

    /**
     * Follows a symlink at the end, which is what reading through {@code /proc/self/fd/N} needs:
     * fgetxattr refuses an {@code O_PATH} descriptor, and lgetxattr would read the proc link itself.
     */
    long getxattr(String path, String name, byte[] value, long size);

    Pointer strerror(int errnum);

    /** Declared with two arguments: the flags {@link PinnedPath} passes never create a file, so no mode follows. */
    int open(String path, int flags);

    /** Same two-argument shape as {@link #open}: never called with O_CREAT. */
    int openat(int dirfd, String path, int flags);

    /** glibc ≥ 2.28; {@code struct statx} has one layout on every architecture (256 bytes). */
    int statx(int dirfd, String path, int flags, int mask, byte[] buf);

    long readlinkat(int dirfd, String path, byte[] buf, long size);

    int close(int fd);

    /** kill(2): a negative pid signals that process group; errno EPERM when the target belongs to someone else. */
    int kill(int pid, int signal);
}
