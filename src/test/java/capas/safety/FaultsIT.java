package capas.safety;

import static org.assertj.core.api.Assertions.assertThat;

import capas.ChildProcess;
import capas.Mode;
import capas.notebook.KernelSession;
import capas.notebook.NotebookRunner;
import capas.notebook.Prerequisites;
import capas.podman.Podman;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a student sees when the machine, not the lesson, goes wrong, each fault made for real in
 * a real kernel: the probe killed in the middle of its work, a container removed from another
 * terminal between two cells, podman not installed, a user whose sudo wants a password and who
 * has no subordinate ids. Every answer is Spanish, names the fix, and carries no stack trace;
 * the kernel keeps working afterwards.
 */
class FaultsIT {
    private static final String CONTAINER = "capas-fallo";
    private static final Path P1 = Path.of("labs", "p3-donde-esta-tu-fichero.ipynb");
    /** A user made for this test: a system user, so without sudo rights and without a range in /etc/subuid. */
    private static final String GUEST = "capas-invitado";
    private static Path guestHome;

    @BeforeAll
    static void asTheLabUser() throws Exception {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.requireExecutable("/usr/bin/podman");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        for (Mode mode : Mode.values()) {
            new Podman(mode).removeIfLab(CONTAINER);
        }
        if (guestHome != null) {
            sudo("userdel", GUEST);
            sudo("rm", "-rf", "--one-file-system", guestHome.toString());
        }
    }

    @Test
    void theProbeKilledInTheMiddleOfItsWorkIsRestartedAndTheCellSaysSo() {
        // The rootful store is read through the sudo probe; rootless, only the mount namespace goes through a probe.
        Map<String, String> questions = Map.of("Capas.rootful()", "lab.files().exists(lab.graphRoot().resolve(\"overlay\"))",
                "Capas.rootless()", "lab.mounts().namespace().size()");
        for (String lab : List.of("Capas.rootful()", "Capas.rootless()")) {
            String question = questions.get(lab);
            // The kill comes from outside the library (as the OOM killer or a `sudo kill` in a terminal would), while
            // the cell keeps the probe busy: the rootful probe runs as root, the rootless one inside podman unshare.
            // The cell asks until the kill is done and once more, so the question after it is certain on a loaded machine.
            String kill = """
                    var lab = %1$s;
                    var probes = ProcessHandle.current().descendants()
                            .filter(p -> p.info().commandLine().orElse("").contains("capas.context.ProbeMain")).toList();
                    if (probes.isEmpty()) { %2$s; probes = ProcessHandle.current().descendants()
                            .filter(p -> p.info().commandLine().orElse("").contains("capas.context.ProbeMain")).toList(); }
                    var killer = new Thread(() -> {
                        try {
                            for (var p : ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains("capas.context.ProbeMain")).toList())
                                new ProcessBuilder("sudo", "-n", "kill", "-9", String.valueOf(p.pid())).start().waitFor();
                        } catch (Exception e) { throw new RuntimeException(e); }
                    });
                    killer.start();
                    int preguntas = 0;
                    while (killer.isAlive()) { %2$s; preguntas++; }
                    killer.join();
                    %2$s; preguntas++;
                    System.out.println("preguntas: " + preguntas + ", sondas: " + probes.size());
                    """.formatted(lab, question);
            JsonNode steps = KernelSession.run(List.of(
                    Map.of("execute", kill),
                    Map.of("execute", "System.out.println(\"después: \" + " + question + ");")));
            assertThat(status(steps.get(0))).as(lab + ": the cell that lost its probe\n" + steps.get(0)).isEqualTo("ok");
            assertThat(shown(steps.get(0))).as(lab).contains("la sonda de inspección").contains("se había parado").contains("el resultado de esta celda es bueno")
                    .contains("sondas: ");
            assertThat(shown(steps.get(0))).as(lab).doesNotContain("sondas: 0");
            assertNoStackTrace(steps);
            assertThat(status(steps.get(1))).as(lab + ": the next cell").isEqualTo("ok");
            assertThat(shown(steps.get(1))).as(lab).contains("después: ").doesNotContain("se había parado");
        }
    }

    @Test
    void aContainerRemovedFromAnotherTerminalBetweenTwoCellsIsNamedAsGone() {
        for (Mode mode : Mode.values()) {
            String sudo = mode == Mode.ROOTFUL ? "sudo " : "";
            String lab = mode == Mode.ROOTFUL ? "Capas.rootful()" : "Capas.rootless()";
            JsonNode steps = KernelSession.run(List.of(
                    Map.of("execute", "var lab = " + lab + ";\nlab.podman().run(\"" + CONTAINER + "\", Env.image());\n"
                            + "System.out.println(lab.layers().locate(\"" + CONTAINER + "\", \"/etc/hostname\").state());"),
                    // What a second terminal does: podman, outside the library, behind the notebook's back.
                    Map.of("execute", "%%bash\n" + sudo + "podman rm -f -t 0 " + CONTAINER),
                    Map.of("execute", "lab.layers().locate(\"" + CONTAINER + "\", \"/etc/hostname\")"),
                    Map.of("execute", "lab.layers().diagram(\"" + CONTAINER + "\", \"/etc/hostname\")"),
                    Map.of("execute", "lab.layers().changes(\"" + CONTAINER + "\")"),
                    Map.of("execute", "System.out.println(lab.store().containers().size() >= 0 ? \"el núcleo sigue\" : \"\");")));
            assertThat(status(steps.get(0))).as(mode + " " + steps.get(0)).isEqualTo("ok");
            assertThat(status(steps.get(1))).as(mode + " " + steps.get(1)).isEqualTo("ok");
            for (int i = 2; i <= 4; i++) {
                assertThat(status(steps.get(i))).as(mode + " step " + i).isEqualTo("error");
                assertThat(shown(steps.get(i))).as(mode + " step " + i).contains("«" + CONTAINER + "»").containsIgnoringCase("no hay ningún contenedor");
            }
            assertThat(shown(steps.get(5))).contains("el núcleo sigue");
            assertNoStackTrace(steps);
        }
    }

    @Test
    void withoutPodmanTheCellSaysHowToInstallIt() throws Exception {
        // A PATH with a shell and sudo but no podman: what a machine without the package looks like to the kernel.
        Path bin = Files.createTempDirectory("capas-sin-podman");
        for (String tool : List.of("bash", "sh", "env", "sudo", "cat", "ls", "id")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
        try {
            JsonNode steps = KernelSession.run(List.of("/usr/bin/env", "PATH=" + bin), List.of(
                    // The store on disk can still be read; what needs podman says it is missing.
                    Map.of("execute", "var lab = Capas.rootless();\nSystem.out.println(lab.store().containers().size() >= 0);\n"
                            + "lab.podman().run(\"" + CONTAINER + "\", Env.image());"),
                    Map.of("execute", "%%bash\npodman ps"),
                    Map.of("execute", "\"el núcleo sigue\"")));
            assertThat(status(steps.get(0))).isEqualTo("error");
            assertThat(shown(steps.get(0))).contains("true").contains("Podman no está instalado").contains("apt install podman");
            assertThat(status(steps.get(1))).isEqualTo("error");
            assertThat(shown(steps.get(1))).contains("Estado 127").contains("./lab doctor");
            assertThat(shown(steps.get(2))).contains("el núcleo sigue");
            assertNoStackTrace(steps);
        } finally {
            for (String tool : List.of("bash", "sh", "env", "sudo", "cat", "ls", "id")) {
                Files.deleteIfExists(bin.resolve(tool));
            }
            Files.delete(bin);
        }
    }

    @Test
    void aUserWhoseSudoWantsAPasswordAndWhoHasNoSubordinateIdsIsToldWhatToFix() throws Exception {
        guestHome = Path.of("/tmp", GUEST);
        sudo("userdel", GUEST);
        sudo("rm", "-rf", "--one-file-system", guestHome.toString());
        assertThat(sudo("useradd", "--system", "--create-home", "--home-dir", guestHome.toString(), "--shell", "/bin/bash", GUEST).exitCode())
                .isZero();
        assertThat(Files.readString(Path.of("/etc/subuid"))).as("a system user gets no subordinate range").doesNotContain(GUEST + ":");
        Path jupyterPath = NotebookRunner.installKernelReadableByAll(Files.createTempDirectory("capas-" + GUEST + "-kernel"));
        JsonNode steps = KernelSession.run(List.of("sudo", "-n", "-u", GUEST, "/usr/bin/env", "-i", "HOME=" + guestHome, "USER=" + GUEST,
                "LOGNAME=" + GUEST, "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", "JUPYTER_PATH=" + jupyterPath), List.of(
                Map.of("execute", "var lab = Capas.rootful();\nlab.store()"),
                Map.of("execute", "lab.podman().run(\"" + CONTAINER + "\", Env.image());"),
                Map.of("execute", "%%bash\nsudo podman ps"),
                Map.of("execute", "Capas.rootless()"),
                Map.of("execute", "\"el núcleo sigue\"")));
        assertThat(status(steps.get(0))).isEqualTo("error");
        assertThat(shown(steps.get(0))).contains("sudo no deja entrar sin contraseña").contains("NOPASSWD");
        assertThat(status(steps.get(1))).isEqualTo("error");
        assertThat(shown(steps.get(1))).contains("sudo pide contraseña").contains("NOPASSWD");
        assertThat(status(steps.get(2))).isEqualTo("error");
        assertThat(shown(steps.get(2))).contains("sudo ha pedido una contraseña").contains("NOPASSWD");
        assertThat(status(steps.get(3))).isEqualTo("error");
        assertThat(shown(steps.get(3))).contains("/etc/subuid no da ningún rango").contains("usermod --add-subuids").contains("podman system migrate");
        assertThat(shown(steps.get(4))).contains("el núcleo sigue");
        assertNoStackTrace(steps);
    }

    @Test
    void aKernelRestartedInTheMiddleOfAPracticaStillJudgesTheRealStore() throws Exception {
        java.util.Map<String, String> cells = new java.util.HashMap<>();
        java.util.Map<String, String> solutions = new java.util.HashMap<>();
        for (JsonNode cell : new com.fasterxml.jackson.databind.ObjectMapper().readTree(P1.toFile()).path("cells")) {
            String tag = cell.path("metadata").path("tags").path(0).asText();
            StringBuilder source = new StringBuilder();
            cell.path("source").forEach(line -> source.append(line.asText()));
            cells.put(tag, source.toString());
            solutions.put(tag, cell.path("metadata").path("capas").path("solucion").asText());
        }
        try {
            // Before the restart: the práctica opened and prepared, tasks 1 and 2 done and the first one checked.
            JsonNode before = KernelSession.run(List.of(Map.of("execute", cells.get("abrir")), Map.of("execute", cells.get("preparacion")),
                    Map.of("execute", solutions.get("tarea-1")), Map.of("execute", solutions.get("tarea-2")),
                    Map.of("execute", cells.get("comprueba-1"))));
            assertThat(shown(before.get(4))).as("task 1 before the restart").contains("✓");
            // A new kernel (what Restart gives): only the first cell again, then the checks.
            JsonNode after = KernelSession.run(List.of(Map.of("execute", cells.get("abrir")), Map.of("execute", cells.get("comprueba-1")),
                    Map.of("execute", cells.get("comprueba-2"))));
            assertThat(shown(after.get(1))).as("task 1 after the restart").contains("✓");
            assertThat(shown(after.get(2))).as("task 2 after the restart").contains("✓");
            assertNoStackTrace(after);
            // The checks read the store, not a memory of the session: undo task 1 behind their back and they see it.
            sudo("podman", "rm", "-f", "-t", "0", "mi-contenedor");
            JsonNode undone = KernelSession.run(List.of(Map.of("execute", cells.get("abrir")), Map.of("execute", cells.get("comprueba-1"))));
            assertThat(shown(undone.get(1))).as("task 1 once mi-contenedor is gone").contains("✗").doesNotContain("✓");
        } finally {
            new Podman(Mode.ROOTFUL).removeIfLab("mi-contenedor");
        }
    }

    private static String status(JsonNode step) {
        return step.path("reply").path("status").asText();
    }

    /** Everything the student saw for one cell. */
    private static String shown(JsonNode step) {
        return KernelSession.shown(step.path("outputs"));
    }

    private static void assertNoStackTrace(JsonNode steps) {
        for (JsonNode step : steps) {
            // What the student saw, in the test's output: the table of faults in the closing notes is read from here.
            System.out.printf("[%s] %s%n", status(step), shown(step).strip().replace('\n', ' '));
            assertThat(shown(step)).as("what the student saw").doesNotContain("\tat ").doesNotContain("Exception:")
                    .doesNotContain("java.lang.").doesNotContain("java.io.");
        }
    }

    private static ChildProcess.Result sudo(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sudo", "-n"));
        command.addAll(List.of(args));
        return ChildProcess.run(new ProcessBuilder(command), Duration.ofMinutes(1));
    }
}
