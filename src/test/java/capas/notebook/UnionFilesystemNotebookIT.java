package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import capas.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lesson 01 (overlayfs by hand), executed top to bottom through real Jupyter on the Capas kernel
 * as the lab user: rootful mounts through sudo -n, the rootless one inside podman unshare.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnionFilesystemNotebookIT {
    /** What a student who predicted right writes in each prediction cell. */
    static final Map<String, String> ANSWERS = Map.of("f3-en-merged", "el de upper", "capa-de-f5", "en upper",
            "borrar-f2", "una marca de borrado", "tamano-de-grande", "unos 8 MiB", "viejo-en-dir", "no", "comun", "Soy de lower1",
            "workdir-en-otro", "no, falla", "dueno-de-la-marca", "de mi usuario");
    private ExecutedNotebook nb;
    private String dir;

    @BeforeAll
    void execute() {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        nb = NotebookRunner.execute(AnsweredNotebook.with(Path.of("notebooks", "01-sistemas-de-ficheros-de-union.ipynb"), ANSWERS), true);
        dir = System.getProperty("user.home") + "/capas-01";
    }

    @Test
    void onlyTheCellMeantToFailFails() {
        assertThat(nb.errors()).extracting(ExecutedNotebook.Error::cellId).containsExactly(nb.cell("workdir-otro-fs").id());
    }

    /** Each Comprueba is one line (three for the first, which opens the lesson) and answers with a checklist of ✓ only. */
    @Test
    void everyCheckIsAOneLineChecklistOfTicks() {
        List<ExecutedNotebook.Cell> checks = nb.cells().stream().filter(c -> !c.tags().isEmpty() && c.tags().get(0).startsWith("comprueba-")).toList();
        assertThat(checks).extracting(c -> c.tags().get(0)).containsExactly("comprueba-de-cero", "comprueba-capas", "comprueba-montaje",
                "comprueba-de-que-capa", "comprueba-fichero-nuevo", "comprueba-marca-de-borrado", "comprueba-copia-hacia-arriba",
                "comprueba-directorio-opaco", "comprueba-varias-capas", "comprueba-workdir", "comprueba-sin-root", "comprueba-limpieza");
        for (ExecutedNotebook.Cell cell : checks) {
            String tag = cell.tags().get(0);
            assertThat(cell.source().lines().count()).as(tag).isLessThanOrEqualTo(3);
            assertThat(cell.hasError()).as(tag).isFalse();
            assertThat(cell.text()).as(tag).startsWith("Comprueba: ").contains("\n✓ ").doesNotContain("✗").doesNotContain("\n~ ")
                    .doesNotContain("Exception");
        }
    }

    /** The answers filled in are right: every prediction is ticked in its section's Comprueba. */
    @Test
    void everyPredictionIsKeptAndJudgedInItsSection() {
        for (String question : ANSWERS.keySet()) {
            assertThat(nb.cell("prediccion-" + question).text()).as(question).contains("Predicción anotada: «" + ANSWERS.get(question) + "»");
        }
        assertThat(nb.cell("comprueba-montaje").text()).contains("✓ Tu predicción para «¿qué f3 se verá en merged?»: «el de upper»")
                .contains("En tu máquina: merged/f3 dice «Fichero 3 en la capa upper»");
        assertThat(nb.cell("comprueba-marca-de-borrado").text()).contains("✓ Tu predicción para «¿qué quedará en upper al borrar f2?»");
        assertThat(nb.cell("comprueba-sin-root").text()).contains("✓ Tu predicción para «¿de quién será la marca de borrado en el anfitrión?»");
    }

    @Test
    void theRootfulMountIsInTheHostsTable() {
        assertThat(nb.cell("mount").text()).contains(dir + "/con-root/merged").contains(" - overlay overlay ")
                .contains("lowerdir=lower,upperdir=upper,workdir=work");
        assertThat(nb.cell("ls-merged").text()).contains("Fichero 3 en la capa upper").contains("f4");
        assertThat(nb.cell("comprueba-montaje").text()).contains("✓ " + dir + "/con-root/merged está montado")
                .contains(" - overlay overlay ").contains("✓ en merged se ve lo de lower y lo de upper");
    }

    @Test
    void upperWinsAndTheLibrarySaysSo() {
        assertThat(nb.cell("locate-f3").text()).contains("/f3 (fichero) sale de la capa upper").contains(dir + "/con-root/upper/f3")
                .contains("/f1 (fichero) sale de la capa lower");
        String svg = nb.cell("diagrama").svg();
        assertThat(svg).startsWith("<?xml").contains("Overlay montado a mano en " + dir + "/con-root/merged")
                .contains("upperdir · lectura y escritura · upper").contains("lowerdir · sólo lectura · lower").contains("★ /f3");
        assertThat(nb.cell("comprueba-de-que-capa").text()).contains("✓ merged/f3 tiene el contenido de upper/f3")
                .contains("merged/f3 dice «Fichero 3 en la capa upper»").contains("✓ la biblioteca dice que f3 sale de upper");
    }

    @Test
    void aNewFileGoesUpAndADeletedOneLeavesAWhiteout() {
        assertThat(nb.cell("comprueba-fichero-nuevo").text()).contains("✓ f5 está en upper");
        assertThat(nb.cell("rm-f2").text()).contains("--- upper:").containsPattern("c--------- +\\d+ root +root +0, 0 .* f2")
                .contains("upper/f2: character special file, número 0:0, dueño root");
        assertThat(nb.cell("comprueba-marca-de-borrado").text()).contains("✓ upper/f2 es una marca de borrado (whiteout): un dispositivo de caracteres 0:0")
                .contains("dispositivo de caracteres 0:0, del uid 0");
    }

    @Test
    void aModifiedFileIsCopiedUpWhole() {
        assertThat(nb.cell("copy-up").text()).contains("--- upper/f1\nFichero 1 en la capa lower\nUna línea más");
        assertThat(nb.cell("comprueba-copia-hacia-arriba").text()).contains("✓ upper/grande es la copia entera")
                .contains("upper/grande ocupa 8388624 bytes (8388608 copiados + 16 de la línea nueva)");
    }

    @Test
    void aDirectoryDeletedAndMadeAgainIsOpaque() {
        assertThat(nb.cell("opaco").text()).contains("trusted.overlay.opaque = y").contains("--- lower/dir:\nviejo");
        assertThat(nb.cell("comprueba-directorio-opaco").text()).contains("✓ upper/dir tiene trusted.overlay.opaque=y")
                .contains("trusted.overlay.opaque, leído con sudo: «y»")
                .contains("✓ sin root, la biblioteca no puede leer esa marca");
    }

    @Test
    void theRootlessMountLivesOnlyInItsNamespaceWithUserxattr() {
        assertThat(nb.cell("unshare").text()).contains("Dentro, soy el uid 0.").contains(dir + "/sin-root/merged")
                .contains("Fichero 3 en la capa upper").contains("(ninguno)");
        String tables = nb.cell("sin-root-mount").text();
        String host = tables.substring(0, tables.indexOf("--- En la del espacio"));
        String inside = tables.substring(tables.indexOf("--- En la del espacio"));
        assertThat(host).contains(dir + "/con-root/merged").doesNotContain("/sin-root/merged");
        assertThat(inside).contains(dir + "/sin-root/merged").contains("userxattr");
        assertThat(nb.cell("sin-userxattr").text()).contains("Input/output error").contains("Sin userxattr no se ha podido borrar el directorio");
        assertThat(nb.cell("sin-root-cambios").text()).contains("user.overlay.opaque = y").containsPattern("c--------- +\\d+ +(\\d+) +\\1 +0, 0 .* f2");
        assertThat(nb.cell("sin-root-locate").text()).contains("/f2 está borrado: la capa upper tiene una marca de borrado (whiteout")
                .contains("/dir/viejo no está en ninguna capa").contains("¿upper/dir es opaco? true");
        assertThat(nb.cell("sin-root-locate").svg()).contains("✗ /f2").contains("merged: no montado en este espacio de nombres de montaje");
        assertThat(nb.cell("comprueba-sin-root").text()).contains("✓ el anfitrión no ve el montaje sin root")
                .contains("✓ upper/dir tiene user.overlay.opaque=y, y la biblioteca lo lee sin root").contains("es 5.11 o posterior").contains("✓ montado sin userxattr, borrar un directorio de lower falla")
                .contains("✓ dentro de podman unshare el montaje está, con userxattr").contains(dir + "/sin-root/merged");
    }

    @Test
    void theLeftmostLowerIsOnTop() {
        assertThat(nb.cell("varias").text()).startsWith("Soy de lower1\nSólo estoy en lower3");
        assertThat(nb.cell("varias-diagrama").svg()).contains("lowerdir 1 · sólo lectura · lower1").contains("lowerdir 3 · sólo lectura · lower3");
        assertThat(nb.cell("comprueba-varias-capas").text()).contains("✓ merged/comun dice «Soy de lower1»");
    }

    @Test
    void aWorkdirOnAnotherFileSystemIsRefused() {
        assertThat(nb.cell("workdir-otro-fs").text()).contains("tmpfs").contains("wrong fs type");
        assertThat(nb.cell("dmesg").text()).contains("overlayfs: workdir and upperdir must reside under the same mount");
        assertThat(nb.cell("comprueba-workdir").text()).contains("✓ mount se niega y no queda nada montado")
                .contains("mount: código de salida 32; ¿ha quedado montado? no").contains("work (/dev/shm): tmpfs");
    }

    /**
     * A run stopped half-way: both rootful mounts up, the rootless one mounted twice inside podman
     * unshare, a whiteout owned by root. The clean-up cell, run on its own, still unmounts and
     * removes everything, and running it again is harmless.
     */
    @Test
    void theCleanUpCellWorksAfterAFailureHalfway() throws Exception {
        String halfway = """
                set -e
                D="$HOME/capas-01"
                mkdir -p "$D"/con-root/lower "$D"/con-root/upper "$D"/con-root/work "$D"/con-root/merged \
                         "$D"/varias/lower1 "$D"/varias/upper "$D"/varias/work "$D"/varias/merged \
                         "$D"/sin-root/lower "$D"/sin-root/upper "$D"/sin-root/work "$D"/sin-root/merged "/dev/shm/capas-01-$USER"
                cd "$D/con-root"; echo a > lower/a
                sudo -n mount -t overlay overlay -o lowerdir=lower,upperdir=upper,workdir=work merged; rm merged/a
                cd "$D/varias"; sudo -n mount -t overlay overlay -o lowerdir=lower1,upperdir=upper,workdir=work merged
                cd "$D/sin-root"
                podman unshare mount -t overlay overlay -o userxattr,lowerdir=lower,upperdir=upper,workdir=work merged
                podman unshare mount -t overlay overlay -o userxattr,lowerdir=lower,upperdir=upper,workdir=work merged 2>/dev/null || true
                grep -c "$D/" /proc/self/mountinfo
                """;
        assertThat(bash(halfway).out().strip()).isEqualTo("2");
        String cleanUp = nb.cell("limpieza").source().replaceFirst("^%%bash\\s*", "");

        assertThat(bash(cleanUp).out()).contains("Desmontado y borrado: " + dir);
        assertThat(bash(cleanUp).exitCode()).isZero();
        assertThat(Path.of(dir)).doesNotExist();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(dir + "/");
        assertThat(bash("podman unshare cat /proc/self/mountinfo").out()).doesNotContain(dir + "/");
    }

    private static ChildProcess.Result bash(String script) throws Exception {
        ChildProcess.Result result = ChildProcess.run(new ProcessBuilder("bash", "-c", script), Duration.ofMinutes(2));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result;
    }

    @Test
    void cleanUpLeavesNothingMountedAndNothingBehind() {
        assertThat(nb.cell("limpieza").text()).contains("Desmontado y borrado: " + dir);
        assertThat(nb.cell("comprueba-limpieza").text()).contains("✓ " + dir + " ya no existe").contains("✓ nada montado dentro de " + dir);
        assertThat(Path.of(dir)).doesNotExist();
        assertThat(Files.exists(Path.of("/dev/shm/capas-01-" + System.getProperty("user.name")))).isFalse();
    }
}
