package capas.aula;

import capas.os.CommandResult;
import capas.os.Commands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
     * The shell the tests on the server use: {@code podman exec [-u alumno] capas-aula-<nombre> bash -c …}
     * on the student's own store, through {@code podman} (the argv, with its {@code sudo -n}, that
     * reaches it: {@code ./lab aula podman <nombre>}).
     */
    static StudentShell podmanExec(Function<String, List<String>> podman) {
        return (student, asRoot, bash) -> {
            List<String> argv = new ArrayList<>(podman.apply(student));
            argv.add("exec");
            if (!asRoot) {
                argv.addAll(List.of("-u", "alumno", "-w", "/home/alumno"));
            }
            argv.addAll(List.of("capas-aula-" + student, "bash", "-c", bash));
            return Commands.run(argv, Map.of(), TIMEOUT);
        };
    }
}
