package capas.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes, in a test's folders, every on-disk form of a whiteout and of an opaque directory, the
 * way the kernel's overlay or fuse-overlayfs would leave them in an upper layer.
 */
final class OverlayMarks {
    /** The kernel's whiteout (a character device 0:0) and fuse-overlayfs's where it cannot mknod ({@code .wh.<name>}). */
    static final List<String> WHITEOUT_FORMS = List.of("device", "file");
    /** Every way to make a directory opaque. */
    static final List<String> OPAQUE_FORMS = List.of("trusted.overlay.opaque", "user.overlay.opaque", "user.fuseoverlayfs.opaque",
            ".wh..wh..opq");

    /** setxattr(2): the JDK writes only {@code user.*} attributes, the kernel's overlay mounted as root writes {@code trusted.*}. */
    private interface XattrLibC extends Library {
        XattrLibC INSTANCE = Native.load("c", XattrLibC.class);

        int setxattr(String path, String name, byte[] value, long size, int flags);
    }

    private OverlayMarks() {
    }

    /** For {@code @MethodSource("capas.store.OverlayMarks#whiteoutForms")}. */
    static List<String> whiteoutForms() {
        return WHITEOUT_FORMS;
    }

    /** For {@code @MethodSource("capas.store.OverlayMarks#opaqueForms")}. */
    static List<String> opaqueForms() {
        return OPAQUE_FORMS;
    }

    /** Deletes {@code path} in its layer with the whiteout {@code form}: its parent folder is created if missing. */
    static void whiteout(Path path, String form) throws Exception {
        Files.createDirectories(path.getParent());
        switch (form) {
            case "device" -> deviceWhiteout(path);
            case "file" -> Files.createFile(path.resolveSibling(".wh." + path.getFileName()));
            default -> throw new IllegalArgumentException(form);
        }
    }

    /**
     * A character device 0:0. Since Linux 5.8 anyone may make one; before, it needs CAP_MKNOD,
     * which a user namespace may give: the case is skipped only when both fail.
     */
    private static void deviceWhiteout(Path path) throws Exception {
        if (run("mknod", path.toString(), "c", "0", "0") == 0 || run("unshare", "-rm", "mknod", path.toString(), "c", "0", "0") == 0) {
            return;
        }
        assumeTrue(false, "this kernel lets no one here make a character device 0:0");
    }

    /** Makes {@code dir} (created if missing) opaque with {@code form}: an extended attribute, or a {@code .wh..wh..opq} file. */
    static void opaque(Path dir, String form) throws Exception {
        Files.createDirectories(dir);
        if (form.startsWith(".wh.")) {
            Files.createFile(dir.resolve(form));
            return;
        }
        byte[] y = "y".getBytes(StandardCharsets.UTF_8);
        int rc = XattrLibC.INSTANCE.setxattr(dir.toString(), form, y, y.length, 0);
        // trusted.* needs CAP_SYS_ADMIN: root's case, skipped for anyone else.
        assumeTrue(rc == 0 || !form.startsWith("trusted."), "only root can write " + form);
        if (rc != 0) {
            throw new IllegalStateException("setxattr " + form + " on " + dir + ": errno " + Native.getLastError());
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor();
    }
}
