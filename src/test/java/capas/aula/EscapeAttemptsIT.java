package capas.aula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import capas.aula.EscapeAttempts.Context;
import capas.aula.EscapeAttempts.Outcome;
import capas.notebook.Prerequisites;
import capas.os.Commands;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, point 5, against a classroom that is running: from one student's terminal, every
 * attempt of {@link EscapeAttempts} to reach another student, the server or the Hub is refused.
 * The two containers come from {@code -Dcapas.aula.alumno} and {@code -Dcapas.aula.otro}
 * (by default the test classroom's {@code capas-aula-prueba-a} and {@code capas-aula-prueba-b}),
 * the Hub's ports from {@code -Dcapas.aula.puerto}, {@code .puerto_api}, {@code .puerto_proxy},
 * {@code .puerto_panel}.
 */
class EscapeAttemptsIT {
    private static Context ctx;
    private static StudentShell shell;

    @BeforeAll
    static void twoStudentsAreRunning() {
        String self = System.getProperty("capas.aula.alumno", "capas-aula-prueba-a");
        String other = System.getProperty("capas.aula.otro", "capas-aula-prueba-b");
        Prerequisites.require(running(self) && running(other), "two running student containers (" + self + ", " + other + ")");
        ctx = Context.discover(self, other, port("puerto", 18000), port("puerto_api", 18081), port("puerto_proxy", 18001),
                port("puerto_panel", 18101));
        Map<String, String> containers = Map.of(ctx.self(), self, ctx.other(), other);
        shell = StudentShell.podmanExec(containers::get);
    }

    @Test
    void everyEscapeAttemptIsRefused() {
        List<EscapeAttempt> attempts = EscapeAttempts.all(ctx);
        assertEquals(attempts.size(), attempts.stream().map(EscapeAttempt::id).distinct().count(), "ids repeated");
        List<Outcome> outcomes = EscapeAttempts.tryAll(shell, ctx, attempts);
        System.out.println("Intentos de escape desde " + ctx.self() + " (otro alumno: " + ctx.other() + ")");
        System.out.println(EscapeAttempts.table(outcomes));
        List<Outcome> through = outcomes.stream().filter(o -> !o.refused()).toList();
        if (!through.isEmpty()) {
            fail("no rechazados:\n" + through.stream()
                    .map(o -> o.attempt().id() + " " + o.attempt().description() + ": " + o.evidence() + "\n    " + o.result())
                    .collect(Collectors.joining("\n")));
        }
    }

    /** The rules can fail: the same kind of request, aimed at what the student may do, is not refused. */
    @Test
    void anAllowedRequestIsNotTakenForARefusal() {
        EscapeAttempt own = EscapeAttempt.asAlumno(0, "API del Hub con el token propio: datos propios",
                EscapeAttempts.http(ctx, "GET {api}/users/" + ctx.self() + " token"), EscapeAttempts.httpRefused());
        EscapeAttempt readOwn = EscapeAttempt.asAlumno(0, "Leer la marca propia",
                "cat ~/" + EscapeAttempts.MARKER_FILE, EscapeAttempts.hides(ctx.marker()));
        // The marker is planted in the other's home: read as the other, it shows.
        StudentShell asOther = (student, asRoot, bash) -> shell.run(ctx.other(), asRoot, bash);
        Outcome marker = EscapeAttempts.tryAll(asOther, ctx, List.of(readOwn)).get(0);
        assertFalse(EscapeAttempts.tryAll(shell, ctx, List.of(own)).get(0).refused(), "own user's data through the Hub API");
        assertFalse(marker.refused(), "the other's marker, read by the other: " + marker.evidence());
        assertTrue(marker.result().out().contains(ctx.marker()));
    }

    private static boolean running(String container) {
        return Commands.run(List.of("sudo", "-n", "podman", "container", "inspect", "--format", "{{.State.Running}}", container),
                Map.of(), 60).out().strip().equals("true");
    }

    private static int port(String name, int fallback) {
        return Integer.getInteger("capas.aula." + name, fallback);
    }
}
