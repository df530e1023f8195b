package capas.os;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs argument lists (never a shell string) and waits for them: {@link Command#capture()} with
 * podman's harmless noise left out. If the caller is interrupted (the notebook's Stop) or the
 * command hangs, its whole process tree is stopped (see {@link ProcessTree}).
 */
public final class Commands {
    private Commands() {
    }

    public static CommandResult run(List<String> argv) {
        return run(argv, Map.of(), Command.DEFAULT_TIMEOUT.toSeconds());
    }

    /**
     * @param env     variables to set or replace (e.g. a PATH without podman, for a test)
     * @param timeout seconds before the command is stopped (exit code 124)
     */
    public static CommandResult run(List<String> argv, Map<String, String> env, long timeout) {
        CommandResult result = Command.of(argv).withEnv(env).withTimeout(Duration.ofSeconds(timeout)).capture();
        return new CommandResult(result.exitCode(), result.out(), withoutNoise(result.err()));
    }

    /**
     * Podman's warnings about the machine, not the command: rootless podman's "/ is not a shared
     * mount", and podman 5's "Using cgroups-v1 which is deprecated" on every command where the
     * system still runs cgroups v1. Filtered here rather than silenced with
     * {@code PODMAN_IGNORE_CGROUPSV1_WARNING}, because {@code sudo} drops that variable.
     */
    static String withoutNoise(String err) {
        return err.lines().filter(l -> !l.contains("is not a shared mount") && !l.contains("Using cgroups-v1 which is deprecated"))
                .collect(Collectors.joining("\n"));
    }

    /** Where {@code name} is on {@code path} (a PATH value), if anywhere: the file a shell would run. */
    public static Optional<Path> which(String name, String path) {
        for (String dir : (path == null ? "" : path).split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
