package capas.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import capas.ChildProcess;
import capas.notebook.KernelSession;
import capas.notebook.Prerequisites;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs last in the integration run: after every notebook, every práctica (reference and wrong
 * answers), {@code ./lab exportar} and every test's own clean-up, the student's things made by
 * {@link StudentThingsSeedIT} are all there, byte for byte. Before that it tries the two things
 * a student meets head-on: a lesson whose container name the student already uses, run with
 * "Run All"; and every form of {@code ./lab limpiar}.
 *
 * <p>Without the seed earlier in the same run it never seeds for itself (that would check only its
 * own minutes): in the whole run it fails; picked alone by {@code -Dit.test} it is skipped with an
 * assumption naming the seed. {@code -Dit.test='StudentThings*IT'} runs both, seed first.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudentThingsIntactIT {
    private static final Path ROOT = Path.of(System.getProperty("capas.root", ".")).toAbsolutePath();
    private static final List<StudentThings.Thing> things = new ArrayList<>();

    @BeforeAll
    static void theStudentsThings() throws Exception {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user (./lab test runs as alumno)");
        Prerequisites.requireExecutable("/usr/bin/podman");
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        if (!StudentThingsSeedIT.seededInThisRun()) {
            // Seeding here would check only this class's own minutes, and a green line would claim the whole run.
            String missing = "StudentThingsSeedIT did not seed the student's things earlier in this run (" + StudentThingsSeedIT.RECORD
                    + "): nothing to compare with";
            String selection = System.getProperty("it.test", "");
            assumeTrue(selection.isBlank(), missing + "; -Dit.test=" + selection + " left the seed out: run -Dit.test='StudentThings*IT'");
            fail(missing + ": the seed must run first (@Order(1), junit-platform.properties) and succeed");
        }
        things.addAll(StudentThings.load(StudentThingsSeedIT.RECORD));
    }

    @AfterAll
    static void takeThemAway() throws Exception {
        StudentThings.remove(things);
        Files.deleteIfExists(StudentThingsSeedIT.RECORD);
    }

    @Test
    @Order(1)
    void aLessonWhoseContainerNameIsTheStudentsStopsAtItsFirstCellAndSaysHowToGoOn() throws Exception {
        checkStopsAndTouchesNothing(Path.of("notebooks", "03-almacenamiento-de-contenedores.ipynb"), true, "contenedor1");
        checkStopsAndTouchesNothing(Path.of("notebooks", "04-almacenamiento-rootless.ipynb"), false, "contenedor1");
        checkStopsAndTouchesNothing(Path.of("labs", "p3-donde-esta-tu-fichero.ipynb"), true, "mi-contenedor");
    }

    @Test
    @Order(2)
    void everyFormOfLimpiarLeavesThemAlone() throws Exception {
        for (List<String> form : List.of(List.of("limpiar"), List.of("limpiar", "03"), List.of("limpiar", "p4"),
                List.of("limpiar", "--todo"))) {
            List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("lab").toString()));
            command.addAll(form);
            ChildProcess.Result result = ChildProcess.run(new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true),
                    Duration.ofMinutes(5));
            assertThat(result.exitCode()).as(String.join(" ", form) + ":\n" + result.output()).isZero();
        }
        // --todo took the course image away; the next test class or lesson would miss it.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess.Result prepared = ChildProcess.run(new ProcessBuilder(java, "-jar", System.getProperty("capas.jar", "target/capas.jar"), "preparar")
                .directory(ROOT.toFile()).redirectErrorStream(true), Duration.ofMinutes(10));
        assertThat(prepared.exitCode()).as(prepared.output()).isZero();
    }

    @Test
    @Order(3)
    void everythingTheStudentHadIsStillThereByteForByte() throws Exception {
        assertThat(things).hasSizeGreaterThanOrEqualTo(20);
        long bytes = 0;
        List<String> changed = new ArrayList<>();
        for (StudentThings.Thing before : things) {
            StudentThings.Thing now;
            try {
                now = StudentThings.fingerprint(before.rootful(), before.kind(), before.name());
            } catch (AssertionError gone) {
                changed.add(before.store() + " " + before.kind() + " " + before.name() + ": ya no está (" + gone.getMessage().strip() + ")");
                continue;
            }
            if (!now.equals(before)) {
                changed.add(before.store() + " " + before.kind() + " " + before.name() + ": antes " + before + ", ahora " + now);
            }
            bytes += now.bytes();
        }
        assertThat(changed).as("things of the student's that the lab changed or removed").isEmpty();
        System.out.printf("Cosas del alumno intactas: %d de %d (%d bytes de contenido comparados)%n", things.size(), things.size(), bytes);
    }

    /**
     * Runs every code cell of {@code ipynb} as JupyterLab's "Run All" does (all sent at once,
     * stop on error) while the student's own container holds {@code name}: the first cell must
     * refuse in Spanish, say how to go on, and every later cell must be skipped.
     */
    private static void checkStopsAndTouchesNothing(Path ipynb, boolean rootful, String name) throws Exception {
        StudentThings.Thing own = StudentThings.ownContainerNamed(rootful, name);
        things.add(own);
        JsonNode result = KernelSession.run(List.of(Map.of("run_all", KernelSession.codeCells(ipynb)))).get(0);

        List<String> statuses = result.get("replies").findValuesAsText("status");
        int failed = statuses.indexOf("error");
        assertThat(failed).as(ipynb + " must stop at the cell that finds the student's " + name + ": " + statuses).isGreaterThanOrEqualTo(0);
        assertThat(statuses.subList(0, failed)).as("cells before it").allMatch("ok"::equals);
        assertThat(statuses.subList(failed + 1, statuses.size())).as("cells after it").isNotEmpty().allMatch("aborted"::equals);
        String shown = KernelSession.shown(result.get("outputs"));
        assertThat(shown).contains("«" + name + "»").contains("no creó el laboratorio").contains("rename " + name)
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(StudentThings.fingerprint(rootful, "contenedor", name)).as("the student's own " + name).isEqualTo(own);
    }
}
