package capas.store;

import capas.os.Entry;
import capas.os.PinnedPath;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every on-disk form of the two overlay marks a layer's {@code diff} can hold, and the only
 * place that knows them:
 *
 * <ul>
 * <li>a <em>whiteout</em> says that the entry of the same name in the layers below was deleted:
 *     a character device 0:0 (kernel overlay, and fuse-overlayfs where it can mknod, as any user
 *     can since Linux 5.8), or a file named {@code .wh.<name>} (fuse-overlayfs where it cannot,
 *     and the OCI layer tar);</li>
 * <li>an <em>opaque</em> directory hides everything the layers below have under it: extended
 *     attribute {@code trusted.overlay.opaque=y} (kernel overlay mounted as root),
 *     {@code user.overlay.opaque=y} (mounted in a user namespace, {@code userxattr}),
 *     {@code user.fuseoverlayfs.opaque=y} (fuse-overlayfs), or a file {@code .wh..wh..opq}
 *     inside it (fuse-overlayfs, OCI layer tar). fuse-overlayfs writes the attribute, the file,
 *     and a device 0:0 named {@code .wh..opq} besides, all three.</li>
 * </ul>
 *
 * <p>Names starting with {@code .wh.} are marks, never files of the image or container: a
 * listing shows the entry a whiteout deletes, never the mark itself, and {@code .wh..wh.*}
 * (AUFS metadata such as {@code .wh..wh.plnk}, and the opaque mark) shows nothing at all.
 */
public final class Whiteouts {
    /** Before a name: that name is deleted in this layer. */
    static final String PREFIX = ".wh.";
    /** Before a name: a mark of the layer itself (AUFS metadata, the opaque mark), deleting nothing. */
    static final String META_PREFIX = PREFIX + PREFIX;
    /** A file inside a directory: the directory is opaque. */
    static final String OPAQUE_MARK = META_PREFIX + ".opq";
    /** The extended attributes that make a directory opaque when their value is {@value #YES}. */
    static final List<String> OPAQUE_XATTRS = List.of("trusted.overlay.opaque", "user.overlay.opaque", "user.fuseoverlayfs.opaque");
    private static final String YES = "y";

    private Whiteouts() {
    }

    /**
     * Whether {@code e} is a whiteout in either form: a character device 0:0, or a file named
     * {@code .wh.<name>}. A device whose own name is a mark deletes nothing any layer can hold:
     * fuse-overlayfs leaves one named {@code .wh..opq} in each folder it makes opaque, beside
     * its real marks (the attribute and {@code .wh..wh..opq}).
     */
    public static boolean isWhiteout(Entry e) {
        String name = e.path().getFileName() == null ? "" : e.path().getFileName().toString();
        return isDevice(e) ? !isMark(name) : deletedName(name).isPresent();
    }

    /** The kernel's form: a character device whose device number is 0:0. */
    static boolean isDevice(Entry e) {
        return e.isCharacterDevice() && e.rdev() == 0;
    }

    /** Whether {@code name} is a mark ({@code .wh.} anything) rather than an entry of the image or container. */
    static boolean isMark(String name) {
        return name.startsWith(PREFIX);
    }

    /** The name a {@code .wh.<name>} whiteout deletes, or empty when {@code name} is no such mark. */
    static Optional<String> deletedName(String name) {
        if (!name.startsWith(PREFIX) || name.startsWith(META_PREFIX) || name.length() == PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(name.substring(PREFIX.length()));
    }

    /** The name of the file that deletes {@code name} in the {@code .wh.} form. */
    static String markFor(String name) {
        return PREFIX + name;
    }

    /**
     * Whether the pinned directory is opaque, by any of its marks. Marks this process cannot read
     * ({@code trusted.*} needs root) count as absent.
     *
     * @param stat what {@link PinnedPath#stat} said of {@code dir}
     */
    public static boolean isOpaque(PinnedPath dir, Entry stat) throws IOException {
        if (!stat.isDirectory()) {
            return false;
        }
        if (OPAQUE_XATTRS.stream().anyMatch(name -> dir.xattr(name).map(YES::equals).orElse(false))) {
            return true;
        }
        Optional<PinnedPath> mark = dir.openAt(OPAQUE_MARK);
        mark.ifPresent(PinnedPath::close);
        return mark.isPresent();
    }

    /**
     * Whether {@code dir} is an opaque directory, read through a descriptor opened without
     * following a symlink at its end; {@code false} when nothing is there.
     */
    public static boolean isOpaque(Path dir) throws IOException {
        try (PinnedPath pinned = PinnedPath.open(dir)) {
            return isOpaque(pinned, pinned.stat());
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
