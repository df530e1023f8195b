package capas.context;

/**
 * One entry of a listed folder, as {@code ls -ln} would show it (never following symlinks).
 *
 * @param name        file name
 * @param type        fichero, directorio, enlace simbólico, whiteout…
 * @param permissions e.g. {@code -rw-r--r--}
 * @param uid         owner, as seen in the context that listed it
 * @param gid         group, likewise
 * @param size        bytes
 * @param linkTarget  for a symlink, its text (never followed); otherwise {@code null}
 */
public record DirEntry(String name, String type, String permissions, int uid, int gid, long size, String linkTarget) {
}
