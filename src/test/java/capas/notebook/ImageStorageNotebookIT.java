package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Env;
import capas.Mode;
import capas.podman.Podman;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lesson 02 (image storage), executed top to bottom through real Jupyter on the Capas kernel as
 * the lab user (rootful parts through sudo -n), checked by what a student would look at: each
 * Comprueba prints only ✓ lines, and the commands show what the text says they show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageStorageNotebookIT {
    private static final String STORE = "/var/lib/containers/storage";
    private static final String V2 = "localhost/capas-02/httpd:v2";
    private static final Pattern ID = Pattern.compile("^Identificador de .*: ([0-9a-f]{64})$", Pattern.MULTILINE);
    private static final Pattern LAYER_ID = Pattern.compile("^== ([0-9a-f]{64})$", Pattern.MULTILINE);
    private static final Pattern TREE_LAYER = Pattern.compile("ID: ([0-9a-f]{12}) Size");

    /** What a student who predicted right writes in each prediction cell. */
    static final Map<String, String> ANSWERS = Map.of("cuantas-capas", "3", "sin-parent", "la de abajo", "nombres-en-lower", "2",
            "directorios-nuevos", "1", "capas-copiadas", "1, la nueva", "el-doble", "no, menos", "capa-de-busybox", "de una compartida");
    private ExecutedNotebook nb;
    private String imageId;
    private final String image = Env.image();

    @BeforeAll
    void execute() {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        nb = NotebookRunner.execute(AnsweredNotebook.with(Path.of("notebooks", "02-almacenamiento-de-imagenes.ipynb"), ANSWERS), true);
        imageId = group(ID, nb.cell("images-json").text());
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private static List<String> all(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(r -> r.group(1)).toList();
    }

    @Test
    void noCellFails() {
        assertThat(nb.errors()).isEmpty();
    }

    @Test
    void everySectionEndsWithAOneLineComprobaOfTicksOnly() {
        List<ExecutedNotebook.Cell> checks = nb.cells().stream()
                .filter(c -> !c.tags().isEmpty() && c.tags().get(0).startsWith("comprueba-")).toList();
        assertThat(checks).extracting(c -> c.tags().get(0)).containsExactly("comprueba-de-cero", "comprueba-almacen",
                "comprueba-manifiesto", "comprueba-cadena-de-capas", "comprueba-overlay", "comprueba-capas-compartidas", "comprueba-espacio",
                "comprueba-pull", "comprueba-explorar", "comprueba-tar-split", "comprueba-limpieza");
        for (ExecutedNotebook.Cell check : checks) {
            String tag = check.tags().get(0);
            assertThat(check.source().lines().count()).as(tag).isEqualTo(1);
            assertThat(check.hasError()).as(tag).isFalse();
            assertThat(check.text()).as(tag).startsWith("Comprueba: ").contains("\n✓ ").doesNotContain("✗").doesNotContain("\n~ ");
        }
    }

    /** The answers filled in are right: every prediction is kept, and ticked in its section's Comprueba. */
    @Test
    void everyPredictionIsKeptAndJudgedInItsSection() {
        for (String question : ANSWERS.keySet()) {
            assertThat(nb.cell("prediccion-" + question).text()).as(question).contains("Predicción anotada: «" + ANSWERS.get(question) + "»");
        }
        assertThat(nb.cell("comprueba-manifiesto").text()).contains("✓ Tu predicción para «¿cuántas capas listará el manifiesto?»: «3»");
        assertThat(nb.cell("comprueba-pull").text()).contains("✓ Tu predicción para «¿cuántas capas copiará pull del archivo?»")
                .contains("En tu máquina: 1 copiada(s), 3 saltada(s)");
    }

    @Test
    void podmanInfoShowsBothStores() {
        String info = nb.cell("info").text();
        String home = System.getProperty("user.home");
        assertThat(info).contains("== sin root (rootless)").contains("== con root (rootful)")
                .contains("\"graphRoot\": \"" + STORE + "\"").contains("\"graphRoot\": \"" + home + "/.local/share/containers/storage\"")
                .contains("\"configFile\": \"" + home + "/.config/containers/storage.conf\"")
                .contains("\"runRoot\": \"/run/containers/storage\"");
        assertThat(info.split("\"graphDriverName\": \"overlay\"", -1)).hasSize(3);
        // Podman 4 needs ./lab's storage.conf to get overlay rootless; podman 5 has it by default and gets none.
        Path rootlessConf = Path.of(home, ".config/containers/storage.conf");
        assertThat(nb.cell("storage-conf").text()).contains(Files.exists(rootlessConf)
                ? "== " + rootlessConf + "\n[storage]\ndriver = \"overlay\""
                : "== " + rootlessConf + " no existe");
        String rootfulConf = Files.exists(Path.of("/etc/containers/storage.conf")) ? "/etc/containers/storage.conf" : "/usr/share/containers/storage.conf";
        assertThat(info).contains("\"configFile\": \"" + rootfulConf + "\"");
        assertThat(nb.cell("comprueba-almacen").text()).contains("✓ rootful: driver overlay, graphRoot " + STORE)
                .contains("✓ rootless: driver overlay, graphRoot " + home + "/.local/share/containers/storage")
                .contains("✓ rootful: configFile " + rootfulConf).contains("✓ rootless: configFile " + home + "/.config/containers/storage.conf")
                .contains("✓ rootful: runRoot /run/containers/storage, en /run y fuera del almacén")
                .contains("✓ la biblioteca de Capas lee el mismo almacén rootful que podman info: " + STORE);
    }

    @Test
    void theImageAndItsManifest() {
        assertThat(nb.cell("ls-store").text().lines()).contains("overlay", "overlay-images", "overlay-layers");
        String images = nb.cell("images-json").text();
        assertThat(images).contains("\"id\": \"" + imageId + "\"").contains("\"layer\": \"").contains("manifest\n");
        String manifest = nb.cell("manifest").text();
        assertThat(manifest).contains("\"digest\": \"sha256:" + imageId + "\"").contains("\"layers\": [");
        // images.json's digest is the sha256sum of the manifest file, printed last
        String digest = group(Pattern.compile("\"digest\": \"sha256:([0-9a-f]{64})\"\n}"), images);
        assertThat(manifest).endsWith(digest + "  " + STORE + "/overlay-images/" + imageId + "/manifest\n");
        assertThat(nb.cell("comprueba-manifiesto").text()).contains("✓ el config del manifiesto es el identificador de la imagen")
                .contains("config.digest = sha256:" + imageId).contains("images.json: sha256:" + digest + "; sha256 del manifiesto: sha256:" + digest)
                .contains("✓ el fichero con ese nombre (en base64) es la configuración").contains("sha256:" + imageId.substring(0, 12))
                .contains("✓ el manifiesto lista 3 capas, de abajo arriba");
    }

    @Test
    void theLayerChainFollowsParent() {
        assertThat(nb.cell("ls-layers").text()).contains("layers.json").contains("layers.lock").contains(".tar-split.gz");
        String layers = nb.cell("layers-json").text();
        assertThat(layers.split("\"id\": ", -1)).hasSize(4);
        assertThat(layers).contains("\"parent\": null").contains("\"diff-digest\": \"sha256:").contains("\"compressed-diff-digest\": \"sha256:");
        String top = group(Pattern.compile("\"layer\": \"([0-9a-f]{64})\""), nb.cell("images-json").text());
        assertThat(layers).startsWith("{\n  \"id\": \"" + top + "\"");
        // the top layer of the course image holds /var/www/index.html; its tar-split entries name files only
        String tarSplit = nb.cell("tar-split").text();
        assertThat(tarSplit.lines()).isNotEmpty().allMatch(l -> l.startsWith("{\"type\":1,\"name\":"));
        assertThat(tarSplit).containsPattern("\"size\":\\d+,\"payload\":\"[A-Za-z0-9+/]{11}=\"");
        assertThat(nb.cell("comprueba-cadena-de-capas").text()).contains("hay 3 capas, siguiendo parent")
                .contains("✓ la capa de abajo no tiene parent, y su id es su diff-digest");
        assertThat(nb.cell("comprueba-tar-split").text())
                .contains("✓ las " + tarSplit.lines().count() + " entradas de fichero del tar-split.gz de la capa de arriba están en su diff")
                .containsPattern("✓ el CRC-64 del contenido en diff es el payload de tar-split.gz \\(ficheros comprobados: [1-9]\\d*\\)");
    }

    @Test
    void overlayFoldersLinksAndLowers() {
        String capas = nb.cell("ls-capas").text();
        List<String> ids = all(LAYER_ID, capas);
        assertThat(ids).hasSize(3);
        assertThat(capas).contains("lower: (no hay)").containsPattern("(?m)^lower: l/[A-Z0-9]{26}:l/[A-Z0-9]{26}$")
                .containsPattern("(?m)^lower: l/[A-Z0-9]{26}$").containsPattern("(?m)^link:  [A-Z0-9]{26}$");
        // the bottom layer (listed last) has empty and no lower
        String bottom = capas.substring(capas.indexOf("== " + ids.get(2)));
        assertThat(bottom.lines().toList()).contains("empty", "diff", "link", "merged", "work").doesNotContain("lower");
        for (String id : ids) {
            assertThat(nb.cell("ls-overlay").text()).contains(id);
            assertThat(nb.cell("ls-l").text()).containsPattern("[A-Z0-9]{26} -> \\.\\./" + id + "/diff");
        }
        String svg = nb.cell("dibujo").svg();
        assertThat(svg).startsWith("<?xml").contains("<svg").doesNotContain("Capa del contenedor");
        for (String id : ids) {
            assertThat(svg).contains("<title>" + id + "</title>");
        }
        assertThat(nb.cell("comprueba-overlay").text()).contains("✓ las 3 capas tienen diff, link, merged y work; la de abajo tiene empty y no lower")
                .contains("✓ merged, work y empty están vacíos").containsPattern("✓ lowerdir de estas 3 capas: mucho más corta con nombres cortos\n +3\\d\\d bytes con rutas completas, 86 con nombres cortos");
    }

    @Test
    void theSecondVersionSharesTheLowerLayers() {
        assertThat(nb.cell("build").text()).startsWith("FROM " + image + "\nCOPY version.txt /version.txt\n").containsPattern("(?m)^[0-9a-f]{64}$");
        String since = nb.cell("images-02").text();
        assertThat(since).contains("localhost/capas-02/httpd").contains("<none>");
        String tree = nb.cell("tree").text();
        List<String> treeLayers = all(TREE_LAYER, tree);
        assertThat(treeLayers).hasSize(7);
        assertThat(treeLayers.subList(3, 6)).isEqualTo(treeLayers.subList(0, 3));
        assertThat(treeLayers.get(6)).isNotIn(treeLayers.subList(0, 3));
        assertThat(tree).contains("Top Layer of: [" + V2 + "]");
        assertThat(nb.cell("manifest-v2").text().lines()).hasSize(4);
        assertThat(nb.cell("comprueba-capas-compartidas").text()).contains("✓ las 3 capas de abajo de " + V2 + " son las de " + image)
                .contains("✓ en overlay/ hay un solo directorio por capa")
                .containsPattern("✓ las [1-9] imágenes intermedias de la construcción tienen por capa de arriba la capa nueva");
    }

    /** Saved as an oci-archive, removed and pulled back: the course image's layers are skipped, only the new one copied. */
    @Test
    void pullSkipsTheLayersAlreadyThere() {
        String pull = nb.cell("pull").text();
        assertThat(pull).contains("Untagged: " + V2).containsPattern("(?m)^Deleted: [0-9a-f]{64}$");
        // Both Podman 4 and 5 name in their debug log each blob they found already there.
        assertThat(pull.lines().filter(l -> l.startsWith("Skipping blob sha256:")).distinct()).hasSize(3);
        assertThat(nb.cell("comprueba-pull").text()).contains("✓ " + V2 + " ha vuelto, con la etiqueta de esta lección")
                .contains("✓ pull ha saltado las 3 capas que ya estaban")
                .contains("✓ pull sólo ha copiado una capa, la nueva").contains("✓ la imagen descargada no tiene imágenes intermedias");
    }

    @Test
    void theDiskHoldsTheDistinctLayersOnly() {
        String df = nb.cell("system-df").text();
        assertThat(df).contains("SHARED SIZE").contains("UNIQUE SIZE").contains("localhost/capas-02/httpd")
                // UNIQUE SIZE 0B: every layer shared with v2; CONTAINERS counts the student's own ones too.
                .containsPattern("(?m)^\\S+\\s+\\S+\\s+" + imageId.substring(0, 12) + "\\s.*\\s0B\\s+\\d+$");
        assertThat(nb.cell("espacio").text()).contains("Capas: 7 contando cada imagen; 4 distintas");
        assertThat(nb.cell("comprueba-espacio").text()).contains("✓ el ahorro es exactamente el tamaño de las capas compartidas");
    }

    @Test
    void theNotebookLeavesNothingBehind() {
        Podman rootful = new Podman(Mode.ROOTFUL);
        assertThat(rootful.command("image", "exists", V2).exitCode()).isEqualTo(1);
        assertThat(rootful.command("image", "exists", image).exitCode()).isZero();
        assertThat(Path.of(System.getProperty("user.home"), "capas-02")).doesNotExist();
        assertThat(rootful.command("images", "-a", "-q", "--filter", "label=capas.leccion=02").out()).isBlank();
        assertThat(nb.cell("limpieza").text()).startsWith("Untagged: " + V2 + "\n");
        assertThat(nb.cell("comprueba-limpieza").text()).contains("✓ no queda ninguna imagen de esta lección").contains("✓ " + V2 + " ya no está")
                .containsPattern("✓ su capa nueva, [0-9a-f]{12}, ya no está en overlay/");
    }

    @Test
    void theExplorerShowsEachLayerFoldedAndSaysWhereAFileComesFrom() {
        String html = nb.cell("explorar").html();
        assertThat(html).contains("<details").contains("version.txt").doesNotContain("<script");
        assertThat(nb.cell("de-que-capa").text()).contains("/version.txt").contains("/bin/busybox");
    }
}
