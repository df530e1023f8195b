package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import capas.ChildProcess;
import capas.Mode;
import capas.podman.Podman;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two kernels at once, as a class of students or one student with two tabs makes them: lesson
 * 03 (rootful) and 04 (rootless) side by side, round after round, must neither hang nor fail
 * nor leave anything behind; and a second kernel of the same lesson must be told the lesson is
 * in use instead of breaking the first.
 */
class ConcurrencyIT {
    /**
     * Each round is two whole lessons (half a minute here); ten rounds were a sixth of the
     * integration run. Four still run both lessons side by side again and again, and check that
     * each round left nothing behind.
     */
    private static final int ROUNDS = 4;
    private static final Path LESSON_03 = Path.of("notebooks", "03-almacenamiento-de-contenedores.ipynb");
    private static final Path LESSON_04 = Path.of("notebooks", "04-almacenamiento-rootless.ipynb");

    @BeforeAll
    static void asTheLabUser() {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.requireExecutable("/usr/bin/podman");
    }

    @AfterAll
    static void removeWhatTheLessonsLeft() {
        for (Mode mode : Mode.values()) {
            for (String name : List.of("contenedor1", "contenedor2")) {
                new Podman(mode).removeIfLab(name);
            }
        }
    }

    @Test
    void lessons03And04RunTogetherRoundAfterRoundAndLeaveNothingBehind() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            CompletableFuture<ExecutedNotebook> rootful = CompletableFuture.supplyAsync(() -> NotebookRunner.execute(LESSON_03));
            CompletableFuture<ExecutedNotebook> rootless = CompletableFuture.supplyAsync(() -> NotebookRunner.execute(LESSON_04));
            ExecutedNotebook n03 = rootful.get(15, TimeUnit.MINUTES);
            ExecutedNotebook n04 = rootless.get(15, TimeUnit.MINUTES);
            String when = "round " + round + " of " + ROUNDS;
            // The last Comprueba of each lesson: the clean-up, checked in the store.
            assertThat(n03.cells().stream().filter(c -> c.tags().contains("comprueba-rm")).findFirst().orElseThrow().text())
                    .as(when + ": 03's last check").contains("✓");
            assertThat(lastCheck(n04)).as(when + ": 04's last check").contains("✓");
            for (boolean mode : new boolean[] {true, false}) {
                ChildProcess.Result ps = podman(mode, "ps", "-a", "--format", "{{.Names}}");
                assertThat(ps.exitCode()).as(when + ": podman ps -a (" + (mode ? "rootful" : "rootless") + ")\n" + ps.output()).isZero();
                ChildProcess.Result left = podman(mode, "ps", "-a", "--filter", "label=capas.lab=true", "--filter", "label=capas.leccion=" + (mode ? "03" : "04"),
                        "--format", "{{.Names}}");
                assertThat(left.out().strip()).as(when + ": lab containers the lesson left").isEmpty();
            }
        }
    }

    @Test
    void aSecondKernelOfTheSameLessonIsToldItIsInUseAndTheFirstGoesOn() throws Exception {
        Path dir = Files.createTempDirectory("capas-dos-nucleos");
        Path ready = dir.resolve("primero-listo");
        Path secondDone = dir.resolve("segundo-terminado");
        List<String> cells = KernelSession.codeCells(LESSON_03);
        // The first kernel opens lesson 03, waits while the second tries, then goes on with the lesson.
        List<Map<String, Object>> first = List.of(
                Map.of("execute", KernelSession.codeCell(LESSON_03, "preparacion") + "\nFiles.writeString(Path.of(\"" + ready + "\"), \"\");"),
                Map.of("execute", "for (int i = 0; i < 1200 && !Files.exists(Path.of(\"" + secondDone + "\")); i++) Thread.sleep(100);"),
                Map.of("execute", KernelSession.codeCell(LESSON_03, "run")),
                Map.of("execute", "System.out.println(lab.podman().inspect(\"contenedor1\").path(\"State\").path(\"Status\").asText());"),
                Map.of("execute", "lab.podman().removeIfLab(\"contenedor1\");"));
        CompletableFuture<JsonNode> firstKernel = CompletableFuture.supplyAsync(() -> KernelSession.run(first));
        for (int i = 0; i < 1200 && !Files.exists(ready) && !firstKernel.isDone(); i++) {
            Thread.sleep(100);
        }
        assertThat(ready).as("the first kernel opened lesson 03").exists();

        // The second kernel: Run All of the same notebook.
        JsonNode second = KernelSession.run(List.of(Map.of("run_all", cells))).get(0);
        Files.writeString(secondDone, "");
        List<String> statuses = second.get("replies").findValuesAsText("status");
        assertThat(statuses.get(0)).as("the second kernel's first cell").isEqualTo("error");
        assertThat(statuses.subList(1, statuses.size())).as("the cells after it").isNotEmpty().allMatch("aborted"::equals);
        String shown = KernelSession.shown(second.get("outputs"));
        assertThat(shown).contains("La lección 03 ya está abierta en otro cuaderno").contains("Close and Halt").contains("Nada se ha tocado")
                .doesNotContain("\tat ").doesNotContain("Exception");

        JsonNode firstResult = firstKernel.get(5, TimeUnit.MINUTES);
        for (JsonNode step : firstResult) {
            assertThat(step.path("reply").path("status").asText()).as("the first kernel went on: " + step).isEqualTo("ok");
        }
        assertThat(firstResult.get(3).path("outputs").toString()).as("contenedor1 of the first kernel").contains("running");
    }

    private static String lastCheck(ExecutedNotebook notebook) {
        List<ExecutedNotebook.Cell> checks = notebook.cells().stream().filter(c -> c.tags().stream().anyMatch(t -> t.startsWith("comprueba"))).toList();
        return checks.get(checks.size() - 1).text();
    }



    private static ChildProcess.Result podman(boolean rootful, String... args) throws Exception {
        List<String> command = new ArrayList<>(rootful ? List.of("sudo", "-n", "podman") : List.of("podman"));
        command.addAll(List.of(args));
        return ChildProcess.run(new ProcessBuilder(command), Duration.ofMinutes(2));
    }
}
