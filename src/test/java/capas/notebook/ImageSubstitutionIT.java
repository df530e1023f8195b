package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Env;
import capas.Labels;
import capas.Mode;
import capas.os.CommandResult;
import capas.os.TempDir;
import capas.podman.Podman;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lesson 03 run with another image, as the notebook tells a student to: {@code CAPAS_IMAGE} set
 * before the lab starts, no cell edited. The other image is built offline from the course image
 * (same layers, its own id), so a cell that still used the course image, or an {@code rmi} of an
 * image no container uses, would show here: the course image must survive in both stores, and
 * the substitute too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageSubstitutionIT {
    private static final String COURSE = Env.DEFAULT_IMAGE;
    private static final String SUBSTITUTE = Labels.lessonImage("03", "sustituta");
    private static final String EXECUTED = "03-con-otra-imagen";

    private final Podman rootful = new Podman(Mode.ROOTFUL);
    private final Podman rootless = new Podman(Mode.ROOTLESS);
    private String courseRootful;
    private String courseRootless;
    private String substituteId;
    private ExecutedNotebook nb;

    @BeforeAll
    void execute() throws IOException {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        courseRootful = imageId(rootful, COURSE);
        courseRootless = imageId(rootless, COURSE);
        Prerequisites.require(courseRootful != null && courseRootless != null, "the course image in both stores (./lab builds it)");
        removeLeftover();
        try (TempDir context = TempDir.create("capas-03-sustituta")) {
            Files.writeString(context.path().resolve("Containerfile"), "FROM " + COURSE + "\n");
            // Labelled capas.lab.imagen=03 and named under localhost/capas-03/: ./lab limpiar 03 would remove it too.
            substituteId = new Podman(Mode.ROOTFUL, "03").build(SUBSTITUTE, context.path());
        }
        assertThat(substituteId).isNotEqualTo(courseRootful).isEqualTo(imageId(rootful, SUBSTITUTE));

        NotebookRunner.installKernel();
        Path ipynb = Path.of("notebooks", "03-almacenamiento-de-contenedores.ipynb").toAbsolutePath();
        // As a student would: CAPAS_IMAGE in the environment Jupyter (and so the kernel) starts with.
        List<String> command = new ArrayList<>(List.of("/usr/bin/env", Env.IMAGE + "=" + SUBSTITUTE, NotebookRunner.JUPYTER.toString(),
                "nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.timeout=600",
                "--ExecutePreprocessor.kernel_name=" + NotebookRunner.KERNEL, "--output-dir", NotebookRunner.EXECUTED_DIR.toString(),
                "--output", EXECUTED, ipynb.toString()));
        NotebookRunner.run(command, "nbconvert " + ipynb + " with " + Env.IMAGE + "=" + SUBSTITUTE);
        nb = ExecutedNotebook.read(NotebookRunner.EXECUTED_DIR.resolve(EXECUTED + ".ipynb"));
    }

    /** A substitute left by an interrupted run of this test (same name, this lesson's label, no container on it). */
    private void removeLeftover() {
        if (imageId(rootful, SUBSTITUTE) == null) {
            return;
        }
        CommandResult label = rootful.command("image", "inspect", "--format", "{{index .Labels \"" + Labels.IMAGE + "\"}}", SUBSTITUTE);
        assertThat(label.out().strip()).as(SUBSTITUTE + " exists and is not this lesson's: not touching it").isEqualTo("03");
        assertThat(rootful.command("rmi", SUBSTITUTE).ok()).as("remove the leftover " + SUBSTITUTE).isTrue();
    }

    @AfterAll
    void removeWhatThisTestCreated() {
        if (substituteId == null) {
            return;
        }
        // The notebook removes its containers; after a failure, only its own (lesson 03, on the substitute) are removed here.
        for (String name : List.of("contenedor1", "contenedor2")) {
            CommandResult owner = rootful.command("container", "inspect", "--format",
                    "{{.Image}} {{index .Config.Labels \"" + Labels.LESSON + "\"}}", name);
            if (owner.ok() && owner.out().strip().equals(substituteId + " 03")) {
                rootful.command("rm", "-f", "-t", "0", name);
            }
        }
        if (substituteId.equals(imageId(rootful, SUBSTITUTE))) {
            assertThat(rootful.command("rmi", substituteId).ok()).as("remove " + SUBSTITUTE).isTrue();
        }
        assertThat(imageId(rootful, COURSE)).as("course image after removing the substitute").isEqualTo(courseRootful);
    }

    /** The image's full id, or {@code null} when the store has no such image. */
    private static String imageId(Podman podman, String image) {
        CommandResult result = podman.command("image", "inspect", "--format", "{{.Id}}", image);
        return result.ok() ? result.out().strip() : null;
    }

    @Test
    void everyCellUsedTheSubstitute() {
        assertThat(nb.cell("preparacion").text()).contains("Imagen:  " + SUBSTITUTE);
        assertThat(nb.cell("run").text()).startsWith("Imagen: " + SUBSTITUTE + "\n");
        assertThat(nb.cell("comprueba-run").text()).contains("✓ se creó a partir de " + SUBSTITUTE + "\n    imagen del contenedor " + substituteId.substring(0, 12) + "; " + substituteId.substring(0, 12));
        assertThat(nb.cell("jq-containers").text()).contains("\"image\": \"" + substituteId + "\"")
                .contains("\\\"image-name\\\":\\\"" + SUBSTITUTE + "\\\"");
        assertThat(nb.cell("containers-table").text()).contains(SUBSTITUTE);
        assertThat(nb.cell("comprueba-montaje").text()).contains("✓ lowerdir son las 3 capas de la imagen");
    }

    @Test
    void onlyTheRefusalFailsAndItIsTheRefusalOfTheSubstitute() {
        assertThat(nb.errors()).extracting(ExecutedNotebook.Error::cellId).containsExactly(nb.cell("rmi-refused").id());
        assertThat(nb.cell("rmi-refused").text()).contains("Contenedores que usan " + SUBSTITUTE + ": contenedor1")
                .contains("image is in use by a container");
        assertThat(nb.cell("comprueba-rmi").text()).contains("✓ contenedor1 usa " + SUBSTITUTE).contains("✓ Podman se niega a borrarla\n    Podman se niega a borrar la imagen " + SUBSTITUTE)
                .contains("✓ la imagen sigue en el almacén\n    " + substituteId.substring(0, 12)).doesNotContain("✗");
        // Nobody answered the predictions here: a prediction left as it was never fails the check.
        assertThat(nb.cell("comprueba-rmi").text()).contains("~ No has anotado ninguna predicción");
        assertThat(nb.cell("comprueba-run").text()).contains("~ No has anotado ninguna predicción para «¿cuántas capas propias").doesNotContain("✗");
        assertThat(nb.cell("comprueba-size").text()).contains("~ No has anotado ninguna predicción para «¿cuántos MB")
                .contains("~ No has anotado ninguna predicción para «¿cambiará la parte de la imagen?»").doesNotContain("✗");
        assertThat(nb.cell("comprueba-rm").text()).contains("✓ la imagen " + SUBSTITUTE + " sigue en el almacén\n    " + substituteId.substring(0, 12)).doesNotContain("✗");
    }

    @Test
    void theCourseImageIsStillInBothStores() {
        assertThat(imageId(rootful, COURSE)).as("rootful " + COURSE).isEqualTo(courseRootful);
        assertThat(imageId(rootless, COURSE)).as("rootless " + COURSE).isEqualTo(courseRootless);
    }

    @Test
    void theSubstituteIsIntact() {
        assertThat(imageId(rootful, SUBSTITUTE)).isEqualTo(substituteId);
        CommandResult layers = rootful.command("image", "inspect", "--format", "{{len .RootFS.Layers}} {{index .Labels \"" + Labels.IMAGE + "\"}}",
                SUBSTITUTE);
        assertThat(layers.out().strip()).isEqualTo("3 03");
        for (String name : List.of("contenedor1", "contenedor2")) {
            assertThat(rootful.command("container", "exists", name).exitCode()).as(name + " removed by the notebook").isEqualTo(1);
        }
    }
}
