package capas.doctor;

import capas.Mode;
import capas.os.CommandResult;
import capas.os.Identity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The machine as the checks see it: files, commands, who we are. Everything a check knows of
 * the host comes through here, so that each check can be tried on a machine written down as
 * data ({@code MemoryHost} in the tests) and the one real implementation ({@link MachineHost})
 * holds no rule of its own.
 */
interface Host {
    Identity identity();

    /** The value of the environment variable {@code name} in this process, or empty when unset or blank. */
    Optional<String> env(String name);

    /** The text of {@code file}, or empty when it is missing or cannot be read. */
    Optional<String> read(Path file);

    boolean exists(Path path);

    boolean isDirectory(Path path);

    boolean isRegularFile(Path path);

    boolean isExecutable(Path path);

    /** The entries of the folder {@code dir}, sorted by name; none when it is missing. */
    List<Path> list(Path dir);

    /** Whether this user may open {@code path} for reading and writing. */
    boolean readableAndWritable(Path path);

    /** The permission bits of {@code path} ({@code 0666}…), or empty when they cannot be read. */
    OptionalInt mode(Path path);

    /**
     * Whether a normal user can open the device {@code path} for reading and writing. Root may
     * open anything, so as root the mode bits for others decide: that is what the lab user will meet.
     */
    default boolean openToUsers(Path path) {
        if (!identity().root()) {
            return readableAndWritable(path);
        }
        return mode(path).stream().allMatch(mode -> (mode & 06) == 06);
    }

    /** Where {@code name} is on the PATH, if anywhere. */
    Optional<Path> which(String name);

    /** Runs an argument list looked up on the PATH; a missing program is exit code 127, never an exception. */
    CommandResult run(String... argv);

    /**
     * Runs {@code podman <args>} as the lessons do in {@code mode} ({@code sudo -n podman} for
     * rootful unless we are root); a podman that cannot start at all is a failed result.
     */
    CommandResult podman(Mode mode, String... args);
}
