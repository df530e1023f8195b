package capas.doctor;

import capas.os.CommandResult;
import capas.os.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a host command for the diagnosis: an argument list (never a shell string), looked up
 * on a given PATH so that a test can pretend a tool is missing.
 */
final class HostCommand {
    /** The diagnosis must answer even when a command hangs (a sudo asking for a password). */
    private static final long TIMEOUT_SECONDS = 30;

    private final String path;

    HostCommand(String path) {
        this.path = path == null ? "" : path;
    }

    /** Where {@code name} is on this PATH, if anywhere. */
    Optional<Path> which(String name) {
        return Commands.which(name, path);
    }

    CommandResult run(String... argv) {
        Optional<Path> exe = argv[0].startsWith("/") ? Optional.of(Path.of(argv[0])) : which(argv[0]);
        if (exe.isEmpty() || !Files.isExecutable(exe.get())) {
            return new CommandResult(127, "", argv[0] + ": not found");
        }
        List<String> command = new ArrayList<>(List.of(argv));
        command.set(0, exe.get().toString());
        return Commands.run(command, Map.of("PATH", path, "LC_ALL", "C"), TIMEOUT_SECONDS);
    }
}
