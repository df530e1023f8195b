package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 00-preparacion, executed through real Jupyter on the Capas kernel, checked by its outputs. */
class PreparacionNotebookIT {
    private static ExecutedNotebook nb;

    @BeforeAll
    static void execute() throws Exception {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        nb = NotebookRunner.execute(Path.of("notebooks", "00-preparacion.ipynb"));
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
        assertThat(nb.cell("comprueba-cuaderno").text()).startsWith("✓ Java responde");
    }

    @Test
    void bothStoresAndTheCourseImageAreChecked() {
        assertThat(nb.cell("comprueba-almacenes").text()).contains("✓ rootless: overlay en ").contains("✓ rootful:  overlay en /var/lib/containers/storage");
        assertThat(nb.cell("comprueba-imagen").text()).contains("localhost/curso/httpd:latest está en el almacén rootless con 3 capas")
                .contains("está en el almacén rootful con 3 capas");
    }

    @Test
    void showsTheDiagnosisAsATable() {
        assertThat(nb.cell("diagnostico").html()).contains("capas-status").contains("<table").contains("Almacén rootful");
        assertThat(nb.cell("diagnostico").text()).contains("[OK]     Podman: Podman ");
    }

    @Test
    void checkCellConfirmsTheLabCanWork() {
        assertThat(nb.cell("comprueba-diagnostico").text()).contains("✓ El laboratorio puede funcionar");
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
