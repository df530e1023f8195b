package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lesson 03 (rootful), executed top to bottom through real Jupyter on the Capas kernel as the
 * lab user (rootful parts through sudo -n), checked by what a student would look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerStorageNotebookIT {
    private static final Pattern LAYER = Pattern.compile("\"layer\": \"([0-9a-f]{64})\"");

    private ExecutedNotebook nb;
    private String layer;

    @BeforeAll
    void execute() {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        nb = NotebookRunner.execute(Path.of("notebooks", "03-almacenamiento-de-contenedores.ipynb"), true);
        Matcher m = LAYER.matcher(nb.cell("jq-containers").text());
        assertThat(m.find()).as(nb.cell("jq-containers").text()).isTrue();
        layer = m.group(1);
    }

    @Test
    void onlyTheCellMeantToFailFails() {
        assertThat(nb.errors()).extracting(ExecutedNotebook.Error::cellId).containsExactly(nb.cell("rmi-refused").id());
    }

    @Test
    void theFileIsInTheContainerLayersDiff() {
        String expected = "/var/lib/containers/storage/overlay/" + layer + "/diff/tmp/tmpfile.txt";
        assertThat(nb.cell("ls-diff").text()).contains("tmpfile.txt");
        assertThat(nb.cell("locate").text()).contains("capa del contenedor").contains(expected);
        assertThat(nb.cell("comprueba-diff").text()).contains("✓ /tmp/tmpfile.txt está en " + expected).contains("✓ y contiene: Ejemplo Podman");
    }

    @Test
    void containersJsonIsShownWithItsMetadataDecoded() {
        assertThat(nb.cell("containers-table").html()).contains("<table").contains("contenedor1").contains(layer)
                .contains("localhost/curso/httpd:latest");
    }

    @Test
    void theMountAgreesWithPodmanInspect() {
        assertThat(nb.cell("inspect-graphdriver").text()).contains("UpperDir = /var/lib/containers/storage/overlay/" + layer + "/diff");
        assertThat(nb.cell("mount").html()).contains("upperdir").contains(layer);
        assertThat(nb.cell("comprueba-montaje").text()).contains("✓ lowerdir = las 3 capas de la imagen");
    }

    @Test
    void theDiagramIsDrawnFromTheRealStoreWithTheFileInTheContainerLayer() {
        String svg = nb.cell("diagram").svg();
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("<title>" + layer + "</title>")
                .contains("★ /tmp/tmpfile.txt").contains("Capa del contenedor");
        assertThat(nb.cell("diagram").text()).contains("El fichero /tmp/tmpfile.txt está en la capa " + layer.substring(0, 12));
    }

    @Test
    void theContainerLayerGrowsButTheImageDoesNot() {
        assertThat(nb.cell("ps-size-after").text()).containsPattern("contenedor1\\s+2\\dMB \\(virtual");
        assertThat(nb.cell("comprueba-size").text()).contains("✓ la capa del contenedor ha crecido 2").contains("la imagen sigue igual");
    }

    @Test
    void removingTheImageInUseIsRefused() {
        assertThat(nb.cell("rmi-refused").text()).contains("image is in use by a container");
        assertThat(nb.cell("comprueba-rmi").text()).contains("✓ Podman se niega a borrar la imagen");
    }

    @Test
    void theContainerLayerDisappearsWithTheContainer() {
        assertThat(nb.cell("layer-before-rm").text()).contains(layer + "? true");
        assertThat(nb.cell("comprueba-rm").text()).contains("✓ la capa " + layer.substring(0, 12) + "… ya no existe");
    }
}
