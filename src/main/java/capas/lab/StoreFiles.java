package capas.lab;

import capas.context.DirEntry;
import capas.context.Inspector;
import java.nio.file.Path;
import java.util.List;

/**
 * The store's files as they are on disk, read with this mode's rights (rootful: through the
 * {@code sudo} probe): {@code ls -ln}, {@code test -e}, {@code cat} inside the store and
 * nowhere else. {@link #listDirInside} is the same folder seen from the containers' namespace.
 *
 * <pre>{@code
 * lab.files().readFile(lab.store().layout().linkFile(id))
 * }</pre>
 */
public final class StoreFiles {
    private static final int MAX_FILE_BYTES = 64 * 1024;

    private final Inspector store;
    private final Inspector namespace;

    StoreFiles(Inspector store, Inspector namespace) {
        this.store = store;
        this.namespace = namespace;
    }

    /** The entries of a folder inside the store, as {@code ls -ln} shows them (never following symlinks). */
    public List<DirEntry> listDir(Path dir) {
        return store.listDir(dir.toString());
    }

    /** Whether something exists at {@code path} inside the store. */
    public boolean exists(Path path) {
        return store.exists(path.toString());
    }

    /** The text of a file inside the store (at most 64 KiB). */
    public String readFile(Path path) {
        return store.readFile(path.toString(), MAX_FILE_BYTES);
    }

    /**
     * The entries of a folder inside the store as the containers' namespace sees them (for
     * rootless, inside {@code podman unshare}: owners as ids inside; and a {@code merged} exists
     * there only). {@link #listDir} gives the host's view.
     */
    public List<DirEntry> listDirInside(Path dir) {
        return namespace.listDir(dir.toString());
    }
}
