package capas.podman;

import capas.Env;
import capas.Mode;
import capas.os.Commands;
import capas.os.Posix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code podman info} said the store's folder is, kept on disk for the next kernel: asking
 * costs a podman start (150–600 ms), paid by every notebook before its first answer, while the
 * answer only changes when a storage.conf, the variables that choose one, or podman itself do.
 * The entry records all of them (path, size, mtime, inode) and is used only while they are the
 * same; otherwise podman is asked again.
 *
 * <p>The configuration files are those containers/storage reads: {@code CONTAINERS_STORAGE_CONF},
 * {@code /etc/containers/storage.conf}, {@code /usr/share/containers/storage.conf} and, rootless,
 * {@code $XDG_CONFIG_HOME/containers/storage.conf}.
 */
final class GraphRootCache {
    private GraphRootCache() {
    }

    /** The folder recorded for {@code mode}, if nothing that decides it has changed since. */
    static Optional<Path> read(Mode mode) {
        return read(file(mode), fingerprint(mode, configFiles(mode)));
    }

    /** Records what podman said; a cache that cannot be written only costs the next kernel a podman start. */
    static void write(Mode mode, Path graphRoot) {
        write(file(mode), fingerprint(mode, configFiles(mode)), graphRoot);
    }

    static Optional<Path> read(Path file, String fingerprint) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() == 2 && lines.get(0).equals(fingerprint) && lines.get(1).startsWith("/")) {
                return Optional.of(Path.of(lines.get(1)));
            }
        } catch (IOException | RuntimeException e) {
            // No entry, or one from another version: ask podman.
        }
        return Optional.empty();
    }

    static void write(Path file, String fingerprint, Path graphRoot) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temp, fingerprint + "\n" + graphRoot + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // Read-only home, full disk: nothing is lost.
        }
    }

    private static Path file(Mode mode) {
        return Env.cacheDir().resolve("graphroot-" + mode.name().toLowerCase() + ".txt");
    }

    /** The files whose content decides the answer: the storage.conf files containers/storage reads, and podman itself. */
    static List<Path> configFiles(Mode mode) {
        List<Path> files = new ArrayList<>(List.of(Path.of("/etc/containers/storage.conf"), Path.of("/usr/share/containers/storage.conf")));
        String chosen = Env.get(Env.CONTAINERS_STORAGE_CONF, "");
        if (!chosen.isEmpty()) {
            files.add(Path.of(chosen));
        }
        if (mode == Mode.ROOTLESS) {
            files.add(Env.rootlessStorageConf());
        }
        Commands.which("podman", Env.path()).ifPresent(files::add);
        return files;
    }

    /** Everything that decides the answer, as one line: who asks, the variables that choose a storage.conf, each file's stamp. */
    static String fingerprint(Mode mode, List<Path> files) {
        StringBuilder key = new StringBuilder("v1 ").append(mode).append(" uid=").append(Posix.uid())
                .append(" conf=").append(Env.get(Env.CONTAINERS_STORAGE_CONF, ""));
        if (mode == Mode.ROOTLESS) {
            key.append(" home=").append(Env.home()).append(" data=").append(Env.get(Env.XDG_DATA_HOME, ""));
        }
        files.forEach(f -> key.append(' ').append(stamp(f)));
        return key.toString();
    }

    private static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);   // follows links: what is read
            return file + ":" + a.size() + ":" + a.lastModifiedTime().toMillis() + ":" + a.fileKey();
        } catch (IOException e) {
            return file + ":-";
        }
    }
}
