package capas.lab;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rootless podman's pause process: it keeps the user's user and mount namespaces alive between
 * podman commands, and every later command ({@code podman unshare} too) joins them. Podman writes
 * its pid in {@code <runtime dir>/libpod/tmp/pause.pid}.
 *
 * @param pidFile where podman wrote the pid
 * @param pid     the process
 */
public record PauseProcess(Path pidFile, long pid) {
    private static final Messages M = Messages.of(PauseProcess.class);

    /**
     * The pause process of user {@code uid}, found where podman keeps it.
     *
     * @param told podman's own runtime folder ({@code Podman.runtimeDir()}), when it could say
     */
    static PauseProcess find(long uid, Optional<Path> told) {
        List<Path> dirs = runtimeDirCandidates(Env.get("XDG_RUNTIME_DIR", ""), uid, Env.get("TMPDIR", "/tmp"), Env.home());
        // Podman uses one folder: the one it names, else the first usable one of its rules. A pid
        // file found anywhere else is stale.
        Path chosen = told.orElseGet(() -> dirs.stream().filter(d -> usableRuntimeDir(d, uid)).findFirst().orElse(null));
        List<Path> tried = new ArrayList<>();
        for (Path dir : chosen == null ? dirs : List.of(chosen)) {
            Path file = dir.resolve("libpod/tmp/pause.pid");
            tried.add(file);
            try {
                long pid = Long.parseLong(Files.readString(file).strip());
                if (Files.isDirectory(Path.of("/proc", String.valueOf(pid)))) {
                    return new PauseProcess(file, pid);
                }
            } catch (IOException | NumberFormatException e) {
                // Not here: try the next place podman could have used.
            }
        }
        throw new CapasException(CapasException.Kind.NOT_FOUND, M.get("pause.none", tried), M.get("pause.none.hint"));
    }

    /**
     * Podman's runtime folder, in the order podman chooses it when it cannot be asked
     * ({@code util.GetRuntimeDir} in podman 4, containers/storage's {@code homedir.GetRuntimeDir}
     * in podman 5): {@code $XDG_RUNTIME_DIR}; else {@code /run/user/<uid>}; else
     * {@code $TMPDIR/podman-run-<uid>} (podman 4) or {@code $TMPDIR/storage-run-<uid>} (podman 5),
     * {@code /tmp} without TMPDIR; else {@code ~/rundir}.
     */
    static List<Path> runtimeDirCandidates(String xdgRuntimeDir, long uid, String tmpDir, Path home) {
        if (xdgRuntimeDir != null && !xdgRuntimeDir.isBlank()) {
            return List.of(Path.of(xdgRuntimeDir));
        }
        String tmp = tmpDir == null || tmpDir.isBlank() ? "/tmp" : tmpDir;
        return List.of(Path.of("/run/user", String.valueOf(uid)), Path.of(tmp, "podman-run-" + uid), Path.of(tmp, "storage-run-" + uid),
                home.resolve("rundir"));
    }

    /** What podman asks of a runtime folder: this user's, with rwx for the user. */
    private static boolean usableRuntimeDir(Path dir, long uid) {
        try {
            Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir);
            return ((Number) owner).longValue() == uid && perms.containsAll(Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
