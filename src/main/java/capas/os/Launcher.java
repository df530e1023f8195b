package capas.os;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The argument list that starts a program so that {@link ProcessTree} can find and stop all of
 * it: through {@code launch.py}, which gives it a session of its own and makes it a child
 * subreaper, then execs it (see that file for why each step).
 *
 * <p>The JDK starts children with no hook between fork and exec, and JNA cannot run in a child,
 * so these steps need a small program of their own; Python is there wherever Jupyter is (Debian's
 * {@code /usr/bin/python3}) and adds about 15 ms. Without it the program starts directly, and
 * stopping falls back to signalling the members one by one, without what they daemonized.
 */
final class Launcher {
    private static final List<Path> PYTHONS = List.of(Path.of("/usr/bin/python3"), Path.of("/usr/local/bin/python3"));
    private static final Optional<Path> PYTHON = PYTHONS.stream().filter(Files::isExecutable).findFirst();
    private static final String SCRIPT = script();

    private Launcher() {
    }

    /**
     * @param argv the program and its arguments
     * @param env  the variables the caller overrides (its PATH, if any, is where to look)
     * @throws IOException when the program is not installed (the JDK's own wording)
     */
    static List<String> argv(List<String> argv, Map<String, String> env) throws IOException {
        if (PYTHON.isEmpty()) {
            return argv;
        }
        String program = argv.get(0);
        Path exe = program.contains("/") ? Path.of(program) : Commands.which(program, pathOf(env))
                .orElseThrow(() -> new IOException("Cannot run program \"" + program + "\": error=2, No such file or directory"));
        List<String> command = new ArrayList<>(List.of(PYTHON.get().toString(), "-I", "-S", "-c", SCRIPT, exe.toString()));
        command.addAll(argv);
        return command;
    }

    /** The caller's PATH, else ours, else the places a shell would look without one. */
    private static String pathOf(Map<String, String> env) {
        String path = env.getOrDefault("PATH", System.getenv("PATH"));
        return path == null ? "/usr/local/bin:/usr/bin:/bin" : path;
    }

    private static String script() {
        try (InputStream in = Launcher.class.getResourceAsStream("launch.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
