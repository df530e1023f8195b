package capas.store;

import capas.Messages;
import capas.os.Entry;

/** The Spanish name of what an entry is (fichero, directorio, enlace simbólico, whiteout…), for every listing: a whiteout in any of its forms ({@link Whiteouts}). */
public final class EntryType {
    private static final Messages M = Messages.of(EntryType.class);

    private EntryType() {
    }

    public static String of(Entry e) {
        return M.get(Whiteouts.isWhiteout(e) ? "type.whiteout" : e.isDirectory() ? "type.dir" : e.isSymlink() ? "type.symlink"
                : e.isRegularFile() ? "type.file" : "type.other");
    }
}
