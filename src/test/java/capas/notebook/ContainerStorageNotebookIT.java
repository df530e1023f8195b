package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Env;
import capas.Mode;
import capas.podman.Podman;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lesson 03 (rootful), executed top to bottom through real Jupyter on the Capas kernel as the
 * lab user (rootful parts through sudo -n), checked by what a student would look at: each
 * Comprueba is one line whose checklist has no ✗ and says what it checked against the real
 * store, the predictions (answered right here) come out ✓, and the commands show what the text
 * says they show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerStorageNotebookIT {
    private static final Pattern LAYER = Pattern.compile("\"layer\": \"([0-9a-f]{64})\"");
    private static final Pattern IMAGE = Pattern.compile("\"image\": \"([0-9a-f]{64})\"");
    private static final Pattern ID = Pattern.compile("^([0-9a-f]{64})$", Pattern.MULTILINE);
    private static final String STORE = "/var/lib/containers/storage";

    private ExecutedNotebook nb;
    private String layer;
    private String containerId;
    private final String image = Env.image();

    @BeforeAll
    void execute() {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        // A student who predicts right: one layer of its own, the image's id in the record, the overlay on the host, one lowerdir
        // for both, 20 MB more and the image part unchanged, the tmpfile in the container's layer, rmi refused, the layer gone.
        nb = NotebookRunner.execute(AnsweredNotebook.with(Path.of("notebooks", "03-almacenamiento-de-contenedores.ipynb"),
                Map.of("capas-propias", "una", "campo-image", "sí", "capa-de-tmpfile", "contenedor", "overlay-en-el-anfitrion", "sí",
                        "misma-lowerdir", "sí", "cuanto-crece", "20", "cambia-la-imagen", "no", "rmi", "no", "capa-tras-rm", "no")), true);
        layer = group(LAYER, nb.cell("jq-containers").text());
        containerId = group(ID, nb.cell("run").text());
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    @Test
    void onlyTheCellMeantToFailFails() {
        assertThat(nb.errors()).extracting(ExecutedNotebook.Error::cellId).containsExactly(nb.cell("rmi-refused").id());
    }

    @Test
    void everySectionEndsWithAOneLineComprobaWhoseChecklistHasNoCross() {
        List<ExecutedNotebook.Cell> checks = nb.cells().stream()
                .filter(c -> !c.tags().isEmpty() && c.tags().get(0).startsWith("comprueba-")).toList();
        assertThat(checks).extracting(c -> c.tags().get(0)).containsExactly("comprueba-run", "comprueba-containers-json",
                "comprueba-diff", "comprueba-userdata", "comprueba-montaje", "comprueba-compartidas", "comprueba-dibujo",
                "comprueba-size", "comprueba-rmi", "comprueba-rm");
        for (ExecutedNotebook.Cell check : checks) {
            assertThat(check.hasError()).as(check.tags().get(0)).isFalse();
            assertThat(check.source().strip()).as(check.tags().get(0)).startsWith("leccion.comprueba(\"").doesNotContain("\n");
            assertThat(check.html()).as(check.tags().get(0)).contains("capas-checklist");
            List<String> marks = check.text().lines().filter(l -> l.matches("^[✓✗~] .*")).toList();
            assertThat(marks).as(check.tags().get(0)).isNotEmpty().allMatch(l -> l.startsWith("✓ "));
            assertThat(check.text()).as(check.tags().get(0)).contains("Comprueba: ").doesNotContain("✗");
        }
    }

    @Test
    void everyPredictionIsAskedBeforeTheCellThatAnswersItAndCameOutRight() {
        List<String> tags = nb.cells().stream().filter(c -> !c.tags().isEmpty()).map(c -> c.tags().get(0)).toList();
        assertThat(tags.indexOf("prediccion-capas-propias")).isLessThan(tags.indexOf("run"));
        assertThat(tags.indexOf("prediccion-image")).isLessThan(tags.indexOf("jq-containers"));
        assertThat(tags.indexOf("prediccion-capa")).isLessThan(tags.indexOf("ls-diff"));
        assertThat(tags.indexOf("prediccion-anfitrion")).isLessThan(tags.indexOf("mount-overlay"));
        assertThat(tags.indexOf("prediccion-lowerdir")).isLessThan(tags.indexOf("mount-two"));
        assertThat(tags.indexOf("prediccion-crece")).isLessThan(tags.indexOf("ps-size-after"));
        assertThat(tags.indexOf("prediccion-imagen")).isLessThan(tags.indexOf("ps-size-after"));
        assertThat(tags.indexOf("prediccion-rmi")).isLessThan(tags.indexOf("rmi-refused"));
        assertThat(tags.indexOf("prediccion-rm")).isLessThan(tags.indexOf("rm"));
        assertThat(nb.cell("prediccion-capa").text()).contains("Predicción anotada: «contenedor»");
        assertThat(nb.cell("comprueba-diff").text()).contains("✓ Tu predicción para «¿en qué capa estará tmpfile.txt?»: «contenedor»\n    En tu máquina: está en la capa del contenedor");
        assertThat(nb.cell("comprueba-rmi").text()).contains("✓ Tu predicción para «¿podrá Podman borrar la imagen?»");
        assertThat(nb.cell("comprueba-run").text()).contains("✓ Tu predicción para «¿cuántas capas propias tendrá contenedor1, además de las de la imagen?»: «una»\n"
                + "    En tu máquina: capas propias: 1, la del contenedor, encima de las de la imagen");
        assertThat(nb.cell("comprueba-containers-json").text())
                .contains("✓ Tu predicción para «¿será el campo image el identificador que da podman image inspect?»: «sí»\n    En tu máquina: sí, el mismo: ");
        assertThat(nb.cell("comprueba-montaje").text()).contains("✓ Tu predicción para «¿estará el overlay de contenedor1 en la tabla de montajes del anfitrión, "
                + "aunque el contenedor tenga la suya?»: «sí»\n    En tu máquina: sí, está");
        assertThat(nb.cell("comprueba-compartidas").text())
                .contains("✓ Tu predicción para «¿tendrá contenedor2 la misma lowerdir que contenedor1?»: «sí»\n    En tu máquina: sí, la misma");
        assertThat(nb.cell("comprueba-size").text())
                .containsPattern("✓ Tu predicción para «¿cuántos MB crecerá la capa del contenedor al escribir 20 MB\\?»: «20»\n    En tu máquina: 2\\d MB")
                .contains("✓ Tu predicción para «¿cambiará la parte de la imagen?»: «no»\n    En tu máquina: no, se queda igual");
        assertThat(nb.cell("comprueba-rm").text()).contains("✓ Tu predicción para «¿seguirá la capa del contenedor en el disco después de podman rm?»");
    }

    @Test
    void theContainerIsCreatedFromTheImageWithTheLabels() {
        assertThat(nb.cell("run").text()).startsWith("Imagen: " + image + "\n");
        assertThat(nb.cell("exec").text()).isEqualTo("Ejemplo Podman\n");
        assertThat(nb.cell("comprueba-run").text()).contains("✓ contenedor1 está en el almacén " + STORE + "\n    identificador " + containerId.substring(0, 12))
                .contains("✓ contenedor1 está en marcha").contains("✓ se creó a partir de " + image)
                .contains("✓ lleva las etiquetas capas.lab=true y capas.leccion=03");
    }

    @Test
    void containersJsonHasTheRecordAndItsLock() {
        assertThat(nb.cell("ls-overlay-containers").text()).contains(containerId).contains("containers.json").contains("containers.lock");
        String jq = nb.cell("jq-containers").text();
        String imageId = group(IMAGE, jq);
        assertThat(jq).contains("\"names\": [\n    \"contenedor1\"\n  ]").contains("\"id\": \"" + containerId + "\"")
                .contains("\"MountLabel\": \"\"").contains("\"ProcessLabel\": \"\"")
                // podman image inspect, printed below the record, gives the same image id
                .endsWith("Identificador de " + image + ":\n" + imageId + "\n");
        assertThat(nb.cell("selinux").text()).isEqualTo("SELinux activo: false\n");
        assertThat(nb.cell("containers-table").html()).contains("<table").contains("contenedor1").contains(layer).contains(image);
        assertThat(nb.cell("comprueba-containers-json").text()).contains("✓ el campo names tiene el nombre contenedor1\n    [contenedor1]")
                .contains("✓ el campo image es el identificador de " + image + "\n    " + imageId)
                .contains("✓ el campo layer es una capa del almacén cuya capa padre es la de arriba de la imagen\n    capa " + layer.substring(0, 12))
                .contains("✓ la diff de esa capa es la UpperDir que da podman inspect\n    " + STORE + "/overlay/" + layer + "/diff")
                .contains("✓ MountLabel y ProcessLabel están vacías, porque SELinux no está activo");
    }

    @Test
    void theFileIsInTheContainerLayersDiff() {
        String expected = STORE + "/overlay/" + layer + "/diff/tmp/tmpfile.txt";
        assertThat(nb.cell("ls-diff").text()).contains("capa del contenedor: " + layer).contains("tmpfile.txt");
        assertThat(nb.cell("locate").text()).contains("capa del contenedor").contains(expected);
        assertThat(nb.cell("comprueba-diff").text()).contains("✓ /tmp/tmpfile.txt está en el directorio diff de la capa del contenedor\n    " + expected)
                .contains("✓ y contiene «Ejemplo Podman»");
    }

    @Test
    void userdataHoldsTheConfigAndWhatIsMountedIntoTheContainer() {
        String userdata = STORE + "/overlay-containers/" + containerId + "/userdata";
        assertThat(nb.cell("ls-userdata").text().lines()).contains("config.json", "shm", "attach", "ctl", "winsz");
        assertThat(nb.cell("userdata").html()).contains(userdata).contains("config.json");
        assertThat(nb.cell("config-json").text()).contains("\"root\": \"" + STORE + "/overlay/" + layer + "/merged\"")
                .contains("\"source\": \"" + userdata + "/shm\"")
                .contains("\"source\": \"/run/containers/storage/overlay-containers/" + containerId + "/userdata/hostname\"");
        assertThat(nb.cell("comprueba-userdata").text()).contains("✓ " + userdata + " tiene config.json, shm, attach, ctl y winsz")
                .containsPattern("✓ el runtime que arrancó el contenedor es runc o crun \\(según podman inspect\\)\n    (runc|crun)\n")
                .contains("✓ config.json: la raíz del contenedor es su directorio merged\n    " + STORE + "/overlay/" + layer + "/merged")
                .contains("✓ config.json: /dev/shm sale de userdata/shm\n    " + userdata + "/shm")
                .contains("✓ config.json: /etc/hosts sale del userdata del runroot");
    }

    @Test
    void theSeedsInspectTemplatePrintsOneKeyPerLine() {
        // podman 4.3 turns the template's \n into a real line break: the seed's command works as written.
        assertThat(nb.cell("inspect-graphdriver").source()).contains("{{$key}} = {{$dir}}\\n{{end}}");
        String out = nb.cell("inspect-graphdriver").text();
        assertThat(out).doesNotContain("\\n");
        assertThat(out.lines().filter(l -> !l.isBlank()).map(l -> l.substring(0, l.indexOf(" = "))).toList())
                .containsExactly("LowerDir", "MergedDir", "UpperDir", "WorkDir");
        assertThat(out).contains("UpperDir = " + STORE + "/overlay/" + layer + "/diff\n");
    }

    @Test
    void theMountAgreesWithPodmanInspectAndUsesShortLinks() {
        assertThat(nb.cell("mount-overlay").text()).containsPattern("(?m)^lowerdir=(\\S*l/[A-Z0-9]{26}:){2}\\S*l/[A-Z0-9]{26}$")
                .contains("upperdir=" + STORE + "/overlay/" + layer + "/diff\n");
        assertThat(nb.cell("mount").html()).contains("upperdir").contains(layer);
        assertThat(nb.cell("comprueba-montaje").text()).contains("✓ upperdir es la UpperDir de podman inspect\n    " + STORE + "/overlay/" + layer + "/diff")
                .contains("✓ lowerdir son las 3 capas de la imagen");
    }

    @Test
    void aRootfulContainerHasItsOwnMountNamespaceYetTheHostSeesItsOverlay() {
        List<String> ids = nb.cell("ns-rootful").text().lines().map(l -> l.replaceAll(".*(mnt:\\[\\d+\\]).*", "$1")).toList();
        assertThat(ids).hasSize(2).doesNotHaveDuplicates().allMatch(i -> i.matches("mnt:\\[\\d+\\]"));
        assertThat(nb.cell("comprueba-montaje").text()).contains("✓ el contenedor tiene su propio espacio de nombres de montaje, distinto del anfitrión\n    contenedor " + ids.get(1) + "; anfitrión " + ids.get(0))
                .contains("✓ y aun así su overlay está en la tabla de montajes del anfitrión");
    }

    @Test
    void twoContainersShareTheImageLayersButNotTheirOwn() {
        String text = nb.cell("mount-two").text();
        List<String> lowers = text.lines().filter(l -> l.startsWith("lowerdir=")).toList();
        List<String> uppers = text.lines().filter(l -> l.startsWith("upperdir=")).toList();
        assertThat(text).contains("== contenedor1\n").contains("== contenedor2\n");
        assertThat(lowers).hasSize(2);
        assertThat(lowers.get(0)).isEqualTo(lowers.get(1)).contains("/l/");
        assertThat(uppers).hasSize(2).doesNotHaveDuplicates();
        assertThat(uppers.get(0)).isEqualTo("upperdir=" + STORE + "/overlay/" + layer + "/diff");
        assertThat(nb.cell("comprueba-compartidas").text()).contains("✓ contenedor1 y contenedor2 tienen la misma lowerdir\n    " + lowers.get(0).substring("lowerdir=".length()))
                .contains("✓ contenedor2 se ha borrado").contains("✓ las 3 capas de la imagen siguen en el disco");
    }

    @Test
    void theDiagramIsDrawnFromTheRealStoreWithTheFileInTheContainerLayer() {
        String svg = nb.cell("diagram").svg();
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("<title>" + layer + "</title>")
                .contains("★ /tmp/tmpfile.txt").contains("Capa del contenedor");
        assertThat(nb.cell("diagram").text()).contains("El fichero /tmp/tmpfile.txt está en la capa " + layer.substring(0, 12));
        assertThat(nb.cell("comprueba-dibujo").text()).contains("✓ arriba, la capa del contenedor\n    " + layer.substring(0, 12))
                .contains("✓ ★ /tmp/tmpfile.txt está marcado en ella, y esa ruta existe en el anfitrión\n    " + STORE + "/overlay/" + layer + "/diff/tmp/tmpfile.txt")
                .contains("✓ debajo, las 3 capas de la imagen");
    }

    @Test
    void theContainerLayerGrowsButTheImageDoesNot() {
        assertThat(nb.cell("ps-size-before").text()).containsPattern("contenedor1\\s+[\\d.]+k?B \\(virtual");
        assertThat(nb.cell("ps-size-after").text()).containsPattern("contenedor1\\s+2\\dMB \\(virtual");
        assertThat(nb.cell("comprueba-size").source()).isEqualTo("leccion.comprueba(\"la-capa-crece\", antes)");
        assertThat(nb.cell("comprueba-size").text()).contains("✓ la capa del contenedor ha crecido al menos 20 MB").containsPattern("bytes: 2\\d MB más")
                .contains("✓ la parte de la imagen no ha cambiado");
    }

    @Test
    void removingTheImageInUseIsRefused() {
        // The student's own containers of the course image are listed too, and the data-safety seed names the image
        // a second time: then podman refuses by id (more than one name) instead, and the library before podman.
        assertThat(nb.cell("rmi-refused").text()).containsPattern("Contenedores que usan " + java.util.regex.Pattern.quote(image) + ":.* contenedor1")
                .containsAnyOf("image is in use by a container", "by ID with more than one tag");
        assertThat(nb.cell("comprueba-rmi").text()).contains("✓ contenedor1 usa " + image).contains("✓ Podman se niega a borrarla")
                .containsAnyOf("Podman se niega a borrar la imagen " + image, "No se borra la imagen " + image + ": tiene también otros nombres")
                .contains("✓ la imagen sigue en el almacén");
    }

    @Test
    void theContainerLayerDisappearsWithTheContainer() {
        assertThat(nb.cell("layer-before-rm").text()).contains(layer + "? true");
        assertThat(nb.cell("comprueba-rm").text()).contains("✓ la capa del contenedor ya no está en el disco").contains(STORE + "/overlay/" + layer + "\n")
                .contains("✓ contenedor1 y contenedor2 ya no están en containers.json").contains("✓ la imagen " + image + " sigue en el almacén");
    }

    @Test
    void theNotebookLeavesNothingBehind() {
        Podman rootful = new Podman(Mode.ROOTFUL);
        for (String name : List.of("contenedor1", "contenedor2")) {
            assertThat(rootful.command("container", "exists", name).exitCode()).as(name).isEqualTo(1);
        }
        assertThat(rootful.command("image", "exists", image).exitCode()).as(image).isZero();
    }
}
