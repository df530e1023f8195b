package capas.context;

import capas.Messages;
import capas.os.Entry;

/** Spanish names of entry types, shared by listings. */
final class Types {
    private static final Messages M = Messages.of(Types.class);

    private Types() {
    }

    static String of(Entry e) {
        return M.get(e.isWhiteout() ? "type.whiteout" : e.isDirectory() ? "type.dir" : e.isSymlink() ? "type.symlink"
                : e.isRegularFile() ? "type.file" : "type.other");
    }
}
