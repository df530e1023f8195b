package capas.aula;

import capas.os.CommandResult;
import capas.os.Commands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A student's terminal on the classroom server, as a test drives it: one bash command in the
 * student's container, as {@code alumno} (what the notebook's terminal is) or as the container's
 * root ({@code sudo} inside, which every student has).
 */
@FunctionalInterface
public interface StudentShell {
    /** Seconds one command may take before it is stopped (exit code 124). */
    long TIMEOUT = 240;

    CommandResult run(String student, boolean asRoot, String bash);

    /**
     * The shell the tests on the server use: {@code sudo -n podman exec [-u alumno] <container> bash -c …}
     * (the host's rootful podman, reached as the test's user, who has sudo).
     *
     * @param container the student's container, e.g. {@code capas-aula-<nombre>}
     */
    static StudentShell podmanExec(UnaryOperator<String> container) {
        return (student, asRoot, bash) -> {
            List<String> argv = new ArrayList<>(List.of("sudo", "-n", "podman", "exec"));
            if (!asRoot) {
                argv.addAll(List.of("-u", "alumno"));
            }
            argv.addAll(List.of(container.apply(student), "bash", "-c", bash));
            return Commands.run(argv, Map.of(), TIMEOUT);
        };
    }

    /** The classroom's rule: student {@code nombre} runs in container {@code capas-aula-<nombre>}. */
    static StudentShell podmanExec() {
        return podmanExec(student -> "capas-aula-" + student);
    }
}
