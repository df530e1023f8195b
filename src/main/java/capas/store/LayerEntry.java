package capas.store;

/**
 * One entry of a layer's {@code diff}, classified against the layers below it, the way
 * overlayfs would show it.
 *
 * @param path      the path inside the image or container, e.g. {@code /etc/passwd}
 * @param kind      {@link ChangeKind#A} if no layer below has it (or an opaque folder above hides
 *                  them), {@link ChangeKind#C} if a layer below has it too (this copy wins),
 *                  {@link ChangeKind#D} for a whiteout, and for an opaque folder that replaces
 *                  one of the layers below (deleted, then made again), as {@code podman diff} says
 * @param directory whether it is a folder (never true for a whiteout)
 * @param opaque    whether it is an opaque folder: it hides everything below it in lower layers
 * @param type      what it is: fichero, directorio, enlace simbólico, whiteout… (a whiteout in any form, see {@link Whiteouts})
 * @param size      bytes: a file's size; for a folder, the bytes of everything under it in this layer
 */
public record LayerEntry(String path, ChangeKind kind, boolean directory, boolean opaque, String type, long size) {
    /** The entry's name, the last component of its path. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** How many folders deep it is: 1 for {@code /etc}, 2 for {@code /etc/passwd}. */
    public int level() {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
