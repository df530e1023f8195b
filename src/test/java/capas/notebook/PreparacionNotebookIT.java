package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Env;
import capas.progress.Action;
import capas.progress.ProgressLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 00-preparacion, executed through real Jupyter on the Capas kernel, checked by its outputs. Its
 * record of progress goes to a file of the test's (CAPAS_PROGRESO), not the lab user's.
 */
class PreparacionNotebookIT {
    private static final List<String> CHECKS = List.of("comprueba-cuaderno", "comprueba-diagnostico", "comprueba-almacenes", "comprueba-imagen");
    private static ExecutedNotebook nb;
    private static ProgressLog record;

    @BeforeAll
    static void execute() throws Exception {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Path file = Files.createTempDirectory("capas-progreso-00").resolve("progreso.jsonl");
        record = new ProgressLog(file);
        nb = NotebookRunner.execute(Path.of("notebooks", "00-preparacion.ipynb"), false, Map.of(Env.PROGRESS, file.toString()));
    }

    @Test
    void everyCompruebaIsAChecklistWithNoCross() {
        for (String check : CHECKS) {
            assertThat(nb.cell(check).text()).as(check).startsWith("Comprueba: ").contains("\n✓ ").doesNotContain("✗");
            assertThat(nb.cell(check).html()).as(check).contains("capas-checklist");
        }
    }

    @Test
    void theChecksAreRecordedAndTheLastCellShowsThem() {
        assertThat(record.read()).filteredOn(e -> e.action() == Action.CHECK)
                .extracting(e -> e.notebook() + " " + e.step() + " " + e.correct())
                .containsExactly("00 cuaderno true", "00 diagnostico true", "00 almacenes true", "00 imagen true");
        assertThat(nb.cell("progreso").text()).contains("Tu progreso (anotado en " + record.file() + ")")
                .containsPattern("00 +cuaderno +bien +1 +0 +no ")
                .contains("00: 4 de 4 comprobaciones bien");
        assertThat(nb.cell("progreso").html()).contains("<table");
    }

    @Test
    void onlyTheCellThatFailsOnPurposeFails() {
        assertThat(nb.errors()).hasSize(1);
        assertThat(nb.cell("falla-a-proposito").errors()).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("no-existe").contains("→ "));
    }

    @Test
    void javaAndShellCellsAnswer() {
        assertThat(nb.cell("java-hola").text()).contains("Hola desde Java");
        assertThat(nb.cell("bash-hola").text()).contains("con sudo soy root").contains("podman version ");
        assertThat(nb.cell("comprueba-cuaderno").text()).contains("✓ La celda Java ha respondido\n    Hola desde Java ")
                .contains("✓ Un contenedor que no existe da un error que dice qué ha pasado\n    ").contains("no-existe");
    }

    @Test
    void bothStoresAndTheCourseImageAreChecked() {
        assertThat(nb.cell("comprueba-almacenes").text()).contains("✓ El almacén rootless usa el driver overlay\n    overlay en ")
                .contains("✓ El almacén rootful usa el driver overlay\n    overlay en /var/lib/containers/storage")
                .contains("✓ Cada modo tiene su propio almacén");
        assertThat(nb.cell("comprueba-imagen").text()).contains("✓ localhost/curso/httpd:latest está en el almacén rootless con 3 capas")
                .contains("✓ localhost/curso/httpd:latest está en el almacén rootful con 3 capas");
    }

    @Test
    void showsTheDiagnosisAsATable() {
        assertThat(nb.cell("diagnostico").html()).contains("capas-status").contains("<table").contains("Almacén rootful");
        assertThat(nb.cell("diagnostico").text()).contains("[OK]     Podman: Podman ");
    }

    @Test
    void checkCellConfirmsTheLabCanWork() {
        assertThat(nb.cell("comprueba-diagnostico").text()).contains("✓ El diagnóstico no encuentra ningún ERROR\n    El laboratorio puede funcionar");
    }

    @Test
    void shellCellsShowBothStoresUsingOverlay() {
        String text = nb.cell("bash-version").text();
        assertThat(text).containsPattern("rootless: overlay en /home/[^ ]+/\\.local/share/containers/storage");
        assertThat(text).contains("rootful:  overlay en /var/lib/containers/storage");
    }

    @Test
    void courseImageHasThreeLayersInBothStores() {
        String text = nb.cell("image-tree").text();
        assertThat(text).contains("Image Layers").contains("localhost/curso/httpd");
        assertThat(text.lines().filter(l -> l.contains("── ID:")).count()).as("layers of the tree").isEqualTo(3);
    }
}
